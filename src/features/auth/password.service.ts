import { AppError, conflict, invalidInput, isAppError } from '../../core/errors.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { randomBase32, sha256Hex } from '../../crypto/hashing.js';
import { hashPassword, verifyPassword } from '../../crypto/kdf.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import * as repo from './auth.repository.js';
import * as attempts from './attempts.repository.js';
import { type AuthenticatedSession, type SessionGrant, limitPerTenMinutes, refuseExpiredTemporary, startSession, temporaryExpired } from './auth.service.js';
import { lockFor } from './lockout.js';
import { accountLockSchedule } from './signin.service.js';
import { checkPassword } from './password-policy.js';

/** How long a temporary password from an admin's reset keeps working. */
export const TEMPORARY_PASSWORD_HOURS = 72;

/**
 * Twenty characters from a 32-letter alphabet without look-alikes (100 bits), in groups of four
 * so it can be read out or typed from a note. Only its Argon2id hash is ever stored.
 */
export const temporaryPassword = (): string => randomBase32(20).replace(/(.{4})(?=.)/g, '$1-');

/** Per-account throttle on password checks made from a live session: 10 per 10 minutes. */
const throttle = (ctx: AppContext, userId: string) => limitPerTenMinutes(ctx, `password:${sha256Hex(userId)}`, 10, 'Too many password attempts. Wait ten minutes and try again.');

/** The sign-up policy, with the error naming the field this form calls it. */
async function acceptable(user: repo.UserRow, password: string): Promise<void> {
  try {
    await checkPassword(password, [user.email, user.displayName]);
  } catch (e) {
    if (isAppError(e) && e.field === 'password') throw invalidInput('newPassword', e.message);
    throw e;
  }
}

/**
 * Store the new hash, end every session of the account (this one included) and open one fresh
 * session with a new token: anyone holding an old cookie is signed out, the person changing it is not.
 */
async function replacePassword(ctx: AppContext, session: AuthenticatedSession, newPassword: string, forced: boolean): Promise<SessionGrant & { sessionsEnded: number }> {
  const user = session.user;
  const hash = await hashPassword(newPassword, ctx.config.passwordKdf);
  return writeTx(ctx.db, async (trx) => {
    await repo.setPassword(trx, user.id, hash, null);
    const sessionsEnded = (await repo.deleteSessionsForUser(trx, user.id)) - 1;
    const grant = await startSession(ctx, trx, { ...user, passwordMustChange: false }, 'full');
    await appendAudit(trx, ctx.clock, { id: user.id }, { action: 'auth.password_change', targetType: 'user', targetId: user.id, details: { forced, sessionsEnded } });
    return { ...grant, sessionsEnded: Math.max(0, sessionsEnded) };
  });
}

/**
 * A signed-in person changes their own password. A wrong current password counts towards the
 * account's lockout exactly as a failed sign-in does (counted before it is checked, in one
 * statement), so a left-open session cannot be used to guess it; while the account is locked the
 * change is refused. The new password is judged first, so a weak choice costs no attempt.
 */
export async function changeOwnPassword(ctx: AppContext, session: AuthenticatedSession, input: { currentPassword: string; newPassword: string }): Promise<SessionGrant & { sessionsEnded: number }> {
  const user = session.user;
  const deny = (details: Record<string, string | boolean>) => recordAudit(ctx.db, ctx.clock, { id: user.id }, { action: 'auth.password_change', targetType: 'user', targetId: user.id, outcome: 'denied', details });
  await throttle(ctx, user.id);
  if (input.newPassword.normalize('NFKC') === input.currentPassword.normalize('NFKC')) {
    throw invalidInput('newPassword', 'The new password must be different from the current one.');
  }
  await acceptable(user, input.newPassword);
  const schedule = accountLockSchedule(ctx, ctx.clock.now());
  const attempt = await attempts.countAccountAttempt(ctx.db.kysely, user.id, schedule);
  if (attempt === null) {
    await deny({ reason: 'locked' });
    throw new AppError('locked', 'This account is locked after repeated wrong passwords. Try again later or ask your practice admin.');
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await deny({ reason: 'current_password', locked: lockFor(schedule, attempt) !== null });
    throw invalidInput('currentPassword', 'That is not your current password.');
  }
  // Storing the new password clears the count this attempt added.
  return replacePassword(ctx, session, input.newPassword, false);
}

/**
 * The only thing a session opened with a temporary password can do: choose the real one. The
 * session itself proves the temporary password and the second factor were just given.
 */
export async function replaceTemporaryPassword(ctx: AppContext, session: AuthenticatedSession, newPassword: string): Promise<SessionGrant & { sessionsEnded: number }> {
  const user = session.user;
  if (session.stage !== 'change_password' || !user.passwordMustChange) throw conflict('There is no temporary password to replace. Change your password from your account page.');
  if (temporaryExpired(user, ctx.clock.now())) {
    await repo.deleteSession(ctx.db.kysely, session.idHash);
    await refuseExpiredTemporary(ctx, user, 'auth.password_change');
  }
  await throttle(ctx, user.id);
  if (await verifyPassword(user.passwordHash, newPassword)) throw invalidInput('newPassword', 'Choose a password of your own, not the temporary one.');
  await acceptable(user, newPassword);
  return replacePassword(ctx, session, newPassword, true);
}
