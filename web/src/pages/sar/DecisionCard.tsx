import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { Choices } from './Choices.js';
import type { SarRequest } from './types.js';
import './rights.css';

const FIELDS = ['decision', 'reasons', 'effect'] as const;

/** Restriction or objection: upheld or declined, with reasons and what changes as a result. */
export function DecisionCard({ r, onDone }: { r: SarRequest; onDone: (r: SarRequest) => void }) {
  const [decision, setDecision] = useState('');
  const [reasons, setReasons] = useState('');
  const [effect, setEffect] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const announce = useAnnounce();
  if (r.status !== 'awaiting_verification' && r.status !== 'in_progress') return null;
  const what = r.right === 'objection' ? 'objection' : 'restriction';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!decision) return setField('decision', `Choose whether the ${what} is upheld or declined.`);
    if (!reasons.trim()) return setField('reasons', 'Record the reasons for the decision.');
    if (!effect.trim()) return setField('effect', 'Say what changes as a result (for example, which processing stops).');
    setBusy(true);
    try {
      onDone(await api.post<SarRequest>(`/api/sar/requests/${encodeURIComponent(r.id)}/decision`, { decision, reasons, effect }));
      announce(decision === 'upheld' ? `The ${what} was upheld and recorded.` : `The ${what} was declined; the client’s right to complain is recorded.`);
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={r.right === 'objection' ? 'Objection' : 'Restriction'}
      description={r.right === 'objection' ? 'The client objects to some use of their data. Uphold it, or decline it where there are compelling legitimate grounds.' : 'The client asks you to limit how their data is used while something is settled. Record what you will and will not do.'}
    >
      <form onSubmit={submit} noValidate aria-label={`${what} decision`}>
        <FormError message={errors.form} />
        <Choices
          legend="Decision"
          name="decision"
          value={decision}
          error={errors.fields.decision}
          onChange={(v) => { setDecision(v); clear(); }}
          choices={[
            { value: 'upheld', label: 'Uphold', help: `Act on the ${what}.` },
            { value: 'declined', label: 'Decline, with reasons', help: 'The client is told why and how to complain.' },
          ]}
        />
        <Field label="Reasons for the decision" hint="Told to the client." error={errors.fields.reasons}>
          {(p) => <textarea {...p} name="reasons" rows={3} value={reasons} onChange={(e) => { setReasons(e.target.value); clear(); }} />}
        </Field>
        <Field label="What changes" hint="Which processing stops, and what continues (for example: no further reminders by text; records kept but not used)." error={errors.fields.effect}>
          {(p) => <textarea {...p} name="effect" rows={3} value={effect} onChange={(e) => { setEffect(e.target.value); clear(); }} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record the decision'}
          </button>
        </div>
      </form>
    </Card>
  );
}
