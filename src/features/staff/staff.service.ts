import { type Principal, type Role, can } from '../../core/access.js';
import { AppError, conflict, forbidden, invalidInput, notFound } from '../../core/errors.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { type Tx, writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import * as auth from '../auth/auth.repository.js';
import { createUser, replaceRecoveryCodes, totpRef } from '../auth/auth.service.js';
import { TEMPORARY_PASSWORD_HOURS, temporaryPassword } from '../auth/password.service.js';
import { newTotpSecret } from '../auth/totp.js';
import { hashPassword } from '../../crypto/kdf.js';
import * as repo from './staff.repository.js';
import { SELF_STEP_REFUSED, gainedRoles } from './access-review.js';
import { NEEDS_REVIEW, flagForReview } from './access-review.service.js';
import {
  ASSIGNABLE_ROLES, type Change, DISABLE_REASONS, type DisableReason, PASSWORD_RESET_REASONS, type PasswordResetReason, RESET_REASONS, type ResetReason, type Refusal, type StaffStatus, UNLOCK_REASONS,
  type UnlockReason, nextRoles, refusal, staffStatus,
} from './staff.js';

export interface StaffMember {
  id: string;
  displayName: string;
  email: string;
  roles: Role[];
  status: StaffStatus;
  secondFactor: boolean;
  locked: boolean;
  lockedUntil: string | null;
  failedAttempts: number;
  disabledAt: string | null;
  /** While a temporary password from an admin's reset is waiting to be replaced: when it stops working. */
  temporaryPasswordUntil: string | null;
  /** Counts only: who still holds clients, so a disabled colleague's caseload is never lost from view. */
  caseload: { open: number; closed: number };
}

const toMember = (u: auth.UserRow, nowIso: string, cases?: { open: number; closed: number }): StaffMember => ({
  id: u.id, displayName: u.displayName, email: u.email, roles: u.roles, status: staffStatus(u, nowIso), secondFactor: u.totpEnabled,
  locked: Boolean(u.lockedUntil && u.lockedUntil > nowIso), lockedUntil: u.lockedUntil && u.lockedUntil > nowIso ? u.lockedUntil : null,
  failedAttempts: u.failedAttempts, disabledAt: u.disabledAt, temporaryPasswordUntil: u.passwordMustChange ? u.passwordTempExpiresAt : null, caseload: cases ?? { open: 0, closed: 0 },
});

export async function listStaff(ctx: AppContext, principal: Principal): Promise<StaffMember[]> {
  if (!can(principal, 'staff.manage')) throw forbidden();
  const now = ctx.clock.now().toISOString();
  const [users, cases] = await Promise.all([auth.listUsers(ctx.db.kysely, principal.practiceId), repo.caseCounts(ctx.db.kysely, principal.practiceId)]);
  return users.map((u) => toMember(u, now, cases.get(u.id)));
}

async function memberById(ctx: AppContext, trx: Tx, id: string): Promise<StaffMember> {
  const u = await auth.userById(trx, id);
  if (!u) throw notFound('colleague');
  return toMember(u, ctx.clock.now().toISOString(), (await repo.caseCounts(trx, u.practiceId)).get(u.id));
}

const REFUSED: Record<Refusal, (change: Change) => AppError> = {
  own_account: (change) => forbidden(change.kind === 'reset_password' ? 'Change your own password from Account, under your name at the top of the page.' : 'You cannot do that to your own account. Ask another admin.'),
  last_admin: () => conflict("This is the practice's only active admin. Make another colleague an admin first."),
  needs_second_admin: () => forbidden(SELF_STEP_REFUSED.self_role_grant),
};

/**
 * The one door for every change to a colleague's account: the policy first, then, inside the
 * write transaction, the target (404 if it is not in this practice) and the rules that keep an
 * admin in place. Refusals are audited too, with the reason code.
 */
