import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { FormError } from '../../components/FormError.js';
import { useBusy } from '../../components/useBusy.js';
import { instant } from '../../format.js';
import { ReasonSelect } from './ReasonSelect.js';
import { PASSWORD_RESET_REASONS } from './staff-labels.js';
import type { PasswordReset, StaffMember } from './types.js';

/** "Reset password…" on a colleague's account: a temporary password, to hand over once. */
export function PasswordResetAction({ member: m, onReset }: { member: StaffMember; onReset: (r: PasswordReset) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<string>(PASSWORD_RESET_REASONS[0].id);
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setError(null);
    const post = api.post<PasswordReset>(`/api/users/${m.id}/reset-password`, { reason });
    void run(
      () => post.then((r) => (setOpen(false), onReset(r))),
      (err) => (setOpen(false), setError(messageOf(err))),
    );
  };

  return (
    <section className="account-action" aria-labelledby={`password-${m.id}`}>
      <h3 id={`password-${m.id}`}>Password</h3>
      <FormError message={error} />
      <p>
        {m.temporaryPasswordUntil
          ? `A temporary password is waiting to be replaced; it stops working at ${instant(m.temporaryPasswordUntil)}. Reset again if it was lost.`
          : 'If they have forgotten it, give them a temporary password. They choose a new one at their next sign-in.'}
      </p>
      <button type="button" className="btn btn-secondary" onClick={() => setOpen(true)}>
        Reset password…
      </button>
      <ConfirmDialog open={open} title={`Reset ${m.displayName}'s password?`} confirmLabel="Reset password" busy={busy} onConfirm={reset} onCancel={() => setOpen(false)}>
        <p>Their current password stops working now and they are signed out everywhere. You will see a temporary password once, to hand to them in person; it works for 72 hours.</p>
        <p>Their authenticator app is not changed: they still need it to sign in. If they have lost that too, reset their second factor as well.</p>
        <ReasonSelect label="Why" reasons={PASSWORD_RESET_REASONS} value={reason} onChange={setReason} />
      </ConfirmDialog>
    </section>
  );
}
