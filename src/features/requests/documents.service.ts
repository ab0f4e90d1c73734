import type { Principal } from '../../core/access.js';
import { notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import { checkDocument } from './authority-document.js';
import { requireRequest } from './request-access.js';
import { requestSealers } from './requests.keys.js';
import * as repo from './requests.repository.js';

export interface DocumentMeta {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: string;
}

export async function attachDocument(ctx: AppContext, principal: Principal, requestId: string, input: { fileName?: unknown; mediaType?: unknown; contentBase64?: unknown }): Promise<DocumentMeta> {
  const doc = checkDocument(input);
  const { row, clientId } = await requireRequest(ctx, principal, requestId, true);
  const id = newId();
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    const s = await requestSealers(ctx, trx, clientId);
    await repo.insertDocument(trx, {
      id, request_id: requestId, case_code: row.case_code, media_type: doc.mediaType, size_bytes: doc.bytes.length,
      meta_enc: s.clinical.seal('request_documents', id, 'meta', { fileName: doc.fileName }),
      content_enc: s.clinical.seal('request_documents', id, 'content', doc.bytes.toString('base64')),
      created_by: principal.userId, created_at: at,
    });
    await appendAudit(trx, ctx.clock, actorOf(principal), {
      action: 'request.document.attach', targetType: 'request', targetId: requestId, caseCode: row.case_code ?? undefined,
      details: { documentId: id, mediaType: doc.mediaType, sizeBytes: doc.bytes.length },
    });
  });
  return { id, fileName: doc.fileName, mediaType: doc.mediaType, sizeBytes: doc.bytes.length, createdAt: at };
}

export async function listDocuments(ctx: AppContext, clientId: string | null, requestId: string): Promise<DocumentMeta[]> {
  const rows = await repo.documentsFor(ctx.db.kysely, requestId);
  const s = await requestSealers(ctx, ctx.db.kysely, clientId);
  return rows.map((d) => ({
    id: d.id, fileName: s.clinical.open<{ fileName: string }>('request_documents', d.id, 'meta', d.meta_enc).fileName,
    mediaType: d.media_type, sizeBytes: d.size_bytes, createdAt: d.created_at,
  }));
}

export async function readDocument(ctx: AppContext, principal: Principal, requestId: string, documentId: string): Promise<{ meta: DocumentMeta; bytes: Buffer }> {
  const { row, clientId } = await requireRequest(ctx, principal, requestId, false);
  const d = await repo.documentById(ctx.db.kysely, documentId);
  if (!d || d.request_id !== requestId) throw notFound('document');
  const s = await requestSealers(ctx, ctx.db.kysely, clientId);
  const bytes = Buffer.from(s.clinical.open<string>('request_documents', d.id, 'content', d.content_enc), 'base64');
  const fileName = s.clinical.open<{ fileName: string }>('request_documents', d.id, 'meta', d.meta_enc).fileName;
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'request.document.read', targetType: 'request', targetId: requestId, caseCode: row.case_code ?? undefined, details: { documentId } });
  return { meta: { id: d.id, fileName, mediaType: d.media_type, sizeBytes: d.size_bytes, createdAt: d.created_at }, bytes };
}
