import type { Role } from '../../core/access.js';

/**
 * No one reaches clients' notes through steps they take alone. Giving yourself a role, or moving
 * a client to yourself, is for another admin to do; where there is no other admin (a one-person
 * practice, whose admin is already its practitioner) the step is allowed but recorded as needing
 * review, and stays on the Admin page until someone else has looked at it. Pure.
 */
export type SelfStep = 'refuse' | 'review';

export interface TeamFacts {
  id: string;
  roles: readonly Role[];
  disabledAt: string | null;
}

export function selfStep(actorId: string, team: readonly TeamFacts[]): SelfStep {
  const otherAdmin = team.some((u) => u.id !== actorId && u.roles.includes('admin') && !u.disabledAt);
  return otherAdmin ? 'refuse' : 'review';
}

/** The roles an edit would add to an account (the ones it takes away need no second person). */
export const gainedRoles = (current: readonly Role[], next: readonly Role[]): Role[] => next.filter((r) => !current.includes(r));

export const REVIEW_KINDS = ['self_role_grant', 'self_reassign', 'break_glass', 'contrary_to_advice'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
/** Steps an admin took alone: an admin may review these too. The rest are for a clinical lead or the data-protection officer. */
export const SELF_STEPS: readonly ReviewKind[] = ['self_role_grant', 'self_reassign'];
export const VERDICTS = ['appropriate', 'inappropriate'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A step waiting for a second person: ids, codes and role names only. */
export interface AccessReview {
  id: string;
  kind: ReviewKind;
  actorId: string;
  actorName: string | null;
  clientId: string | null;
  caseCode: string | null;
  roles: string[];
  auditSeq: number;
  at: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewedByName: string | null;
  /** break_glass: the emergency access; contrary_to_advice: the request. */
  breakGlassId: string | null;
  requestId: string | null;
  /** What the reviewer concluded (self steps are only acknowledged). */
  verdict: Verdict | 'acknowledged' | null;
  /** The reviewer's notes, for reviewers only. */
  notes: string | null;
}

export const SELF_STEP_REFUSED: Record<'self_role_grant' | 'self_reassign', string> = {
  self_role_grant: 'Another admin must give you this role, so that no one reaches clients’ notes through steps they take alone.',
  self_reassign: 'Another admin must move this client to you, so that no one reaches clients’ notes through steps they take alone.',
};
