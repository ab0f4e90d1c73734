import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/tx.js';
import type { DisposalCertificatesTable, LegalHoldsTable, RetentionPoliciesTable } from './retention.tables.js';

export type PolicyRow = RetentionPoliciesTable;
export type HoldRow = LegalHoldsTable;
export type CertificateRow = DisposalCertificatesTable;

export async function policyRow(db: Executor, practiceId: string, jurisdiction: string): Promise<PolicyRow | undefined> {
  return db.selectFrom('retention_policies').selectAll().where('practice_id', '=', practiceId).where('jurisdiction', '=', jurisdiction).executeTakeFirst();
}

export async function savePolicy(trx: Tx, row: PolicyRow): Promise<void> {
  await trx.deleteFrom('retention_policies').where('practice_id', '=', row.practice_id).where('jurisdiction', '=', row.jurisdiction).execute();
  await trx.insertInto('retention_policies').values(row).execute();
}

export interface ClosedCase {
  caseCode: string;
  clientId: string;
  closedAt: string;
  identityEnc: string | null;
  lastSession: string | null;
}

/**
 * Closed cases still held, with the date of their last session (the last contact). Planned
 * sessions, and any dated after `today`, are not contact and do not count.
 */
export async function closedCases(db: Executor, practiceId: string, today = '9999-12-31'): Promise<ClosedCase[]> {
  const rows = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .leftJoin(
      (eb) => eb.selectFrom('therapy_sessions').select(['case_code', (e) => e.fn.max('session_date').as('last')])
        .where('attendance', '!=', 'planned').where('session_date', '<=', today).groupBy('case_code').as('s'),
      (j) => j.onRef('s.case_code', '=', 'cases.case_code'),
    )
    .select(['cases.case_code', 'cases.client_id', 'cases.closed_at', 'clients.identity_enc', 's.last'])
    .where('cases.practice_id', '=', practiceId)
    .where('cases.status', '=', 'closed')
    .where('clients.erased_at', 'is', null)
    .execute();
  return rows.map((r) => ({ caseCode: r.case_code, clientId: r.client_id, closedAt: r.closed_at ?? '', identityEnc: r.identity_enc, lastSession: (r.last as string | null) ?? null }));
}

export async function insertHold(trx: Tx, row: HoldRow): Promise<void> {
  await trx.insertInto('legal_holds').values(row).execute();
}

export async function holdById(db: Executor, practiceId: string, id: string): Promise<HoldRow | undefined> {
  return db.selectFrom('legal_holds').selectAll().where('id', '=', id).where('practice_id', '=', practiceId).executeTakeFirst();
}

export async function releaseHold(trx: Tx, id: string, by: string, at: string): Promise<boolean> {
  const r = await trx.updateTable('legal_holds').set({ released_at: at, released_by: by }).where('id', '=', id).where('released_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function activeHolds(db: Executor, practiceId: string, caseCode?: string): Promise<HoldRow[]> {
  let q = db.selectFrom('legal_holds').selectAll().where('practice_id', '=', practiceId).where('released_at', 'is', null);
  if (caseCode) q = q.where('case_code', '=', caseCode);
  return q.orderBy('placed_at').execute();
}

/** Other features' tables, read only if they are installed in this database. */
async function hasTable(db: Executor, name: string): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.some((t) => t.name === name);
}

/** Open subject access (and other rights) requests, by case code. */
export async function openRightsRequests(db: Executor, practiceId: string): Promise<{ caseCode: string; id: string; right: string }[]> {
  if (!(await hasTable(db, 'sar_requests'))) return [];
  const r = await sql<{ case_code: string; id: string; right: string }>`select case_code, id, ${sql.ref('right')} from sar_requests where practice_id = ${practiceId} and closed_at is null`.execute(db);
  return r.rows.map((x) => ({ caseCode: x.case_code, id: x.id, right: x.right }));
}

/** Requests for information not yet decided or closed, by case code. */
export async function openInfoRequests(db: Executor, practiceId: string): Promise<{ caseCode: string; id: string }[]> {
  if (!(await hasTable(db, 'info_requests'))) return [];
  const r = await sql<{ case_code: string; id: string }>`select case_code, id from info_requests where practice_id = ${practiceId} and case_code is not null and status not in ('decided', 'closed')`.execute(db);
  return r.rows.map((x) => ({ caseCode: x.case_code, id: x.id }));
}

