import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { todayCivil } from '../../format.js';
import { STEP_LABELS } from './types.js';

const FIELDS = ['name', 'date', 'advice', 'source', 'outcome', 'consent', 'capable', 'note'] as const;

/** What each step asks for: who, when and what was said or done. */
const SHAPE: Record<string, { name?: string; date?: boolean; advice?: string; source?: string; outcome?: string; consent?: boolean; capable?: boolean }> = {
  consult_supervisor: { name: 'Supervisor’s name', date: true, advice: 'Their advice' },
  legal_advice: { source: 'Where the advice came from', date: true, advice: 'The advice' },
  discuss_with_client: { date: true, outcome: 'What the client said', consent: true },
  assess_capacity: { date: true, capable: true },
  verify_requester: { outcome: 'How they and their instrument were checked', date: true },
};

export function StepForm({ requestId, step, onSaved }: { requestId: string; step: string; onSaved: () => void }) {
  const shape = SHAPE[step] ?? {};
  const [v, setV] = useState({ name: '', date: todayCivil(), advice: '', source: '', outcome: '', consent: '', capable: '', note: '', notNeeded: false });
  const [busy, setBusy] = useState(false);
  const { errors, fromError, clear } = useFormErrors(FIELDS);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const label = STEP_LABELS[step] ?? step;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setBusy(true);
    try {
      const body: Record<string, unknown> = { step, state: v.notNeeded ? 'not_needed' : 'done', note: v.note };
      if (!v.notNeeded) {
        if (shape.name) body.name = v.name;
        if (shape.date) body.date = v.date || null;
        if (shape.advice) body.advice = v.advice;
        if (shape.source) body.source = v.source;
        if (shape.outcome) body.outcome = v.outcome;
        if (shape.consent) body.consent = v.consent || null;
        if (shape.capable) body.capable = v.capable === '' ? null : v.capable === 'yes';
      }
      await api.post(`/api/requests/${encodeURIComponent(requestId)}/steps`, body);
      onSaved();
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="inline-form" aria-label={`Record: ${label}`}>
      {!v.notNeeded && (
        <div className="grid-2">
          {shape.name && <Field label={shape.name} error={errors.fields.name}>{(p) => <input {...p} name="name" value={v.name} onChange={set('name')} required />}</Field>}
          {shape.source && <Field label={shape.source} error={errors.fields.source}>{(p) => <input {...p} name="source" value={v.source} onChange={set('source')} required />}</Field>}
          {shape.date && <Field label="Date" error={errors.fields.date}>{(p) => <input {...p} name="date" type="date" value={v.date} onChange={set('date')} />}</Field>}
          {shape.consent && (
            <Field label="Their answer on consent" optional error={errors.fields.consent}>
              {(p) => (
                <select {...p} name="consent" value={v.consent} onChange={set('consent')}>
                  <option value="">Not settled yet</option>
                  <option value="given">Gave informed consent</option>
                  <option value="refused">Refused</option>
                  <option value="cannot_discuss">Could not be reached</option>
                </select>
              )}
            </Field>
          )}
          {shape.capable && (
            <Field label="Able to decide for themselves now?" error={errors.fields.capable}>
              {(p) => (
                <select {...p} name="capable" value={v.capable} onChange={set('capable')} required>
                  <option value="">Choose…</option>
                  <option value="yes">Yes</option>
                  <option value="no">No</option>
                </select>
              )}
            </Field>
          )}
        </div>
      )}
      {!v.notNeeded && shape.advice && <Field label={shape.advice} error={errors.fields.advice}>{(p) => <textarea {...p} name="advice" rows={2} value={v.advice} onChange={set('advice')} required />}</Field>}
      {!v.notNeeded && shape.outcome && <Field label={shape.outcome} error={errors.fields.outcome}>{(p) => <textarea {...p} name="outcome" rows={2} value={v.outcome} onChange={set('outcome')} required />}</Field>}
      <Field label={v.notNeeded ? 'Why it is not needed' : 'Note'} optional={!v.notNeeded} error={errors.fields.note}>
        {(p) => <textarea {...p} name="note" rows={2} value={v.note} onChange={set('note')} required={v.notNeeded} />}
      </Field>
      <label className="field-check">
        <input type="checkbox" checked={v.notNeeded} onChange={(e) => setV({ ...v, notNeeded: e.target.checked })} />
        Not needed in this case
      </label>
      <FormError message={errors.form} />
      <div className="button-row">
        <button type="submit" className="btn btn-secondary" disabled={busy}>Record step</button>
      </div>
    </form>
  );
}
