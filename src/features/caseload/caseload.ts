import type { Role } from '../../core/access.js';

/**
 * Moving a client's care to another practitioner: the rules, as pure functions. The service loads
 * the facts inside its write transaction, so the answer cannot change between check and write.
 */

/** Why care moved. Codes, never free text, so the audit log holds nothing clinical. */
export const REASSIGN_REASONS = ['practitioner_left', 'client_request', 'caseload_balance', 'clinical_need', 'other'] as const;
export type ReassignReason = (typeof REASSIGN_REASONS)[number];

/** The facts about a would-be new practitioner that decide whether they can take a client on. */
export interface TargetFacts {
  id: string;
  practiceId: string;
  roles: readonly Role[];
  disabledAt: string | null;
}

export type TargetRefusal = 'unknown' | 'other_practice' | 'disabled' | 'not_practitioner' | 'same_practitioner';

/**
 * Why this colleague cannot take the client on, or null. A colleague in another practice is
 * answered like one who does not exist, so the answer says nothing about other practices.
 */
export function targetRefusal(target: TargetFacts | undefined, practiceId: string, currentPractitionerId: string | null): TargetRefusal | null {
  if (!target) return 'unknown';
  if (target.practiceId !== practiceId) return 'other_practice';
  if (target.id === currentPractitionerId) return 'same_practitioner';
  if (target.disabledAt) return 'disabled';
  if (!target.roles.includes('practitioner')) return 'not_practitioner';
  return null;
}

export const TARGET_MESSAGES: Record<TargetRefusal, string> = {
  unknown: 'No colleague with that id in this practice.',
  other_practice: 'No colleague with that id in this practice.',
  same_practitioner: 'That colleague already holds this care. Choose someone else.',
  disabled: "That colleague's account is disabled. Choose an active practitioner.",
  not_practitioner: 'That colleague does not have the practitioner role, so they cannot hold a caseload.',
};

/** One client whose care moved: ids and codes only. */
export interface MovedClient {
  clientId: string;
  caseCode: string;
  status: 'open' | 'closed';
}

export interface CaseloadMove {
  fromUserId: string;
  toUserId: string;
  reason: ReassignReason;
  moved: MovedClient[];
  /** How many clients moved, by case status. */
  counts: { open: number; closed: number };
  /** What the previous practitioner still holds afterwards (closed clients, when they were left). */
  remaining: { open: number; closed: number };
}

export function countByStatus(list: readonly { status: 'open' | 'closed' }[]): { open: number; closed: number } {
  const counts = { open: 0, closed: 0 };
  for (const c of list) counts[c.status] += 1;
  return counts;
}
