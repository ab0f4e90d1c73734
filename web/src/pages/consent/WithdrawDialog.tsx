import { useEffect, useState } from 'react';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { todayCivil } from '../../format.js';
import { type ConsentRecord, WITHDRAWAL_WAYS } from './types.js';

const FIELDS = ['via', 'askedOn'] as const;

/**
 * Withdrawing is final and takes effect everywhere at once, so it is confirmed; and the record
 * says how the client asked and when, which is what shows it was their decision.
 */
export function WithdrawDialog({ clientId, consent, label, onDone, onCancel }: { clientId: string; consent: ConsentRecord | null; label: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const [via, setVia] = useState('');
  const [askedOn, setAskedOn] = useState(todayCivil());
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  useEffect(() => {
    setVia('');
    setAskedOn(todayCivil());
    clear();
    // Each consent opens a fresh question.
  }, [consent?.id]);

  const confirm = async () => {
    if (!consent) return;
    clear();
    if (!via) return setField('via', 'Choose how the client asked to withdraw.');
    setBusy(true);
    try {
      await api.post(`/api/clients/${encodeURIComponent(clientId)}/consents/${encodeURIComponent(consent.id)}/withdraw`, { via, askedOn: askedOn || null });
      await onDone();
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog open={consent !== null} title="Withdraw this consent?" confirmLabel="Withdraw consent" busy={busy} onConfirm={() => void confirm()} onCancel={onCancel}>
      <p><strong>{label}</strong></p>
      <p>The withdrawal takes effect at once, everywhere in Sanctum. It cannot be undone; if the client changes their mind, record their consent again.</p>
      <FormError message={errors.form} />
      <Field label="How did the client ask?" error={errors.fields.via}>
        {(p) => (
          <select {...p} name="via" value={via} onChange={(e) => setVia(e.target.value)}>
            <option value="">Choose…</option>
            {WITHDRAWAL_WAYS.map((w) => <option key={w.value} value={w.value}>{w.label}</option>)}
          </select>
        )}
      </Field>
      <Field label="When did they ask?" hint="The day the client told you, if it was not today." error={errors.fields.askedOn}>
        {(p) => <input {...p} name="askedOn" type="date" max={todayCivil()} value={askedOn} onChange={(e) => setAskedOn(e.target.value)} />}
      </Field>
    </ConfirmDialog>
  );
}
