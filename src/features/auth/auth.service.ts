import type { Principal } from '../../core/access.js';
import { AppError } from '../../core/errors.js';
import { newId, newToken } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import type { RecordRef } from '../../crypto/envelope.js';
import { randomBase32, sha256Hex } from '../../crypto/hashing.js';
import { hashPassword } from '../../crypto/kdf.js';
import { type Tx, writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import * as repo from './auth.repository.js';
import { currentRelations } from '../organisation/relations.js';
import { newTotpSecret, totpStep } from './totp.js';

export const totpRef = (userId: string): RecordRef => ({ table: 'users', id: userId, field: 'totp_secret', subject: 'system' });

export { type SignInInput, signIn } from './signin.service.js';

export interface SessionGrant {
  token: string;
  stage: repo.SessionStage;
  user: { id: string; displayName: string; email: string; roles: string[] };
}

/** A fixed ten-minute window shared by every app server: refuses the call past `limit` hits on `key`. */
export async function limitPerTenMinutes(ctx: AppContext, key: string, limit: number, message: string): Promise<void> {
  const now = ctx.clock.now().getTime();
  const window = new Date(now - (now % 600_000)).toISOString();
  const count = await repo.hitRateLimit(ctx.db.kysely, key, window);
  if (count > limit) throw new AppError('rate_limited', message);
}

export const temporaryExpired = (user: repo.UserRow, now: Date): boolean =>
  user.passwordMustChange && user.passwordTempExpiresAt !== null && user.passwordTempExpiresAt <= now.toISOString();

/** Audit the refusal and answer it; the caller's session, if any, is ended first. */
export async function refuseExpiredTemporary(ctx: AppContext, user: repo.UserRow, action: string): Promise<never> {
  await recordAudit(ctx.db, ctx.clock, { id: user.id }, { action, targetType: 'user', targetId: user.id, outcome: 'denied', details: { reason: 'temporary_password_expired' } });
  throw new AppError('unauthenticated', 'This temporary password has expired. Ask your practice admin to reset your password again.');
}

export const normaliseRecovery = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();

/** A fresh token at every sign-in (no fixation); only its hash is stored. */
export async function startSession(ctx: AppContext, trx: Tx, user: repo.UserRow, stage: repo.SessionStage): Promise<SessionGrant> {
  const token = newToken();
  const at = ctx.clock.now();
  await repo.insertSession(trx, { idHash: sha256Hex(token), userId: user.id, stage, at: at.toISOString(), expiresAt: new Date(at.getTime() + ctx.config.absoluteTimeoutMinutes * 60_000).toISOString() });
  return { token, stage, user: { id: user.id, displayName: user.displayName, email: user.email, roles: user.roles } };
}

export interface AuthenticatedSession {
  principal: Principal;
  stage: repo.SessionStage;
  idHash: string;
  user: repo.UserRow;
}

/** Resolve a cookie token, enforcing the idle and absolute limits. */
export async function resolveSession(ctx: AppContext, token: string | undefined): Promise<AuthenticatedSession | null> {
  if (!token || token.length > 100) return null;
  const idHash = sha256Hex(token);
  const s = await repo.sessionByHash(ctx.db.kysely, idHash);
  if (!s) return null;
  const now = ctx.clock.now();
  const idleLimit = new Date(new Date(s.last_seen_at).getTime() + ctx.config.idleTimeoutMinutes * 60_000);
  if (s.expires_at <= now.toISOString() || idleLimit <= now) {
    await repo.deleteSession(ctx.db.kysely, idHash);
    return null;
  }
  const user = await repo.userById(ctx.db.kysely, s.user_id);
  if (!user || user.disabledAt) return null;
  // Writing last-seen at most every 30 s keeps reads cheap while idle time stays accurate.
  if (now.getTime() - new Date(s.last_seen_at).getTime() > 30_000) await repo.touchSession(ctx.db.kysely, idHash, now.toISOString());
  // Relationships (cover, emergency access) are dated: read afresh each request, so one that ends
  // ends at once for every session.
  const relations = s.stage === 'full' ? await currentRelations(ctx, user.id, user.roles) : undefined;
  return { principal: { userId: user.id, practiceId: user.practiceId, roles: user.roles, relations }, stage: s.stage, idHash, user };
}

export async function signOut(ctx: AppContext, session: AuthenticatedSession): Promise<void> {
  await writeTx(ctx.db, async (trx) => {
    await repo.deleteSession(trx, session.idHash);
    await appendAudit(trx, ctx.clock, { id: session.user.id }, { action: 'auth.signout', targetType: 'user', targetId: session.user.id });
  });
}

/** Finish TOTP enrolment with a first valid code; the session is upgraded in place. */
export async function confirmTotp(ctx: AppContext, session: AuthenticatedSession, code: string): Promise<SessionGrant> {
  const user = session.user;
  if (session.stage !== 'enrol_totp' || !user.totpSecretEnc) throw new AppError('conflict', 'No second factor is waiting to be confirmed.');
  const step = totpStep(ctx.vault.decryptSystem(user.totpSecretEnc, totpRef(user.id)), code, ctx.clock.now());
  if (step === null) throw new AppError('invalid_input', 'That code is not right. Check the time on your phone and try the current code.', 'code');
  return writeTx(ctx.db, async (trx) => {
    // One code, one session: a copy of this request sent at the same time finds enrolment done.
    if (!(await repo.enableTotp(trx, user.id, step))) throw new AppError('conflict', 'The second factor is already set up. Sign in with it.');
    await repo.deleteSession(trx, session.idHash);
    // After an admin's password reset the new password still comes before anything else.
    const grant = await startSession(ctx, trx, user, user.passwordMustChange ? 'change_password' : 'full');
    await appendAudit(trx, ctx.clock, { id: user.id }, { action: 'auth.totp_enrolled', targetType: 'user', targetId: user.id });
    return grant;
  });
}

export interface NewUserSecrets {
  userId: string;
  totpSecret: string;
  recoveryCodes: string[];
}

/** Create a staff account with a pending TOTP secret and ten single-use recovery codes. */
export async function createUser(
  ctx: AppContext,
  trx: Tx,
  u: { practiceId: string; email: string; displayName: string; roles: Principal['roles']; password: string; passwordHash?: string },
): Promise<NewUserSecrets> {
  const id = newId();
  const totpSecret = newTotpSecret();
  await repo.insertUser(trx, {
    id, practiceId: u.practiceId, email: u.email, displayName: u.displayName, roles: [...u.roles],
    passwordHash: u.passwordHash ?? (await hashPassword(u.password, ctx.config.passwordKdf)),
    totpSecretEnc: ctx.vault.encryptSystem(totpSecret, totpRef(id)), at: ctx.clock.now().toISOString(),
  });
  return { userId: id, totpSecret, recoveryCodes: await replaceRecoveryCodes(trx, id) };
}

/** Ten fresh single-use recovery codes; any earlier ones stop working. Only hashes are kept. */
export async function replaceRecoveryCodes(trx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: 10 }, () => randomBase32(12).replace(/(.{4})(?=.)/g, '$1-'));
  await repo.insertRecoveryCodes(trx, userId, codes.map((c) => ({ id: newId(), hash: sha256Hex(normaliseRecovery(c)) })));
  return codes;
}
