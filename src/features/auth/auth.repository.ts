import type { Executor } from '../../db/tx.js';
import type { AuthSessionsTable } from '../../db/core.tables.js';
import type { Role } from '../../core/access.js';
import { parseRoles } from '../../core/access.js';

export interface UserRow {
  id: string;
  practiceId: string;
  email: string;
  displayName: string;
  roles: Role[];
  passwordHash: string;
  totpSecretEnc: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  failedAttempts: number;
  lockedUntil: string | null;
  disabledAt: string | null;
  /** Set by an admin's reset: the next sign-in can only choose a new password. */
  passwordMustChange: boolean;
  passwordTempExpiresAt: string | null;
}

export type SessionStage = AuthSessionsTable['stage'];

type Raw = {
  id: string; practice_id: string; email: string; display_name: string; roles: string; password_hash: string;
  totp_secret_enc: string | null; totp_enabled: number; totp_last_step: number | null; failed_attempts: number;
  locked_until: string | null; disabled_at: string | null; password_must_change: number; password_temp_expires_at: string | null;
};

const toUser = (r: Raw): UserRow => ({
  id: r.id, practiceId: r.practice_id, email: r.email, displayName: r.display_name, roles: parseRoles(r.roles),
  passwordHash: r.password_hash, totpSecretEnc: r.totp_secret_enc, totpEnabled: r.totp_enabled === 1,
  totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step), failedAttempts: r.failed_attempts,
  lockedUntil: r.locked_until, disabledAt: r.disabled_at, passwordMustChange: Number(r.password_must_change) === 1, passwordTempExpiresAt: r.password_temp_expires_at,
});

export async function userByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function userById(db: Executor, id: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function countUsers(db: Executor): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listUsers(db: Executor, practiceId: string): Promise<UserRow[]> {
  return (await db.selectFrom('users').selectAll().where('practice_id', '=', practiceId).orderBy('display_name').execute()).map(toUser);
}

export async function insertUser(db: Executor, u: { id: string; practiceId: string; email: string; displayName: string; roles: Role[]; passwordHash: string; totpSecretEnc: string; at: string }): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: u.id, practice_id: u.practiceId, email: u.email.trim().toLowerCase(), display_name: u.displayName, roles: u.roles.join(','),
      password_hash: u.passwordHash, totp_secret_enc: u.totpSecretEnc, totp_enabled: 0, totp_last_step: null, failed_attempts: 0,
      locked_until: null, created_at: u.at, disabled_at: null, password_must_change: 0, password_temp_expires_at: null,
    })
    .execute();
}

/** Set the count and lock outright (sign-ins count through attempts.repository.ts, atomically). */
export async function recordFailure(db: Executor, id: string, failedAttempts: number, lockedUntil: string | null): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: failedAttempts, locked_until: lockedUntil }).where('id', '=', id).execute();
}

/**
 * A new password hash (parameters inside it). `temporaryUntil` marks an admin's reset: the password
 * must be replaced at the next sign-in and stops working then. Either way any lockout is cleared.
 */
export async function setPassword(db: Executor, id: string, passwordHash: string, temporaryUntil: string | null): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_must_change: temporaryUntil ? 1 : 0, password_temp_expires_at: temporaryUntil, failed_attempts: 0, locked_until: null })
    .where('id', '=', id)
    .execute();
}

/** Finish enrolment once: false when a parallel confirmation got there first. */
export async function enableTotp(db: Executor, id: string, step: number): Promise<boolean> {
  const res = await db.updateTable('users').set({ totp_enabled: 1, totp_last_step: step }).where('id', '=', id).where('totp_enabled', '=', 0).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertRecoveryCodes(db: Executor, userId: string, hashes: { id: string; hash: string }[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length) await db.insertInto('recovery_codes').values(hashes.map((h) => ({ id: h.id, user_id: userId, code_hash: h.hash, used_at: null }))).execute();
}

/** Spend a recovery code; true once, false ever after. */
export async function useRecoveryCode(db: Executor, userId: string, hash: string, at: string): Promise<boolean> {
  const res = await db.updateTable('recovery_codes').set({ used_at: at }).where('user_id', '=', userId).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertSession(db: Executor, s: { idHash: string; userId: string; stage: SessionStage; at: string; expiresAt: string }): Promise<void> {
  await db.insertInto('auth_sessions').values({ id_hash: s.idHash, user_id: s.userId, stage: s.stage, created_at: s.at, last_seen_at: s.at, expires_at: s.expiresAt }).execute();
}

export async function sessionByHash(db: Executor, idHash: string) {
  return db.selectFrom('auth_sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function touchSession(db: Executor, idHash: string, at: string): Promise<void> {
  await db.updateTable('auth_sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('id_hash', '=', idHash).execute();
}

/** Returns how many sessions there were. */
export async function deleteSessionsForUser(db: Executor, userId: string): Promise<number> {
  const res = await db.deleteFrom('auth_sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/**
 * Fixed-window counter shared by every app server. Returns the count after this hit. One upsert,
 * so parallel hits each get their own count (a read then a write would let them share one).
 */
export async function hitRateLimit(db: Executor, key: string, windowStart: string): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb.case().when('rate_limits.window_start', '=', windowStart).then(eb('rate_limits.count', '+', 1)).else(1).end(),
        window_start: windowStart,
      })),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Staff display names by id, for showing who did what in access histories. */
export async function displayNames(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).execute();
  return new Map(rows.map((u) => [u.id, u.display_name]));
}
