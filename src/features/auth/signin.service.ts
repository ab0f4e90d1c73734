import { AppError } from '../../core/errors.js';
import { newToken } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { hashPassword, verifyPassword } from '../../crypto/kdf.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import * as attempts from './attempts.repository.js';
import * as repo from './auth.repository.js';
import { type SessionGrant, limitPerTenMinutes, normaliseRecovery, refuseExpiredTemporary, startSession, temporaryExpired, totpRef } from './auth.service.js';
import { type LockSchedule, lockFor, lockSchedule } from './lockout.js';
import { totpStep } from './totp.js';

export interface SignInInput {
  email: string;
  password: string;
  code?: string;
  recoveryCode?: string;
}

const badCredentials = () => new AppError('unauthenticated', 'The email, password or code is not right.');

/** One refusal for a locked address, whether or not an account has it (nothing to learn by trying). */
export const lockedOut = () =>
  new AppError('locked', 'This email address is locked after repeated failed sign-ins. Try again later, or ask your practice admin to unlock the account.');

/** Sign-in lockout after repeated failures, doubling from the configured length up to 64 times it. */
export const accountLockSchedule = (ctx: AppContext, now: Date): LockSchedule =>
  lockSchedule({ threshold: ctx.config.lockoutThreshold, minutes: ctx.config.lockoutMinutes, maxDoublings: 6 }, now);

// A real Argon2id hash of a random string: unknown emails cost the same time as known ones.
let dummyHash: Promise<string> | undefined;

/** Per-source throttle shared by every server: 30 attempts per 10 minutes. */
const throttle = (ctx: AppContext, source: string) => limitPerTenMinutes(ctx, `signin:${sha256Hex(source)}`, 30, 'Too many sign-in attempts from here. Wait ten minutes and try again.');

/** A sign-in refused after its guess was counted: the transaction that would open the session is undone. */
class Refused extends Error {}

/**
 * Every attempt is counted (and the lock set) in one statement before the password is checked,
 * so parallel guesses cannot all slip in under the threshold; the session is opened only by a
 * second compare-and-set that refuses a code already used and a lock that landed meanwhile.
 */
export async function signIn(ctx: AppContext, input: SignInInput, source: string): Promise<SessionGrant> {
  await throttle(ctx, source);
  const user = await repo.userByEmail(ctx.db.kysely, input.email ?? '');
  const now = ctx.clock.now();
  const schedule = accountLockSchedule(ctx, now);
  if (!user || user.disabledAt) return refuseWithoutAccount(ctx, input, user, schedule);
  const actor = { id: user.id };
  const deny = (details: Record<string, string | boolean>) => recordAudit(ctx.db, ctx.clock, actor, { action: 'auth.signin', targetType: 'user', targetId: user.id, outcome: 'denied', details });
  const attempt = await attempts.countAccountAttempt(ctx.db.kysely, user.id, schedule);
  if (attempt === null) {
    await deny({ reason: 'locked' });
    throw lockedOut();
  }
  const setsLock = lockFor(schedule, attempt) !== null;
  const passwordOk = await verifyPassword(user.passwordHash, input.password ?? '');
  let step: number | null = null;
  let secondFactor = !user.totpEnabled; // enrolment not finished: the session is limited to enrolment
  if (passwordOk && user.totpEnabled) {
    if (input.recoveryCode) secondFactor = true; // spent, or refused, in the transaction below
    else if (input.code && user.totpSecretEnc) {
      step = totpStep(ctx.vault.decryptSystem(user.totpSecretEnc, totpRef(user.id)), input.code, now);
      secondFactor = step !== null;
    }
  }
  if (!passwordOk || !secondFactor) {
    await deny({ reason: passwordOk ? 'second_factor' : 'password', locked: setsLock });
    throw badCredentials();
  }
  // Checked only once both factors are right, so the message tells a stranger nothing.
  if (temporaryExpired(user, now)) await refuseExpiredTemporary(ctx, user, 'auth.signin');
  const useRecovery = Boolean(input.recoveryCode) && user.totpEnabled;
  try {
    return await writeTx(ctx.db, async (trx) => {
      if (useRecovery && !(await repo.useRecoveryCode(trx, user.id, sha256Hex(normaliseRecovery(input.recoveryCode as string)), now.toISOString()))) throw new Refused();
      if (!(await attempts.claimSignIn(trx, user.id, { attempt, step, now: now.toISOString() }))) throw new Refused();
      const grant = await startSession(ctx, trx, user, !user.totpEnabled ? 'enrol_totp' : user.passwordMustChange ? 'change_password' : 'full');
      await appendAudit(trx, ctx.clock, actor, { action: 'auth.signin', targetType: 'user', targetId: user.id, details: { stage: grant.stage, method: input.recoveryCode ? 'recovery_code' : 'totp' } });
      return grant;
    });
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    // The code was used already (perhaps by a copy of this very request), or a lock landed meanwhile.
    const lockedNow = ((await repo.userById(ctx.db.kysely, user.id))?.lockedUntil ?? '') > now.toISOString();
    if (lockedNow && !setsLock) {
      await deny({ reason: 'locked', locked: true });
      throw lockedOut();
    }
    await deny({ reason: 'second_factor', locked: setsLock });
    throw badCredentials();
  }
}

/**
 * No usable account at this address: the same work and the same answers as for a real one,
 * lockout included, counted under a keyed hash of the address.
 */
async function refuseWithoutAccount(ctx: AppContext, input: SignInInput, user: repo.UserRow | undefined, schedule: LockSchedule): Promise<never> {
  const key = `signin-address:${ctx.vault.systemMac('signin-address', (input.email ?? '').trim().toLowerCase())}`;
  const attempt = await attempts.countKeyAttempt(ctx.db.kysely, key, schedule);
  // The log still shows a disabled account being tried (departing staff).
  const target = user ? { targetType: 'user', targetId: user.id } : {};
  const reason = user ? 'disabled' : 'unknown_account';
  if (attempt === null) {
    await recordAudit(ctx.db, ctx.clock, null, { action: 'auth.signin', outcome: 'denied', ...target, details: { reason, locked: true } });
    throw lockedOut();
  }
  await verifyPassword(await (dummyHash ??= hashPassword(newToken(), ctx.config.passwordKdf)), input.password ?? '');
  await recordAudit(ctx.db, ctx.clock, null, { action: 'auth.signin', outcome: 'denied', ...target, details: { reason, locked: lockFor(schedule, attempt) !== null } });
  throw badCredentials();
}