export async function insertCertificate(trx: Tx, row: CertificateRow): Promise<void> {
  await trx.insertInto('disposal_certificates').values(row).execute();
}

export async function certificatesInYear(trx: Executor, practiceId: string, year: string): Promise<number> {
  const r = await trx.selectFrom('disposal_certificates').select((eb) => eb.fn.countAll<string>().as('n')).where('practice_id', '=', practiceId).where('number', 'like', `D-${year}-%`).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function certificates(db: Executor, practiceId: string): Promise<CertificateRow[]> {
  return db.selectFrom('disposal_certificates').selectAll().where('practice_id', '=', practiceId).orderBy('destroyed_at', 'desc').execute();
}

export async function certificateById(db: Executor, practiceId: string, id: string): Promise<CertificateRow | undefined> {
  return db.selectFrom('disposal_certificates').selectAll().where('practice_id', '=', practiceId).where('id', '=', id).executeTakeFirst();
}

/** What a case holds, by category, with date ranges: counted before destruction for the certificate. */
export async function inventory(db: Executor, caseCode: string, only?: 'process_notes'): Promise<{ category: string; count: number; from: string | null; to: string | null }[]> {
  const range = async (table: 'notes' | 'therapy_sessions' | 'documents' | 'note_addenda', col: 'created_at' | 'session_date', kind?: string) => {
    let q = db.selectFrom(table as 'notes').select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min(col as 'created_at').as('lo'), eb.fn.max(col as 'created_at').as('hi')]).where('case_code', '=', caseCode);
    if (kind) q = q.where('kind', '=', kind as 'progress');
    const r = await q.executeTakeFirst();
    return { count: Number(r?.n ?? 0), from: r?.lo ? String(r.lo).slice(0, 10) : null, to: r?.hi ? String(r.hi).slice(0, 10) : null };
  };
  if (only === 'process_notes') return [{ category: 'process_notes', ...(await range('notes', 'created_at', 'process')) }];
  return [
    { category: 'identity', count: 1, from: null, to: null },
    { category: 'sessions', ...(await range('therapy_sessions', 'session_date')) },
    { category: 'progress_notes', ...(await range('notes', 'created_at', 'progress')) },
    { category: 'process_notes', ...(await range('notes', 'created_at', 'process')) },
    { category: 'note_addenda', ...(await range('note_addenda', 'created_at')) },
    { category: 'documents', ...(await range('documents', 'created_at')) },
  ];
}

/** Process notes only (and their addenda), when the practice keeps them for less time. */
export async function deleteProcessNotes(trx: Tx, caseCode: string): Promise<number> {
  const ids = (await trx.selectFrom('notes').select('id').where('case_code', '=', caseCode).where('kind', '=', 'process').execute()).map((r) => r.id);
  if (!ids.length) return 0;
  await trx.deleteFrom('note_addenda').where('note_id', 'in', ids).execute();
  await trx.deleteFrom('notes').where('id', 'in', ids).execute();
  return ids.length;
}

export async function lastCertificateSeq(db: Executor): Promise<number> {
  const r = await db.selectFrom('disposal_certificates').select((eb) => eb.fn.max('audit_seq').as('m')).executeTakeFirst();
  return Number(r?.m ?? 0);
}

/** Certificate entries in the log after a sequence number: a short range scan of the log's tail. */
export async function certificateEntriesAfter(db: Executor, seq: number) {
  return db.selectFrom('audit_log').select(['seq', 'at', 'actor_id', 'target_id', 'case_code', 'details']).where('seq', '>', seq).where('action', '=', 'retention.certificate').orderBy('seq').execute();
}

/** Every case the practice still holds, open or closed, by code: the cases a hold can be put on. */
export async function heldCases(db: Executor, practiceId: string): Promise<{ caseCode: string; status: string }[]> {
  const rows = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select(['cases.case_code', 'cases.status'])
    .where('cases.practice_id', '=', practiceId)
    .where('clients.erased_at', 'is', null)
    .orderBy('cases.case_code')
    .execute();
  return rows.map((r) => ({ caseCode: r.case_code, status: r.status }));
}
