import type { Selectable } from 'kysely';
import type { Executor } from '../../db/tx.js';
import type { DisclosuresTable } from '../requests/requests.tables.js';

export type DisclosureRow = Selectable<DisclosuresTable>;

export async function insertDisclosure(db: Executor, d: DisclosureRow): Promise<void> {
  await db.insertInto('disclosures').values(d).execute();
}

/** A case's disclosures in a period (inclusive), oldest first, with their request's restriction. */
export async function disclosuresForCase(db: Executor, caseCode: string, period?: { from: string; to: string }): Promise<(DisclosureRow & { restricted: number; contrary_to_advice: number | null })[]> {
  let q = db
    .selectFrom('disclosures')
    .innerJoin('info_requests', 'info_requests.id', 'disclosures.request_id')
    .leftJoin('request_decisions', 'request_decisions.request_id', 'disclosures.request_id')
    .selectAll('disclosures')
    .select(['info_requests.restricted', 'request_decisions.contrary_to_advice'])
    .where('disclosures.case_code', '=', caseCode);
  if (period) q = q.where('disclosures.disclosed_on', '>=', period.from).where('disclosures.disclosed_on', '<=', period.to);
  return q.orderBy('disclosures.disclosed_on').orderBy('disclosures.created_at').execute();
}

export async function disclosuresForRequest(db: Executor, requestId: string): Promise<DisclosureRow[]> {
  return db.selectFrom('disclosures').selectAll().where('request_id', '=', requestId).orderBy('created_at').execute();
}
