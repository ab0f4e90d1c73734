import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { navigate } from '../../router.js';

/** On an access-history row: open a breach straight from the log entry (an access with no legitimate reason). */
export function ReportBreachButton({ seq }: { seq: number }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const report = async () => {
    setBusy(true);
    try {
      const b = await api.post<{ id: string }>('/api/breaches/from-audit', { seq });
      navigate(`/breaches/${encodeURIComponent(b.id)}`);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-link" onClick={() => setOpen(true)}>Report as breach<span className="visually-hidden"> (entry {seq})</span></button>
      <ConfirmDialog open={open} title="Record a possible breach" confirmLabel="Record breach" busy={busy} onConfirm={() => void report()} onCancel={() => setOpen(false)}>
        <p>This access will be recorded in the breach register as access without a legitimate reason. The 72-hour clock starts now.</p>
        {error && <p role="alert" className="field-error">{error}</p>}
      </ConfirmDialog>
    </>
  );
}
