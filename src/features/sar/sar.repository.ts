import type { Executor } from '../../db/tx.js';
import type { SarRequestsTable } from './sar.tables.js';

export type RequestRow = SarRequestsTable;

export async function insertRequest(db: Executor, row: RequestRow): Promise<void> {
  await db.insertInto('sar_requests').values(row).execute();
}

export async function requestById(db: Executor, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('sar_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateRequest(db: Executor, id: string, patch: Partial<RequestRow>): Promise<void> {
  await db.updateTable('sar_requests').set(patch).where('id', '=', id).execute();
}

export async function requestsForCase(db: Executor, caseCode: string): Promise<RequestRow[]> {
  return db.selectFrom('sar_requests').selectAll().where('case_code', '=', caseCode).orderBy('received_on', 'desc').execute();
}

/** Open requests of a practice with the case facts the access policy needs. */
export async function openRequests(db: Executor, practiceId: string, statuses: readonly string[]) {
  return db
    .selectFrom('sar_requests')
    .innerJoin('cases', 'cases.case_code', 'sar_requests.case_code')
    .select(['sar_requests.id', 'sar_requests.case_code', 'sar_requests.right', 'sar_requests.regime', 'sar_requests.status', 'sar_requests.due_on',
      'sar_requests.extended_due_on', 'sar_requests.extended', 'sar_requests.received_on', 'cases.client_id', 'cases.practice_id', 'cases.practitioner_id'])
    .where('sar_requests.practice_id', '=', practiceId)
    .where('sar_requests.status', 'in', [...statuses])
    .orderBy('sar_requests.due_on')
    .execute();
}

export async function allRequests(db: Executor, practiceId: string, limit: number) {
  return db
    .selectFrom('sar_requests')
    .innerJoin('cases', 'cases.case_code', 'sar_requests.case_code')
    .select(['sar_requests.id', 'sar_requests.case_code', 'sar_requests.right', 'sar_requests.regime', 'sar_requests.status', 'sar_requests.due_on',
      'sar_requests.extended_due_on', 'sar_requests.extended', 'sar_requests.received_on', 'cases.client_id', 'cases.practice_id', 'cases.practitioner_id'])
    .where('sar_requests.practice_id', '=', practiceId)
    .orderBy('sar_requests.received_on', 'desc')
    .limit(limit)
    .execute();
}
