import { useState } from 'react';
import { api } from '../../api.js';
import type { ResponseOf } from '../../api/contract.js';
import { Card } from '../../components/Card.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Field } from '../../components/Field.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useSubmit } from '../../components/useSubmit.js';
import { instant } from '../../format.js';

type Outcome = ResponseOf<'/api/backups/restore', 'post'>;

/** Mirrors the server's limit (src/features/backup/backup.file.ts): refused here before uploading. */
const MAX_BYTES = 512 * 1024 * 1024;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Restore from a backup file on this computer: checked first (what it holds against today), then
 * replaced only after a confirmation naming both, with the vault passphrase.
 */
export function RestoreCard() {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [backup, setBackup] = useState<unknown>(null);
  const [preview, setPreview] = useState<Outcome | null>(null);
  const [done, setDone] = useState<Outcome | null>(null);
  const { errors, clear, setField, busy, run } = useSubmit(['backup', 'in', 'passphrase']);

  const send = (confirm: boolean, body: unknown) => api.post<Outcome>('/api/backups/restore', { backup: body, passphrase, confirm });

  const check = async () => {
    clear();
    if (!file) return setField('backup', 'Choose the backup file to restore from.');
    if (file.size > MAX_BYTES) return setField('backup', 'That file is larger than any backup Sanctum writes (512 MiB).');
    if (!passphrase) return setField('passphrase', 'Enter the vault passphrase.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return setField('backup', 'That file is not a Sanctum backup, or it was cut short.');
    }
    await run(async () => {
      setPreview(await send(false, parsed));
      setBackup(parsed);
    });
  };

  const restore = async () => {
    await run(async () => setDone(await send(true, backup)));
    setPreview(null);
  };

  const fieldError = errors.fields.backup ?? errors.fields.in;
  return (
    <Card title="Restore from a backup" description="Replaces every record in the practice with the backup's. Everyone is signed out afterwards, you too.">
      {done && (
        <p className="alert alert-success" role="status" data-testid="restore-done">
          Restored the backup made {instant(done.madeAt)}: {plural(done.backup.clients, 'client', 'clients')}, {plural(done.backup.notes, 'note', 'notes')}. Sign in again to continue.
        </p>
      )}
      <Form onSubmit={check} error={errors.form} busy={busy} submitLabel="Check this backup" busyLabel={preview ? 'Check this backup' : 'Checking the backup…'} submitClassName="btn btn-secondary">
        <Field label="Backup file" hint="A file named like sanctum-backup-2026-11-02….json." error={fieldError}>
          {(p) => <input {...p} name="backup" type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <TextField label="Vault passphrase" hint="The passphrase that unlocks Sanctum: asked again because a restore replaces everything." name="passphrase" type="password" autoComplete="off" spellCheck={false} value={passphrase} onChange={setPassphrase} error={errors.fields.passphrase} />
      </Form>
      <ConfirmDialog open={preview !== null} title="Replace every record with this backup?" confirmLabel="Replace the records" busy={busy} onConfirm={() => void restore()} onCancel={() => setPreview(null)}>
        {preview && (
          <>
            <p>
              The backup was made <strong>{instant(preview.madeAt)}</strong> and holds {plural(preview.backup.clients, 'client', 'clients')} and {plural(preview.backup.notes, 'note', 'notes')}.
            </p>
            <p>
              It will replace what is here now: {plural(preview.current.clients, 'client', 'clients')} and {plural(preview.current.notes, 'note', 'notes')}. Anything recorded since the backup was made is lost, except the audit log, which is kept.
            </p>
            <p>Everyone is signed out when it is done.</p>
          </>
        )}
      </ConfirmDialog>
    </Card>
  );
}
