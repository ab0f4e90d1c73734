import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { GateLayout } from '../../components/GateLayout.js';
import { useFormErrors } from '../../components/useFormErrors.js';

const FIELDS = ['passphrase'] as const;

/** The vault is sealed (the server restarted, or someone locked it): ask for its passphrase. */
export function UnlockPage({ onUnlocked }: { onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!passphrase) return setField('passphrase', 'Enter the vault passphrase.');
    setBusy(true);
    try {
      await api.post('/api/vault/unseal', { passphrase }, { quiet: true });
      setPassphrase('');
      onUnlocked();
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <GateLayout>
      <div className="gate-card">
        <h1 tabIndex={-1}>Unlock the vault</h1>
        <p className="lead">
          The records on this server are locked. Enter the vault passphrase chosen when the practice was set up. You may be asked to sign in afterwards.
        </p>
        <form onSubmit={submit} noValidate>
          <FormError message={errors.form} />
          <Field label="Vault passphrase" error={errors.fields.passphrase}>
            {(p) => <input {...p} name="passphrase" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />}
          </Field>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </form>
      </div>
    </GateLayout>
  );
}