async function manage<T>(ctx: AppContext, principal: Principal, userId: string, action: string, change: Change, fn: (trx: Tx, target: auth.UserRow) => Promise<T>): Promise<T> {
  const deny = async (reason: string, err: AppError): Promise<never> => {
    await recordAudit(ctx.db, ctx.clock, { id: principal.userId }, { action, targetType: 'user', targetId: userId, outcome: 'denied', details: { reason } });
    throw err;
  };
  if (!can(principal, 'staff.manage')) return deny('not_admin', forbidden());
  const outcome = await writeTx(ctx.db, async (trx) => {
    const target = await auth.userById(trx, userId);
    if (!target || target.practiceId !== principal.practiceId) throw notFound('colleague');
    const team = await auth.listUsers(trx, principal.practiceId);
    const refused = refusal(principal.userId, target, change, team);
    if (refused) return { ok: false, refused } as const;
    return { ok: true, value: await fn(trx, target) } as const;
  });
  if (!outcome.ok) return deny(outcome.refused, REFUSED[outcome.refused](change));
  return outcome.value;
}

const actor = (p: Principal) => ({ id: p.userId });

function oneOf<T extends string>(field: string, allowed: readonly T[], value: unknown): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw invalidInput(field, `expected one of ${allowed.join(', ')}`);
  return value as T;
}

export async function updateStaff(ctx: AppContext, principal: Principal, userId: string, input: { displayName?: string; roles?: Role[] }): Promise<StaffMember> {
  const displayName = input.displayName?.trim();
  if (input.displayName !== undefined && !displayName) throw invalidInput('displayName', 'A name is needed.');
  if (displayName && displayName.length > 200) throw invalidInput('displayName', 'Use at most 200 characters.');
  if (input.roles !== undefined && (input.roles.length === 0 || input.roles.some((r) => !ASSIGNABLE_ROLES.includes(r)))) throw invalidInput('roles', `expected some of ${ASSIGNABLE_ROLES.join(', ')}`);
  if (displayName === undefined && input.roles === undefined) throw invalidInput('body', 'Nothing to change: give displayName, roles or both.');
  return manage(ctx, principal, userId, 'user.update', { kind: 'update', roles: input.roles }, async (trx, target) => {
    const roles = input.roles ? nextRoles(target.roles, input.roles) : target.roles;
    const changed = [
      ...(displayName !== undefined && displayName !== target.displayName ? ['displayName'] : []),
      ...(roles.join(',') !== target.roles.join(',') ? ['roles'] : []),
    ];
    if (changed.length) {
      await repo.updateProfile(trx, target.id, { displayName: changed.includes('displayName') ? displayName : undefined, roles: changed.includes('roles') ? roles : undefined });
      // Only reached alone when no other admin exists (refusal() sends everyone else to a colleague): kept for review.
      const gained = target.id === principal.userId ? gainedRoles(target.roles, roles) : [];
      const seq = await appendAudit(trx, ctx.clock, actor(principal), {
        action: 'user.update', targetType: 'user', targetId: target.id, purpose: gained.length ? NEEDS_REVIEW : undefined,
        details: { changed, roles: roles as string[], previousRoles: target.roles as string[], ...(gained.length ? { needsReview: true } : {}) },
      });
      if (gained.length) await flagForReview(ctx, trx, principal, { kind: 'self_role_grant', auditSeq: seq, roles: gained });
    }
    return memberById(ctx, trx, target.id);
  });
}

export async function disableStaff(ctx: AppContext, principal: Principal, userId: string, reasonIn: unknown): Promise<StaffMember & { sessionsEnded: number }> {
  const reason: DisableReason = oneOf('reason', DISABLE_REASONS, reasonIn);
  return manage(ctx, principal, userId, 'user.disable', { kind: 'disable' }, async (trx, target) => {
    if (target.disabledAt) throw conflict('This account is already disabled.');
    await repo.setDisabled(trx, target.id, ctx.clock.now().toISOString());
    const sessionsEnded = await repo.endSessions(trx, target.id);
    await appendAudit(trx, ctx.clock, actor(principal), { action: 'user.disable', targetType: 'user', targetId: target.id, details: { reason, sessionsEnded } });
    return { ...(await memberById(ctx, trx, target.id)), sessionsEnded };
  });
}

