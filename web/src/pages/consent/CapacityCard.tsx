import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useSubmit } from '../../components/useSubmit.js';
import { instant } from '../../format.js';
import { YesNo } from './ChoicesFields.js';
import { type ConsentStatus, consentPath } from './types.js';

const FIELDS = ['capacity.hasCapacity', 'capacity.reasons'] as const;

/** Capacity is judged for a decision at a moment; each judgement is kept with its reasons. */
export function CapacityCard({ clientId, status, reload }: { clientId: string; status: ConsentStatus; reload: () => Promise<void> }) {
  const [has, setHas] = useState<boolean | null>(null);
  const [reasons, setReasons] = useState('');
  const { errors, busy, run, setField } = useSubmit(FIELDS);
  const submit = async () => {
    if (has === null) return setField('capacity.hasCapacity', 'Choose yes or no.');
    await run(async () => {
      await api.post(consentPath(clientId, '/capacity'), { hasCapacity: has, reasons });
      setHas(null);
      setReasons('');
      await reload();
    });
  };
  return (
    <Card title="Capacity to consent" description="Whether the client could give informed consent at that moment, and why. Consent given without capacity is flagged and not relied on.">
      {status.capacity.length > 0 && (
        <ul>
          {[...status.capacity].reverse().map((c) => <li key={c.id}><strong>{c.hasCapacity ? 'Able to consent' : 'Not able to consent'}</strong> — {instant(c.assessedAt)}: {c.reasons}</li>)}
        </ul>
      )}
      <Form className="consent-form" onSubmit={submit} error={errors.form} busy={busy} submitLabel="Record capacity" submitClassName="btn btn-secondary" busyLabel="Recording…" aria-label="Record capacity">
        <YesNo name="capacity.hasCapacity" legend="Can the client give informed consent now?" value={has} onChange={setHas} error={errors.fields['capacity.hasCapacity']} />
        <TextArea label="Reasons" name="capacity.reasons" value={reasons} onChange={setReasons} error={errors.fields['capacity.reasons']} rows={2} />
      </Form>
    </Card>
  );
}
