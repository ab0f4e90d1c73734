import type { Executor } from '../../db/tx.js';

export interface DocumentRow {
  id: string;
  caseCode: string;
  kind: string;
  metaEnc: string;
  contentEnc: string;
  mediaType: string;
  sizeBytes: number;
  createdBy: string;
  createdAt: string;
}

export async function insertDocument(db: Executor, d: DocumentRow): Promise<void> {
  await db
    .insertInto('documents')
    .values({ id: d.id, case_code: d.caseCode, kind: d.kind, meta_enc: d.metaEnc, content_enc: d.contentEnc, media_type: d.mediaType, size_bytes: d.sizeBytes, created_by: d.createdBy, created_at: d.createdAt })
    .execute();
}

const toRow = (r: { id: string; case_code: string; kind: string; meta_enc: string; content_enc: string; media_type: string; size_bytes: number; created_by: string; created_at: string }): DocumentRow => ({
  id: r.id, caseCode: r.case_code, kind: r.kind, metaEnc: r.meta_enc, contentEnc: r.content_enc, mediaType: r.media_type,
  sizeBytes: Number(r.size_bytes), createdBy: r.created_by, createdAt: r.created_at,
});

/** Metadata only (content stays in the database until someone downloads it). */
export async function documentsForCase(db: Executor, caseCode: string): Promise<Omit<DocumentRow, 'contentEnc'>[]> {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'case_code', 'kind', 'meta_enc', 'media_type', 'size_bytes', 'created_by', 'created_at'])
    .where('case_code', '=', caseCode)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({ ...toRow({ ...r, content_enc: '' }) }));
}

export async function documentById(db: Executor, id: string): Promise<DocumentRow | undefined> {
  const r = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRow(r) : undefined;
}