export async function enableStaff(ctx: AppContext, principal: Principal, userId: string): Promise<StaffMember> {
  return manage(ctx, principal, userId, 'user.enable', { kind: 'enable' }, async (trx, target) => {
    if (!target.disabledAt) throw conflict('This account is not disabled.');
    await repo.setDisabled(trx, target.id, null);
    await appendAudit(trx, ctx.clock, actor(principal), { action: 'user.enable', targetType: 'user', targetId: target.id });
    return memberById(ctx, trx, target.id);
  });
}

export async function unlockStaff(ctx: AppContext, principal: Principal, userId: string, reasonIn: unknown): Promise<StaffMember> {
  const reason: UnlockReason = oneOf('reason', UNLOCK_REASONS, reasonIn);
  return manage(ctx, principal, userId, 'user.unlock', { kind: 'unlock' }, async (trx, target) => {
    if (target.failedAttempts === 0 && !target.lockedUntil) throw conflict('This account is not locked and has no failed sign-ins to clear.');
    const wasLocked = Boolean(target.lockedUntil && target.lockedUntil > ctx.clock.now().toISOString());
    await repo.clearLockout(trx, target.id);
    await appendAudit(trx, ctx.clock, actor(principal), { action: 'user.unlock', targetType: 'user', targetId: target.id, details: { reason, failedAttempts: target.failedAttempts, wasLocked } });
    return memberById(ctx, trx, target.id);
  });
}

export interface SecondFactorReset {
  userId: string;
  /** Shown once, to hand over in person; only their hashes are stored. */
  recoveryCodes: string[];
  sessionsEnded: number;
}

/**
 * Forget the colleague's authenticator and recovery codes. Their next sign-in with the password
 * opens the same enrolment step a new colleague sees; fresh recovery codes come back here once.
 */
export async function resetSecondFactor(ctx: AppContext, principal: Principal, userId: string, reasonIn: unknown): Promise<SecondFactorReset> {
  const reason: ResetReason = oneOf('reason', RESET_REASONS, reasonIn);
  return manage(ctx, principal, userId, 'user.reset_second_factor', { kind: 'reset_second_factor' }, async (trx, target) => {
    await repo.resetTotp(trx, target.id, ctx.vault.encryptSystem(newTotpSecret(), totpRef(target.id)));
    const recoveryCodes = await replaceRecoveryCodes(trx, target.id);
    const sessionsEnded = await repo.endSessions(trx, target.id);
    await appendAudit(trx, ctx.clock, actor(principal), { action: 'user.reset_second_factor', targetType: 'user', targetId: target.id, details: { reason, wasEnrolled: target.totpEnabled, sessionsEnded } });
    return { userId: target.id, recoveryCodes, sessionsEnded };
  });
}

export interface PasswordReset {
  userId: string;
  /** Shown once, to hand over in person; only its Argon2id hash is stored. */
  temporaryPassword: string;
  expiresAt: string;
  sessionsEnded: number;
  /** The second factor is untouched: without it they need the second-factor reset as well. */
  secondFactor: boolean;
}

/**
 * Replace a colleague's forgotten password with a temporary one that works for 72 hours and only
 * to choose a new password. Their authenticator stays as it was, so the temporary password alone
 * opens nothing; any lockout is cleared and every live session ends.
 */
