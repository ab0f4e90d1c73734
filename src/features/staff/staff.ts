import type { Role } from '../../core/access.js';
import { gainedRoles, selfStep } from './access-review.js';

/**
 * Staff account management: the rules that keep a practice able to run itself. Pure functions;
 * the service loads the facts inside its write transaction so two admins cannot race past them.
 */

/** Roles an admin may give or take away (the operator is whoever holds the vault passphrase, never an account's role). */
export const ASSIGNABLE_ROLES: readonly Role[] = ['practitioner', 'admin', 'supervisor', 'reception', 'clinical_lead', 'dpo'];

export type StaffStatus = 'active' | 'locked' | 'disabled' | 'not_enrolled';

/** Reasons are codes, so the audit log can hold them without free text. */
export const DISABLE_REASONS = ['left_practice', 'extended_leave', 'suspected_compromise', 'other'] as const;
export const UNLOCK_REASONS = ['own_attempts_confirmed', 'identity_verified', 'attempts_investigated'] as const;
export const RESET_REASONS = ['lost_device', 'new_device', 'suspected_compromise'] as const;
export const PASSWORD_RESET_REASONS = ['forgotten', 'suspected_compromise', 'returning_from_leave'] as const;
export type DisableReason = (typeof DISABLE_REASONS)[number];
export type UnlockReason = (typeof UNLOCK_REASONS)[number];
export type ResetReason = (typeof RESET_REASONS)[number];
export type PasswordResetReason = (typeof PASSWORD_RESET_REASONS)[number];

export interface AccountFacts {
  id: string;
  roles: readonly Role[];
  totpEnabled: boolean;
  lockedUntil: string | null;
  disabledAt: string | null;
}

/** One word for the team list; a disabled account is disabled whatever else is true of it. */
export function staffStatus(u: AccountFacts, nowIso: string): StaffStatus {
  if (u.disabledAt) return 'disabled';
  if (u.lockedUntil && u.lockedUntil > nowIso) return 'locked';
  if (!u.totpEnabled) return 'not_enrolled';
  return 'active';
}

const isActiveAdmin = (u: Pick<AccountFacts, 'roles' | 'disabledAt'>) => u.roles.includes('admin') && !u.disabledAt;

export type Change =
  | { kind: 'update'; roles?: readonly Role[] }
  | { kind: 'enable' }
  | { kind: 'disable' }
  | { kind: 'unlock' }
  | { kind: 'reset_second_factor' }
  | { kind: 'reset_password' };

export type Refusal = 'own_account' | 'last_admin' | 'needs_second_admin';

const AFFECTS_OWN_SIGN_IN: readonly Change['kind'][] = ['disable', 'unlock', 'reset_second_factor', 'reset_password'];

/**
 * Why a change must not happen, or null. An admin may not disable, unlock or reset their own
 * account from here (another admin, or the operator at the command line, does that), nor give
 * themselves a role while another admin could, and the practice must always keep one active admin.
 */
export function refusal(actorId: string, target: AccountFacts, change: Change, team: readonly Pick<AccountFacts, 'id' | 'roles' | 'disabledAt'>[]): Refusal | null {
  if (target.id === actorId && AFFECTS_OWN_SIGN_IN.includes(change.kind)) return 'own_account';
  // A role you give yourself (the practitioner role opens clients' notes) needs another admin's hand when there is one.
  const selfGrant = target.id === actorId && change.kind === 'update' && change.roles !== undefined && gainedRoles(target.roles, nextRoles(target.roles, change.roles)).length > 0;
  if (selfGrant && selfStep(actorId, team) === 'refuse') return 'needs_second_admin';
  const removesAdmin = isActiveAdmin(target) && (change.kind === 'disable' || (change.kind === 'update' && change.roles !== undefined && !change.roles.includes('admin')));
  if (removesAdmin && !team.some((u) => u.id !== target.id && isActiveAdmin(u))) return 'last_admin';
  return null;
}

/** The roles after an edit: the assignable ones as chosen, any others the account holds kept as they were. */
export function nextRoles(current: readonly Role[], chosen: readonly Role[]): Role[] {
  const kept = current.filter((r) => !ASSIGNABLE_ROLES.includes(r));
  return [...ASSIGNABLE_ROLES.filter((r) => chosen.includes(r)), ...kept];
}
