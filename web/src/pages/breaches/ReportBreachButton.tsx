import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useBusy } from '../../components/useBusy.js';
import { navigate } from '../../router.js';
import { useKeepsRegister } from './keepers.js';

/** On an access-history row: open a breach straight from the log entry (an access with no legitimate reason). */
export function ReportBreachButton({ seq }: { seq: number }) {
  const [open, setOpen] = useState(false);
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);
  const keeper = useKeepsRegister();
  const announce = useAnnounce();
  const report = async () => {
    setError(null);
    await run(async () => {
      const b = await api.post<{ id: string; reference: string }>('/api/breaches/from-audit', { seq });
      // Only the register's keepers may open a breach; whoever else reports it is told where it went.
      if (keeper) return navigate(`/breaches/${encodeURIComponent(b.id)}`);
      setOpen(false);
      announce(`Breach ${b.reference} recorded. It is in the register for the practice administrator to take forward.`);
    }, (err) => setError(messageOf(err)));
  };
  return (
    <>
      <button type="button" className="btn btn-link" onClick={() => setOpen(true)}>Report as breach<span className="visually-hidden"> (entry {seq})</span></button>
      <ConfirmDialog open={open} title="Record a possible breach" confirmLabel="Record breach" busy={busy} onConfirm={() => void report()} onCancel={() => setOpen(false)}>
        <p>This access will be recorded in the breach register as access without a legitimate reason. The 72-hour clock starts now.</p>
        <FormError message={error} />
      </ConfirmDialog>
    </>
  );
}
