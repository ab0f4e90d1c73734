import type { Selectable } from 'kysely';
import type { Executor } from '../../db/tx.js';
import type { InfoRequestsTable, RequestDocumentsTable } from './requests.tables.js';

export type RequestRow = Selectable<InfoRequestsTable>;
export type DocumentRow = Selectable<RequestDocumentsTable>;

export async function insertRequest(db: Executor, r: RequestRow, requesterEnc: string): Promise<void> {
  await db.insertInto('info_requests').values(r).execute();
  await db.insertInto('request_parties').values({ request_id: r.id, case_code: r.case_code, requester_enc: requesterEnc }).execute();
}

export async function requestById(db: Executor, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('info_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function requesterEnc(db: Executor, requestId: string): Promise<string | undefined> {
  const r = await db.selectFrom('request_parties').select('requester_enc').where('request_id', '=', requestId).executeTakeFirst();
  return r?.requester_enc;
}

export interface RegisterRow extends RequestRow {
  requester_enc: string;
  client_id: string | null;
  contrary_to_advice: number | null; // from the decision, if there is one
}

/** The practice's register, newest first, with each request's linked client id (if any). */
export async function register(db: Executor, practiceId: string, opts: { caseCodes?: string[]; status?: string } = {}): Promise<RegisterRow[]> {
  let q = db
    .selectFrom('info_requests')
    .innerJoin('request_parties', 'request_parties.request_id', 'info_requests.id')
    .leftJoin('cases', 'cases.case_code', 'info_requests.case_code')
    .leftJoin('request_decisions', 'request_decisions.request_id', 'info_requests.id')
    .selectAll('info_requests')
    .select(['request_parties.requester_enc', 'cases.client_id', 'request_decisions.contrary_to_advice'])
    .where('info_requests.practice_id', '=', practiceId);
  if (opts.status) q = q.where('info_requests.status', '=', opts.status);
  if (opts.caseCodes) {
    const codes = opts.caseCodes;
    if (codes.length === 0) return [];
    q = q.where('info_requests.case_code', 'in', codes);
  }
  return (await q.orderBy('info_requests.received_on', 'desc').orderBy('info_requests.created_at', 'desc').execute()) as RegisterRow[];
}

export async function updateRequest(db: Executor, id: string, set: Partial<Omit<RequestRow, 'id' | 'practice_id' | 'created_by' | 'created_at'>>): Promise<void> {
  await db.updateTable('info_requests').set(set).where('id', '=', id).execute();
}

export async function updateRequester(db: Executor, requestId: string, caseCode: string | null, enc: string): Promise<void> {
  await db.updateTable('request_parties').set({ requester_enc: enc, case_code: caseCode }).where('request_id', '=', requestId).execute();
}

export async function insertDocument(db: Executor, d: DocumentRow): Promise<void> {
  await db.insertInto('request_documents').values(d).execute();
}

export async function documentsFor(db: Executor, requestId: string): Promise<DocumentRow[]> {
  return db.selectFrom('request_documents').selectAll().where('request_id', '=', requestId).orderBy('created_at').execute();
}

export async function documentById(db: Executor, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('request_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function replaceDocumentCiphertext(db: Executor, id: string, caseCode: string | null, metaEnc: string, contentEnc: string): Promise<void> {
  await db.updateTable('request_documents').set({ case_code: caseCode, meta_enc: metaEnc, content_enc: contentEnc }).where('id', '=', id).execute();
}

/** Requests linked to a case, for the client-facing helpers. */
export async function requestsForCase(db: Executor, caseCode: string): Promise<RequestRow[]> {
  return db.selectFrom('info_requests').selectAll().where('case_code', '=', caseCode).orderBy('received_on', 'desc').execute();
}

export interface RequestClockRow {
  id: string;
  case_code: string | null;
  due_on: string;
  authority: string;
  requester_type: string;
  status: string;
  created_by: string;
}

/** Requests still being decided that carry a date to answer by (a reply-by date or an order's date). */
export async function openRequestClocks(db: Executor, practiceId: string): Promise<RequestClockRow[]> {
  const rows = await db
    .selectFrom('info_requests')
    .select(['id', 'case_code', 'due_on', 'authority', 'requester_type', 'status', 'created_by'])
    .where('practice_id', '=', practiceId)
    .where('due_on', 'is not', null)
    .where('status', 'not in', ['decided', 'closed'])
    .execute();
  return rows.map((r) => ({ ...r, due_on: r.due_on ?? '' }));
}

/** The case codes a practitioner holds: what the register and its clocks let them see. */
/** Case codes held by these practitioners (a practitioner and those they cover for today). */
export async function caseCodesOf(db: Executor, practitionerIds: string | readonly string[]): Promise<Set<string>> {
  const ids = typeof practitionerIds === 'string' ? [practitionerIds] : [...practitionerIds];
  const rows = await db.selectFrom('cases').select('case_code').where('practitioner_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.case_code));
}