export async function resetPassword(ctx: AppContext, principal: Principal, userId: string, reasonIn: unknown): Promise<PasswordReset> {
  const reason: PasswordResetReason = oneOf('reason', PASSWORD_RESET_REASONS, reasonIn);
  const password = temporaryPassword();
  // Argon2 cannot run inside the write transaction, so it runs first; only for an admin, whom
  // manage() may still refuse, so a refused caller never costs the server a hash.
  const hash = can(principal, 'staff.manage') ? await hashPassword(password, ctx.config.passwordKdf) : '';
  const expiresAt = new Date(ctx.clock.now().getTime() + TEMPORARY_PASSWORD_HOURS * 3_600_000).toISOString();
  return manage(ctx, principal, userId, 'user.password_reset', { kind: 'reset_password' }, async (trx, target) => {
    const wasLocked = Boolean(target.lockedUntil && target.lockedUntil > ctx.clock.now().toISOString());
    await auth.setPassword(trx, target.id, hash, expiresAt);
    const sessionsEnded = await repo.endSessions(trx, target.id);
    await appendAudit(trx, ctx.clock, actor(principal), { action: 'user.password_reset', targetType: 'user', targetId: target.id, details: { reason, sessionsEnded, wasLocked } });
    return { userId: target.id, temporaryPassword: password, expiresAt, sessionsEnded, secondFactor: target.totpEnabled };
  });
}

export interface NewColleague {
  id: string;
  /** Shown once, to hand over in person; it works only to choose a new password, within 72 hours. */
  temporaryPassword: string;
  expiresAt: string;
  teamId: string | null;
}

/**
 * A colleague added with a temporary password (from the command line, for scripts and imports):
 * their first sign-in uses it, sets up their second factor and chooses a new password, exactly as
 * after an admin's reset. The team is named by id or by name.
 */
export async function addColleagueWithTemporaryPassword(ctx: AppContext, principal: Principal, input: { email: string; displayName: string; roles: Role[]; team?: string }): Promise<NewColleague> {
  if (!can(principal, 'staff.manage')) throw forbidden();
  const displayName = typeof input.displayName === 'string' ? input.displayName.trim() : '';
  if (!displayName) throw invalidInput('name', 'A name is needed.');
  if (displayName.length > 200) throw invalidInput('name', 'The name is too long (at most 200 characters).');
  const email = typeof input.email === 'string' ? input.email.trim() : '';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 320) throw invalidInput('email', 'That does not look like an email address.');
  const unknown = input.roles.find((r) => !ASSIGNABLE_ROLES.includes(r));
  if (input.roles.length === 0 || unknown) throw invalidInput('roles', `${unknown ? `"${unknown}" is not a role. ` : ''}Give one or more of ${ASSIGNABLE_ROLES.join(', ')}.`);
  if (await auth.userByEmail(ctx.db.kysely, email)) throw conflict('Someone already signs in with that email.');
  let teamId: string | null = null;
  if (input.team) {
    const team = await ctx.db.kysely.selectFrom('teams').select('id').where('practice_id', '=', principal.practiceId).where('archived_at', 'is', null)
      .where((eb) => eb.or([eb('id', '=', input.team as string), eb('name', '=', input.team as string)])).executeTakeFirst();
    if (!team) throw invalidInput('team', 'There is no team by that name or id.');
    teamId = team.id;
  }
  const password = temporaryPassword();
  const hash = await hashPassword(password, ctx.config.passwordKdf);
  const expiresAt = new Date(ctx.clock.now().getTime() + TEMPORARY_PASSWORD_HOURS * 3_600_000).toISOString();
  return writeTx(ctx.db, async (trx) => {
    const s = await createUser(ctx, trx, { practiceId: principal.practiceId, email, displayName, roles: input.roles, password, passwordHash: hash });
    await auth.setPassword(trx, s.userId, hash, expiresAt);
    if (teamId) await trx.insertInto('team_members').values({ team_id: teamId, user_id: s.userId, added_at: ctx.clock.now().toISOString() }).execute();
    await appendAudit(trx, ctx.clock, actor(principal), { action: 'user.create', targetType: 'user', targetId: s.userId, details: { roles: input.roles, teamId, temporaryPassword: true } });
    return { id: s.userId, temporaryPassword: password, expiresAt, teamId };
  });
}
