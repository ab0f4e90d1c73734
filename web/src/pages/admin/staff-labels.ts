/** Words for staff account management; the codes come from src/features/staff/staff.ts. */

export const ROLES = [
  { id: 'practitioner', label: 'Practitioner', help: 'Keeps their own caseload: clients, sessions and notes.' },
  { id: 'admin', label: 'Admin', help: 'Manages the team, the audit log and the practice registers. Sees no notes.' },
  { id: 'clinical_lead', label: 'Clinical lead', help: 'Arranges cover and supervision, reviews emergency accesses, and can open a record in an emergency (with a reason, for a few hours, reviewed afterwards).' },
  { id: 'supervisor', label: 'Supervisor', help: 'Sees their supervisees and the anonymised material shared with them. Sees no identified records.' },
  { id: 'reception', label: 'Reception', help: 'Sees the diary and the contact details needed to arrange sessions, and takes referrals. Sees nothing clinical.' },
  { id: 'dpo', label: 'Data-protection officer', help: 'Sees the registers and the audit log, and reviews emergency accesses. Never sees names or notes.' },
] as const;

export const DISABLE_REASONS = [
  { id: 'left_practice', label: 'They have left the practice' },
  { id: 'extended_leave', label: 'Extended leave' },
  { id: 'suspected_compromise', label: 'Their account may have been misused' },
  { id: 'other', label: 'Another reason' },
] as const;

export const UNLOCK_REASONS = [
  { id: 'own_attempts_confirmed', label: 'They confirmed the attempts were theirs' },
  { id: 'identity_verified', label: 'I checked who they are, in person or by phone' },
  { id: 'attempts_investigated', label: 'I looked into the attempts: no risk found' },
] as const;

export const RESET_REASONS = [
  { id: 'lost_device', label: 'They lost the phone with their authenticator' },
  { id: 'new_device', label: 'They have a new phone' },
  { id: 'suspected_compromise', label: 'Their second factor may have been misused' },
] as const;

export const PASSWORD_RESET_REASONS = [
  { id: 'forgotten', label: 'They forgot their password' },
  { id: 'suspected_compromise', label: 'Someone else may know their password' },
  { id: 'returning_from_leave', label: 'They are back from leave and cannot remember it' },
] as const;

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why care moves to another practitioner; codes from src/features/caseload/caseload.ts. */
export const REASSIGN_REASONS = [
  { id: 'practitioner_left', label: 'The practitioner has left or is leaving' },
  { id: 'client_request', label: 'The client asked for a different practitioner' },
  { id: 'caseload_balance', label: 'Balancing caseloads' },
  { id: 'clinical_need', label: 'A better clinical fit' },
  { id: 'other', label: 'Another reason' },
] as const;

/** "2 open clients and 1 closed client", leaving out a part that is zero. */
export function clientCounts(c: { open: number; closed: number }): string {
  const parts = [c.open > 0 && plural(c.open, 'open client'), c.closed > 0 && plural(c.closed, 'closed client')].filter(Boolean);
  return parts.length ? parts.join(' and ') : 'no clients';
}

/** Colleagues who can take on clients: active practitioners other than the one named. */
export const canTakeClients = (m: { id: string; status: string; roles: string[] }, except: string | null) => m.id !== except && m.status !== 'disabled' && m.roles.includes('practitioner');
