import { useState } from 'react';
import { api } from '../../api.js';
import { CheckboxField } from '../../components/CheckboxField.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import { todayCivil } from '../../format.js';
import { STEP_LABELS, options } from './types.js';

const FIELDS = ['name', 'date', 'advice', 'source', 'outcome', 'consent', 'capable', 'note'] as const;

/** What each step asks for: who, when and what was said or done. */
const SHAPE: Record<string, { name?: string; date?: boolean; advice?: string; source?: string; outcome?: string; consent?: boolean; capable?: boolean }> = {
  consult_supervisor: { name: 'Supervisor’s name', date: true, advice: 'Their advice' },
  legal_advice: { source: 'Where the advice came from', date: true, advice: 'The advice' },
  discuss_with_client: { date: true, outcome: 'What the client said', consent: true },
  assess_capacity: { date: true, capable: true },
  verify_requester: { outcome: 'How they and their instrument were checked', date: true },
};

const CONSENT_CHOICES = options({ '': 'Not settled yet', given: 'Gave informed consent', refused: 'Refused', cannot_discuss: 'Could not be reached' });
const CAPABLE_CHOICES = options({ '': 'Choose…', yes: 'Yes', no: 'No' });

export function StepForm({ requestId, step, onSaved }: { requestId: string; step: string; onSaved: () => void }) {
  const shape = SHAPE[step] ?? {};
  const { errors, busy, run } = useSubmit(FIELDS);
  const { values: v, bind } = useFieldValues({ name: '', date: todayCivil(), advice: '', source: '', outcome: '', consent: '', capable: '', note: '' }, errors.fields);
  const [notNeeded, setNotNeeded] = useState(false);
  const label = STEP_LABELS[step] ?? step;

  const submit = () => {
    const body: Record<string, unknown> = { step, state: notNeeded ? 'not_needed' : 'done', note: v.note };
    if (!notNeeded) {
      if (shape.name) body.name = v.name;
      if (shape.date) body.date = v.date || null;
      if (shape.advice) body.advice = v.advice;
      if (shape.source) body.source = v.source;
      if (shape.outcome) body.outcome = v.outcome;
      if (shape.consent) body.consent = v.consent || null;
      if (shape.capable) body.capable = v.capable === '' ? null : v.capable === 'yes';
    }
    void run(async () => {
      await api.post(`/api/requests/${encodeURIComponent(requestId)}/steps`, body);
      onSaved();
    });
  };

  return (
    <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Record step" busyLabel="Recording…" submitClassName="btn btn-secondary" className="inline-form" aria-label={`Record: ${label}`}>
      {!notNeeded && (
        <>
          <div className="grid-2">
            {shape.name && <TextField label={shape.name} {...bind('name')} />}
            {shape.source && <TextField label={shape.source} {...bind('source')} />}
            {shape.date && <TextField label="Date" type="date" {...bind('date')} />}
            {shape.consent && <SelectField label="Their answer on consent" optional options={CONSENT_CHOICES} {...bind('consent')} />}
            {shape.capable && <SelectField label="Able to decide for themselves now?" options={CAPABLE_CHOICES} {...bind('capable')} />}
          </div>
          {shape.advice && <TextArea label={shape.advice} rows={2} {...bind('advice')} />}
          {shape.outcome && <TextArea label={shape.outcome} rows={2} {...bind('outcome')} />}
        </>
      )}
      <TextArea label={notNeeded ? 'Why it is not needed' : 'Note'} optional={!notNeeded} rows={2} {...bind('note')} />
      <CheckboxField label="Not needed in this case" checked={notNeeded} onChange={setNotNeeded} />
    </Form>
  );
}
