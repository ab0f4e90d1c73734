import { instant } from '../../format.js';
import type { StaffMember } from './types.js';

const BADGE: Record<StaffMember['status'], { label: string; tone: string }> = {
  active: { label: 'Active', tone: 'badge-outcome-ok' },
  locked: { label: 'Locked', tone: 'badge-outcome-failed' },
  disabled: { label: 'Disabled', tone: 'badge-disabled' },
  not_enrolled: { label: 'Not yet enrolled', tone: 'badge-draft' },
};

/** Whether a colleague can sign in, in a word and a line. */
export function StaffStatus({ member }: { member: StaffMember }) {
  const b = BADGE[member.status];
  const detail =
    member.status === 'locked'
      ? `until ${instant(member.lockedUntil)}`
      : member.status === 'disabled'
        ? `since ${instant(member.disabledAt)}`
        : member.status === 'not_enrolled'
          ? 'Sets up a second factor at next sign-in'
          : member.temporaryPasswordUntil
            ? `Temporary password until ${instant(member.temporaryPasswordUntil)}`
            : null;
  return (
    <>
      <span className={`badge ${b.tone}`}>{b.label}</span>
      {detail && <span className="status-detail">{detail}</span>}
    </>
  );
}

/** Who still holds clients: counts only, so a disabled colleague's caseload stays in view. */
export function Caseload({ member }: { member: StaffMember }) {
  const { open, closed } = member.caseload;
  if (open === 0 && closed === 0) return <span className="muted">None</span>;
  return (
    <>
      {open} open{closed > 0 && <span className="status-detail">{closed} closed</span>}
      {open > 0 && member.status === 'disabled' && <span className="status-detail">Held by a disabled account</span>}
    </>
  );
}
