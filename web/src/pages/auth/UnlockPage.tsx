import { useState } from 'react';
import { api } from '../../api.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { GateLayout } from '../../components/GateLayout.js';
import { useSubmit } from '../../components/useSubmit.js';

const FIELDS = ['passphrase'] as const;

/** The vault is sealed (the server restarted, or someone locked it): ask for its passphrase. */
export function UnlockPage({ onUnlocked }: { onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const { errors, clear, setField, busy, run } = useSubmit(FIELDS);

  const submit = async () => {
    clear();
    if (!passphrase) return setField('passphrase', 'Enter the vault passphrase.');
    await run(async () => {
      await api.post('/api/vault/unseal', { passphrase }, { quiet: true });
      setPassphrase('');
      onUnlocked();
    });
  };

  return (
    <GateLayout>
      <div className="gate-card">
        <h1 tabIndex={-1}>Unlock the vault</h1>
        <p className="lead">
          The records on this server are locked. Enter the vault passphrase chosen when the practice was set up. You may be asked to sign in afterwards.
        </p>
        <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Unlock" busyLabel="Unlocking…" submitClassName="btn btn-primary btn-block">
          <TextField label="Vault passphrase" name="passphrase" type="password" autoComplete="off" value={passphrase} onChange={setPassphrase} error={errors.fields.passphrase} />
        </Form>
      </div>
    </GateLayout>
  );
}
