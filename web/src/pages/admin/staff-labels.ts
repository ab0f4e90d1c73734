/** Words for staff account management; the codes come from src/features/staff/staff.ts. */

export const ROLES = [
  { id: 'practitioner', label: 'Practitioner', help: 'Keeps their own caseload: clients, sessions and notes.' },
  { id: 'admin', label: 'Admin', help: 'Manages the team, the audit log and the practice registers. Sees no notes.' },
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

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
