import type { Executor } from '../../db/tx.js';
import type { SharingDraftsTable, SharingRecordsTable } from './sharing.tables.js';

export type DraftRow = SharingDraftsTable;
export type RecordRow = SharingRecordsTable;

export async function insertDraft(db: Executor, row: DraftRow): Promise<void> {
  await db.insertInto('sharing_drafts').values(row).execute();
}

export async function draftById(db: Executor, id: string): Promise<DraftRow | undefined> {
  return db.selectFrom('sharing_drafts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Only a draft still in review changes: the status condition holds under a race with sharing. */
export async function updateReview(db: Executor, id: string, v: { spansEnc: string; outputEnc: string; spanCount: number; pendingCount: number; at: string }): Promise<boolean> {
  const res = await db.updateTable('sharing_drafts')
    .set({ spans_enc: v.spansEnc, output_enc: v.outputEnc, span_count: v.spanCount, pending_count: v.pendingCount, updated_at: v.at })
    .where('id', '=', id).where('status', '=', 'review').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markShared(db: Executor, id: string, at: string): Promise<boolean> {
  const res = await db.updateTable('sharing_drafts').set({ status: 'shared', updated_at: at })
    .where('id', '=', id).where('status', '=', 'review').where('pending_count', '=', 0).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteDraft(db: Executor, id: string): Promise<boolean> {
  const res = await db.deleteFrom('sharing_drafts').where('id', '=', id).where('status', '=', 'review').executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

export async function draftsForCase(db: Executor, caseCode: string): Promise<DraftRow[]> {
  return db.selectFrom('sharing_drafts').selectAll().where('case_code', '=', caseCode).where('status', '=', 'review').orderBy('created_at', 'desc').execute();
}

export async function insertRecord(db: Executor, row: RecordRow): Promise<void> {
  await db.insertInto('sharing_records').values(row).execute();
}

export async function recordById(db: Executor, id: string): Promise<RecordRow | undefined> {
  return db.selectFrom('sharing_records').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordsForCase(db: Executor, caseCode: string): Promise<RecordRow[]> {
  return db.selectFrom('sharing_records').selectAll().where('case_code', '=', caseCode).orderBy('shared_at', 'desc').orderBy('id', 'desc').execute();
}
