import { type Expression, sql } from 'kysely';
import type { Executor } from '../../db/tx.js';
import type { LockSchedule } from './lockout.js';

/**
 * Every statement here is one compare-and-set: the count goes up and the lock lands in the same
 * statement that checks the lock, so parallel attempts cannot all read "not locked" first.
 */

/** CASE expression choosing the lock for a count (the schedule's times are bound parameters). */
function lockCase(count: Expression<number>, s: LockSchedule) {
  const last = s.until.length - 1;
  const whens = s.until.slice(0, last).map((u, i) => sql`when ${count} = ${s.threshold + i} then ${u}`);
  return sql<string | null>`case when ${count} < ${s.threshold} then null ${sql.join(whens, sql` `)} else ${s.until[last]} end`;
}

/**
 * Count one attempt on a staff account unless it is locked now. Returns the count including this
 * attempt, or null when the account is locked (nothing counted, nothing to evaluate).
 */
export async function countAccountAttempt(db: Executor, userId: string, s: LockSchedule): Promise<number | null> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), locked_until: lockCase(eb('failed_attempts', '+', 1), s) }))
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', s.now)]))
    .returning('failed_attempts')
    .executeTakeFirst();
  return row ? Number(row.failed_attempts) : null;
}

/**
 * A successful sign-in clears the count and, for a TOTP code, records its step, but only if the
 * code's step is newer than the last one used (so one code opens one session however many copies
 * race) and no lock landed while this attempt was being checked (unless this attempt's own count
 * set it: then no attempt was counted after it). False: refused, nothing written.
 */
export async function claimSignIn(db: Executor, userId: string, p: { attempt: number; step: number | null; now: string }): Promise<boolean> {
  let q = db
    .updateTable('users')
    .set((eb) => ({ failed_attempts: 0, locked_until: null, totp_last_step: p.step === null ? eb.ref('totp_last_step') : p.step }))
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', p.now), eb('failed_attempts', '=', p.attempt)]));
  if (p.step !== null) q = q.where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', p.step as number)]));
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** As countAccountAttempt, for a counter that belongs to no account (created on first use). */
export async function countKeyAttempt(db: Executor, key: string, s: LockSchedule): Promise<number | null> {
  const row = await db
    .insertInto('attempt_locks')
    .values({ key, failures: 1, locked_until: s.threshold <= 1 ? s.until[0] : null })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({ failures: eb('attempt_locks.failures', '+', 1), locked_until: lockCase(eb('attempt_locks.failures', '+', 1), s) }))
        .where((eb) => eb.or([eb('attempt_locks.locked_until', 'is', null), eb('attempt_locks.locked_until', '<=', s.now)])),
    )
    .returning('failures')
    .executeTakeFirst();
  return row ? Number(row.failures) : null;
}

/** Forget a counter after a success. */
export async function clearKey(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('attempt_locks').where('key', '=', key).execute();
}

/** Whether a counter is locked now (for refusing before any work is done). */
export async function keyLockedUntil(db: Executor, key: string, now: string): Promise<string | null> {
  const row = await db.selectFrom('attempt_locks').select('locked_until').where('key', '=', key).where('locked_until', '>', now).executeTakeFirst();
  return row?.locked_until ?? null;
}
