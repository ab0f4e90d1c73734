import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { FormError } from '../../../components/FormError.js';

/** Asked when a link inside Sanctum is followed while the newest words of a note are unsaved. */
export function LeaveNoteDialog({ open, onSaveAndGo, onStay }: { open: boolean; onSaveAndGo: () => Promise<boolean>; onStay: () => void }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const go = async () => {
    setBusy(true);
    setFailed(false);
    const ok = await onSaveAndGo();
    setBusy(false);
    setFailed(!ok);
  };
  return (
    <ConfirmDialog open={open} title="Leave this note?" confirmLabel="Save draft and leave" busy={busy} onConfirm={() => void go()} onCancel={() => { setFailed(false); onStay(); }}>
      <p>The last words you typed have not been saved yet. Save them as a draft before leaving, or cancel to stay and keep writing.</p>
      <FormError message={failed ? 'The draft could not be saved. Stay on this page so nothing is lost, and try again in a moment.' : null} />
    </ConfirmDialog>
  );
}
