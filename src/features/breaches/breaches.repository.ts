import type { Executor, Tx } from '../../db/tx.js';
import type { BreachesTable, BreachNotificationsTable } from './breaches.tables.js';

export type BreachRow = BreachesTable;
export type NotificationRow = BreachNotificationsTable;

export async function insertBreach(trx: Tx, row: BreachRow): Promise<void> {
  await trx.insertInto('breaches').values(row).execute();
}

/** Count of this practice's breaches in a year, for the next reference number. */
export async function countInYear(trx: Executor, practiceId: string, year: string): Promise<number> {
  const r = await trx.selectFrom('breaches').select((eb) => eb.fn.countAll<string>().as('n')).where('practice_id', '=', practiceId).where('reference', 'like', `B-${year}-%`).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function breachById(db: Executor, practiceId: string, id: string): Promise<BreachRow | undefined> {
  return db.selectFrom('breaches').selectAll().where('id', '=', id).where('practice_id', '=', practiceId).executeTakeFirst();
}

export async function listBreaches(db: Executor, practiceId: string): Promise<BreachRow[]> {
  return db.selectFrom('breaches').selectAll().where('practice_id', '=', practiceId).orderBy('discovered_at', 'desc').execute();
}

export async function updateBreach(trx: Tx, id: string, set: Partial<BreachRow>): Promise<void> {
  await trx.updateTable('breaches').set(set).where('id', '=', id).execute();
}

export async function affectedOf(db: Executor, breachId: string): Promise<{ clientId: string; caseCode: string }[]> {
  const rows = await db.selectFrom('breach_affected').select(['client_id', 'case_code']).where('breach_id', '=', breachId).orderBy('case_code').execute();
  return rows.map((r) => ({ clientId: r.client_id, caseCode: r.case_code }));
}

export async function addAffected(trx: Tx, breachId: string, cases: { clientId: string; caseCode: string }[]): Promise<number> {
  const have = new Set((await affectedOf(trx, breachId)).map((a) => a.clientId));
  const fresh = cases.filter((c) => !have.has(c.clientId));
  if (fresh.length) await trx.insertInto('breach_affected').values(fresh.map((c) => ({ breach_id: breachId, client_id: c.clientId, case_code: c.caseCode }))).execute();
  return have.size + fresh.length;
}

export async function removeAffected(trx: Tx, breachId: string, clientId: string): Promise<void> {
  await trx.deleteFrom('breach_affected').where('breach_id', '=', breachId).where('client_id', '=', clientId).execute();
}

/** Case codes touched by any breach still open: these hold back disposal. */
export async function openBreachCases(db: Executor, practiceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('breach_affected')
    .innerJoin('breaches', 'breaches.id', 'breach_affected.breach_id')
    .select(['breach_affected.case_code', 'breaches.reference'])
    .where('breaches.practice_id', '=', practiceId)
    .where('breaches.status', '=', 'open')
    .execute();
  return new Map(rows.map((r) => [r.case_code, r.reference]));
}

/** The cases a scope rule reaches (clients already erased are not affected by a later incident). */
export async function casesInScope(db: Executor, practiceId: string, scope: { kind: string; practitionerId?: string }): Promise<{ clientId: string; caseCode: string }[]> {
  let q = db.selectFrom('cases').innerJoin('clients', 'clients.id', 'cases.client_id').select(['cases.client_id', 'cases.case_code']).where('cases.practice_id', '=', practiceId).where('clients.erased_at', 'is', null);
  if (scope.kind === 'practitioner') q = q.where('cases.practitioner_id', '=', scope.practitionerId ?? '');
  if (scope.kind === 'open_cases') q = q.where('cases.status', '=', 'open');
  return (await q.execute()).map((r) => ({ clientId: r.client_id, caseCode: r.case_code }));
}

/** Each named client's most recent case, with who holds it (so the caller can check access). */
export async function casesByClientIds(db: Executor, practiceId: string, clientIds: string[]): Promise<{ clientId: string; caseCode: string; practitionerId: string | null }[]> {
  if (!clientIds.length) return [];
  const rows = await db.selectFrom('cases').select(['client_id', 'case_code', 'practitioner_id']).where('practice_id', '=', practiceId).where('client_id', 'in', clientIds).orderBy('opened_at', 'desc').execute();
  const seen = new Map<string, { clientId: string; caseCode: string; practitionerId: string | null }>();
  for (const r of rows) if (!seen.has(r.client_id)) seen.set(r.client_id, { clientId: r.client_id, caseCode: r.case_code, practitionerId: r.practitioner_id });
  return [...seen.values()];
}

export async function insertContainment(trx: Tx, row: { id: string; breach_id: string; at: string; step_enc: string; recorded_by: string; created_at: string }): Promise<void> {
  await trx.insertInto('breach_containment').values(row).execute();
}

export async function containmentOf(db: Executor, breachId: string) {
  return db.selectFrom('breach_containment').selectAll().where('breach_id', '=', breachId).orderBy('at').execute();
}

export async function insertNotification(trx: Tx, row: NotificationRow): Promise<void> {
  await trx.insertInto('breach_notifications').values(row).execute();
}

export async function notificationsOf(db: Executor, breachIds: string[]): Promise<NotificationRow[]> {
  if (!breachIds.length) return [];
  return db.selectFrom('breach_notifications').selectAll().where('breach_id', 'in', breachIds).orderBy('created_at').execute();
}
