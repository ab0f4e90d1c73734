import type { Executor } from '../../db/tx.js';
import type { ScheduleState } from './backup-schedule.js';

export async function readSchedule(db: Executor): Promise<ScheduleState> {
  const r = await db.selectFrom('backup_schedule').selectAll().where('id', '=', 1).executeTakeFirst();
  return {
    enabled: r?.enabled === 1,
    dir: r?.dir ?? null,
    everyHours: Number(r?.every_hours ?? 24),
    enabledAt: r?.enabled_at ?? null,
    lastSuccessAt: r?.last_success_at ?? null,
    lastSuccessFile: r?.last_success_file ?? null,
    lastFailureAt: r?.last_failure_at ?? null,
    lastFailureReason: r?.last_failure_reason ?? null,
  };
}

/** Turn the schedule on (due at once) or off; the history of successes and failures stays. */
export async function saveSchedule(db: Executor, s: { enabled: boolean; dir: string | null; everyHours: number; at: string; by: string }): Promise<void> {
  const row = {
    enabled: s.enabled ? 1 : 0,
    dir: s.dir,
    every_hours: s.everyHours,
    updated_at: s.at,
    updated_by: s.by,
    enabled_at: s.enabled ? s.at : null,
    next_due_at: s.enabled ? s.at : null,
  };
  await db
    .insertInto('backup_schedule')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

/**
 * Claim the due backup for one server, in one statement: of several servers asking at once,
 * exactly one sees a row updated. A claim that has run out (its server died) can be taken over.
 */
export async function claimDue(db: Executor, holder: string, now: string, until: string): Promise<boolean> {
  const r = await db
    .updateTable('backup_schedule')
    .set({ claimed_by: holder, claimed_until: until })
    .where('id', '=', 1)
    .where('enabled', '=', 1)
    .where('dir', 'is not', null)
    .where('next_due_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function recordSuccess(db: Executor, holder: string, at: string, file: string, nextDueAt: string): Promise<void> {
  await db
    .updateTable('backup_schedule')
    .set({ last_success_at: at, last_success_file: file, next_due_at: nextDueAt, claimed_by: null, claimed_until: null })
    .where('id', '=', 1)
    .where('claimed_by', '=', holder)
    .execute();
}

export async function recordFailure(db: Executor, holder: string, at: string, reason: string, nextDueAt: string): Promise<void> {
  await db
    .updateTable('backup_schedule')
    .set({ last_failure_at: at, last_failure_reason: reason, next_due_at: nextDueAt, claimed_by: null, claimed_until: null })
    .where('id', '=', 1)
    .where('claimed_by', '=', holder)
    .execute();
}
