import { useEffect, useState } from 'react';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { SelectField, TextField } from '../../components/fields.js';
import { FormError } from '../../components/FormError.js';
import { useSubmit } from '../../components/useSubmit.js';
import { todayCivil } from '../../format.js';
import { type ConsentRecord, WITHDRAWAL_WAYS } from './types.js';

const FIELDS = ['via', 'askedOn'] as const;
const WAYS = [{ value: '', label: 'Choose…' }, ...WITHDRAWAL_WAYS];

/**
 * Withdrawing is final and takes effect everywhere at once, so it is confirmed; and the record
 * says how the client asked and when, which is what shows it was their decision.
 */
export function WithdrawDialog({ clientId, consent, label, onDone, onCancel }: { clientId: string; consent: ConsentRecord | null; label: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const [via, setVia] = useState('');
  const [askedOn, setAskedOn] = useState(todayCivil());
  const { errors, busy, run, clear, setField } = useSubmit(FIELDS);
  useEffect(() => {
    setVia('');
    setAskedOn(todayCivil());
    clear();
    // Each consent opens a fresh question.
  }, [consent?.id]);

  const confirm = async () => {
    if (!consent) return;
    if (!via) return setField('via', 'Choose how the client asked to withdraw.');
    await run(async () => {
      await api.post(`/api/clients/${encodeURIComponent(clientId)}/consents/${encodeURIComponent(consent.id)}/withdraw`, { via, askedOn: askedOn || null });
      await onDone();
    });
  };

  return (
    <ConfirmDialog open={consent !== null} title="Withdraw this consent?" confirmLabel="Withdraw consent" busy={busy} onConfirm={() => void confirm()} onCancel={onCancel}>
      <p><strong>{label}</strong></p>
      <p>The withdrawal takes effect at once, everywhere in Sanctum. It cannot be undone; if the client changes their mind, record their consent again.</p>
      <FormError message={errors.form} />
      <SelectField label="How did the client ask?" name="via" options={WAYS} value={via} onChange={setVia} error={errors.fields.via} />
      <TextField label="When did they ask?" hint="The day the client told you, if it was not today." name="askedOn" type="date" max={todayCivil()} value={askedOn} onChange={setAskedOn} error={errors.fields.askedOn} />
    </ConfirmDialog>
  );
}
