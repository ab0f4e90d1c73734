import { useEffect, useRef, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { FormError } from '../../components/FormError.js';
import { useBusy } from '../../components/useBusy.js';
import { instant } from '../../format.js';
import { PasswordResetAction } from './PasswordResetAction.js';
import { ReasonSelect } from './ReasonSelect.js';
import { DISABLE_REASONS, RESET_REASONS, UNLOCK_REASONS, plural } from './staff-labels.js';
import type { PasswordReset, SecondFactorReset, StaffMember } from './types.js';

interface Props {
  member: StaffMember;
  onChanged: (m: StaffMember, said: string) => void;
  onReset: (r: SecondFactorReset) => void;
  onPasswordReset: (r: PasswordReset) => void;
  /** Where focus goes when the control just used has gone (after an unlock). */
  focusPanel: () => void;
}

/** Sign-in actions on someone else's account: unlock, reset the password or the second factor, disable or re-enable. */
export function AccountActions({ member: m, onChanged, onReset, onPasswordReset, focusPanel }: Props) {
  const [dialog, setDialog] = useState<'disable' | 'reset' | null>(null);
  const [unlockReason, setUnlockReason] = useState<string>(UNLOCK_REASONS[0].id);
  const [disableReason, setDisableReason] = useState<string>(DISABLE_REASONS[0].id);
  const [resetReason, setResetReason] = useState<string>(RESET_REASONS[0].id);
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);
  const [focusNext, setFocusNext] = useState<'access' | 'panel' | null>(null);
  const accessButton = useRef<HTMLButtonElement>(null);
  // Runs after the dialog's own effect has closed it (child effects first), so this placement wins.
  useEffect(() => {
    if (!focusNext) return;
    if (focusNext === 'access') accessButton.current?.focus();
    else focusPanel();
    setFocusNext(null);
  }, [focusNext, focusPanel]);

  const send = async <T,>(path: string, body: unknown, done: (value: T) => void, next: 'access' | 'panel' | null = null) => {
    setError(null);
    await run(
      async () => {
        done(await api.post<T>(`/api/users/${m.id}/${path}`, body));
        setDialog(null);
        setFocusNext(next);
      },
      (err) => {
        setDialog(null);
        setError(messageOf(err));
      },
    );
  };
  const disabled = m.status === 'disabled';
  const focusMove = () => {
    const h = document.getElementById(`move-${m.id}`);
    h?.scrollIntoView({ block: 'start' });
    h?.focus();
  };

  return (
    <div className="account-actions">
      <FormError message={error} />
      {(m.locked || m.failedAttempts > 0) && !disabled && (
        <section className="account-action" aria-labelledby={`unlock-${m.id}`}>
          <h3 id={`unlock-${m.id}`}>Unlock</h3>
          <p>
            {m.locked ? `Locked until ${instant(m.lockedUntil)} after ${plural(m.failedAttempts, 'failed sign-in')}.` : `${plural(m.failedAttempts, 'failed sign-in')} since their last successful one.`} Unlocking clears the count. Check
            first that the attempts were theirs.
          </p>
          <ReasonSelect label="Why you are unlocking" reasons={UNLOCK_REASONS} value={unlockReason} onChange={setUnlockReason} />
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void send<StaffMember>('unlock', { reason: unlockReason }, (x) => onChanged(x, `${m.displayName} can sign in again.`), 'panel')}>
            {m.locked ? 'Unlock account' : 'Clear failed sign-ins'}
          </button>
        </section>
      )}
      {!disabled && <PasswordResetAction member={m} onReset={onPasswordReset} />}
      {!disabled && (
        <section className="account-action" aria-labelledby={`reset-${m.id}`}>
          <h3 id={`reset-${m.id}`}>Second factor</h3>
          <p>{m.secondFactor ? 'Set up. If they lose their phone, reset it: they set up a new one at their next sign-in, as on their first day.' : 'Not set up yet: their next sign-in starts with setting it up.'}</p>
          <button type="button" className="btn btn-secondary" onClick={() => setDialog('reset')}>
            Reset second factor…
          </button>
        </section>
      )}
      <section className="account-action" aria-labelledby={`access-${m.id}`}>
        <h3 id={`access-${m.id}`}>Access</h3>
        {disabled ? (
          <>
            <p>Disabled since {instant(m.disabledAt)}. They cannot sign in. Their records and caseload are unchanged.</p>
            {m.caseload.open > 0 && (
              <div className="callout callout-warning">
                <p>
                  <strong>They still hold {plural(m.caseload.open, 'open client')}.</strong> Nobody can open these records in the app until the clients move to a colleague.
                </p>
                <button type="button" className="btn btn-secondary btn-small" onClick={focusMove}>
                  Move their clients to a colleague
                </button>
              </div>
            )}
            <button ref={accessButton} type="button" className="btn btn-secondary" disabled={busy} onClick={() => void send<StaffMember>('enable', {}, (x) => onChanged(x, `${m.displayName} can sign in again.`), 'access')}>
              Re-enable account
            </button>
          </>
        ) : (
          <>
            <p>Disabling signs them out everywhere at once and stops them signing in. Nothing they wrote is deleted.</p>
            <button ref={accessButton} type="button" className="btn btn-danger" onClick={() => setDialog('disable')}>
              Disable account…
            </button>
          </>
        )}
      </section>

      <ConfirmDialog open={dialog === 'disable'} title={`Disable ${m.displayName}'s account?`} confirmLabel="Disable account" busy={busy} onConfirm={() => void send<StaffMember & { sessionsEnded: number }>('disable', { reason: disableReason }, (x) => onChanged(x, `${m.displayName} is disabled and signed out (${plural(x.sessionsEnded, 'session')} ended).${x.caseload.open > 0 ? ` They still hold ${plural(x.caseload.open, 'open client')}.` : ''}`), 'access')} onCancel={() => setDialog(null)}>
        <p>They are signed out everywhere now and cannot sign in until an admin re-enables the account. Their notes, documents, audit entries and clients are kept exactly as they are.</p>
        {m.caseload.open > 0 && (
          <div className="callout callout-warning">
            <p>
              <strong>{m.displayName} holds {plural(m.caseload.open, 'open client')}.</strong> Disabling does not move them. Until you move them to a colleague (&ldquo;Move clients to a colleague&rdquo;, on this panel), nobody can open
              their notes in the app.
            </p>
          </div>
        )}
        <ReasonSelect label="Why" reasons={DISABLE_REASONS} value={disableReason} onChange={setDisableReason} />
      </ConfirmDialog>
      <ConfirmDialog open={dialog === 'reset'} title={`Reset ${m.displayName}'s second factor?`} confirmLabel="Reset second factor" busy={busy} onConfirm={() => void send<SecondFactorReset>('reset-second-factor', { reason: resetReason }, onReset)} onCancel={() => setDialog(null)}>
        <p>Their authenticator app and recovery codes stop working now, and they are signed out everywhere. Until they set up a new authenticator, their password alone opens that set-up step, so ask them to sign in soon.</p>
        <p>You will see new recovery codes once, to hand to them in person.</p>
        <ReasonSelect label="Why" reasons={RESET_REASONS} value={resetReason} onChange={setResetReason} />
      </ConfirmDialog>
    </div>
  );
}
