import type { Role } from '../../core/access.js';
import type { Executor } from '../../db/tx.js';

export async function updateProfile(db: Executor, id: string, change: { displayName?: string; roles?: readonly Role[] }): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...(change.displayName !== undefined ? { display_name: change.displayName } : {}), ...(change.roles ? { roles: change.roles.join(',') } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function setDisabled(db: Executor, id: string, at: string | null): Promise<void> {
  await db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).execute();
}

export async function clearLockout(db: Executor, id: string): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
}

/** Back to "enrolment pending": the next sign-in with the password can only set up a new factor. */
export async function resetTotp(db: Executor, id: string, pendingSecretEnc: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret_enc: pendingSecretEnc, totp_enabled: 0, totp_last_step: null }).where('id', '=', id).execute();
}

/** End every live session of one account at once; returns how many there were. */
export async function endSessions(db: Executor, userId: string): Promise<number> {
  const res = await db.deleteFrom('auth_sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Cases per practitioner in a practice (erased clients left out): who holds the caseload, as counts. */
export async function caseCounts(db: Executor, practiceId: string): Promise<Map<string, { open: number; closed: number }>> {
  const rows = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select(['cases.practitioner_id', 'cases.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cases.practice_id', '=', practiceId)
    .where('cases.practitioner_id', 'is not', null)
    .where('clients.erased_at', 'is', null)
    .groupBy(['cases.practitioner_id', 'cases.status'])
    .execute();
  const counts = new Map<string, { open: number; closed: number }>();
  for (const r of rows) {
    const c = counts.get(r.practitioner_id as string) ?? { open: 0, closed: 0 };
    c[r.status] += Number(r.n);
    counts.set(r.practitioner_id as string, c);
  }
  return counts;
}
