import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import type { ResponseOf } from '../../api/contract.js';
import { Card } from '../../components/Card.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useFormErrors } from '../../components/useFormErrors.js';
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
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(['backup', 'in', 'passphrase']);

  const send = (confirm: boolean, body: unknown) => api.post<Outcome>('/api/backups/restore', { backup: body, passphrase, confirm });

  const check = async (e: FormEvent) => {
    e.preventDefault();
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
    setBusy(true);
    try {
      setPreview(await send(false, parsed));
      setBackup(parsed);
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    setBusy(true);
    try {
      setDone(await send(true, backup));
      setPreview(null);
    } catch (err) {
      setPreview(null);
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = errors.fields.backup ?? errors.fields.in;
  return (
    <Card title="Restore from a backup" description="Replaces every record in the practice with the backup's. Everyone is signed out afterwards, you too.">
      {done && (
        <p className="alert alert-success" role="status" data-testid="restore-done">
          Restored the backup made {instant(done.madeAt)}: {plural(done.backup.clients, 'client', 'clients')}, {plural(done.backup.notes, 'note', 'notes')}. Sign in again to continue.
        </p>
      )}
      <form onSubmit={(e) => void check(e)} noValidate>
        <FormError message={errors.form} />
        <Field label="Backup file" hint="A file named like sanctum-backup-2026-11-02….json." error={fieldError}>
          {(p) => <input {...p} name="backup" type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <Field label="Vault passphrase" hint="The passphrase that unlocks Sanctum: asked again because a restore replaces everything." error={errors.fields.passphrase}>
          {(p) => <input {...p} name="passphrase" type="password" autoComplete="off" spellCheck={false} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="btn btn-secondary" disabled={busy}>
            {busy && !preview ? 'Checking the backup…' : 'Check this backup'}
          </button>
        </div>
      </form>
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
