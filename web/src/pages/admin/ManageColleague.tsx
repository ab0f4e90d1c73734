import { useCallback, useEffect, useRef } from 'react';
import { Card } from '../../components/Card.js';
import { Link } from '../../router.js';
import { AccountActions } from './AccountActions.js';
import { EditColleagueForm } from './EditColleagueForm.js';
import { MoveClients } from './MoveClients.js';
import { StaffStatus } from './StaffStatus.js';
import type { PasswordReset, SecondFactorReset, StaffMember } from './types.js';

interface Props {
  member: StaffMember;
  /** The whole team, to offer the colleagues who can take this one's clients on. */
  team: readonly StaffMember[];
  isSelf: boolean;
  onChanged: (m: StaffMember, said: string) => void;
  onReset: (r: SecondFactorReset) => void;
  onPasswordReset: (r: PasswordReset) => void;
  onMoved: (said: string) => void;
  onClose: () => void;
}

/** One colleague's account: name and roles, (for anyone but yourself) the sign-in actions, and their clients. */
export function ManageColleague({ member, team, isSelf, onChanged, onReset, onPasswordReset, onMoved, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const focusHeading = useCallback(() => {
    const h = ref.current?.querySelector<HTMLElement>('h2');
    h?.setAttribute('tabindex', '-1');
    h?.focus();
  }, []);
  useEffect(focusHeading, [focusHeading, member.id]);
  return (
    <div ref={ref}>
      <Card
        title={`Manage ${member.displayName}`}
        className="manage-card"
        description={
          <>
            <span className="break">{member.email}</span> · <StaffStatus member={member} />
          </>
        }
        actions={
          <button type="button" className="btn btn-quiet btn-small" onClick={onClose}>
            Close
          </button>
        }
      >
        <div className="manage-grid">
          <div>
            <h3>Name and roles</h3>
            <EditColleagueForm key={member.id} member={member} isSelf={isSelf} onSaved={(m) => onChanged(m, `${m.displayName} saved.`)} />
          </div>
          <div>
            {isSelf ? (
              <div className="account-actions">
                <h3>Sign-in</h3>
                <p className="muted">You cannot disable, unlock or reset your own account. Another admin can, or whoever holds the vault passphrase at the command line.</p>
                <p className="muted">
                  To change your own password, use <Link to="/account">your account page</Link> (your name at the top of every page).
                </p>
              </div>
            ) : (
              <AccountActions member={member} onReset={onReset} onPasswordReset={onPasswordReset} onChanged={onChanged} focusPanel={focusHeading} />
            )}
          </div>
        </div>
        <MoveClients key={member.id} member={member} team={team} onMoved={onMoved} />
      </Card>
    </div>
  );
}
