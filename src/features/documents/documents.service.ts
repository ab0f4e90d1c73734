import type { Principal } from '../../core/access.js';
import { invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordRead } from '../../audit/audit.service.js';
import type { RecordRef } from '../../crypto/envelope.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase, requireCaseByCode } from '../clients/case-access.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { clientKey } from '../vault/vault.service.js';
import { DOCUMENT_KINDS, type DocumentKind, type DocumentMeta, cleanFileName, decodeUpload, sniffMediaType } from './documents.js';
import * as repo from './documents.repository.js';

const metaRef = (c: CaseRow, id: string): RecordRef => ({ table: 'documents', id, field: 'meta', subject: c.clientId });
const contentRef = (c: CaseRow, id: string): RecordRef => ({ table: 'documents', id, field: 'content', subject: c.clientId });

export interface Upload {
  kind: DocumentKind;
  fileName: string;
  title?: string;
  /** base64 */
  content: string;
}

export async function addDocument(ctx: AppContext, principal: Principal, clientId: string, u: Upload): Promise<DocumentMeta> {
  if (!DOCUMENT_KINDS.includes(u.kind)) throw invalidInput('kind', `expected one of ${DOCUMENT_KINDS.join(', ')}`);
  const fileName = cleanFileName(u.fileName);
  const bytes = decodeUpload(u.content);
  const mediaType = sniffMediaType(bytes);
  const c = await requireCase(ctx, principal, clientId, 'case.write_clinical');
  const id = newId();
  const createdAt = ctx.clock.now().toISOString();
  const title = (u.title ?? fileName).trim().slice(0, 200) || fileName;
  await writeTx(ctx.db, async (trx) => {
    const key = await clientKey(ctx, trx, clientId, 'clinical');
    await repo.insertDocument(trx, {
      id, caseCode: c.caseCode, kind: u.kind, mediaType, sizeBytes: bytes.length, createdBy: principal.userId, createdAt,
      metaEnc: ctx.vault.encrypt(key, JSON.stringify({ fileName, title }), metaRef(c, id)),
      contentEnc: ctx.vault.encrypt(key, bytes.toString('base64'), contentRef(c, id)),
    });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'document.create', targetType: 'document', targetId: id, caseCode: c.caseCode, details: { kind: u.kind, mediaType, bytes: bytes.length } });
  });
  return { id, caseCode: c.caseCode, kind: u.kind, fileName, title, mediaType, sizeBytes: bytes.length, createdBy: principal.userId, createdAt };
}

export async function listDocuments(ctx: AppContext, principal: Principal, clientId: string): Promise<DocumentMeta[]> {
  const c = await requireCase(ctx, principal, clientId, 'case.read_clinical');
  const key = await clientKey(ctx, ctx.db.kysely, clientId, 'clinical');
  const rows = await repo.documentsForCase(ctx.db.kysely, c.caseCode);
  return rows.map((r) => {
    const meta = JSON.parse(ctx.vault.decrypt(key, r.metaEnc, metaRef(c, r.id))) as { fileName: string; title: string };
    return { id: r.id, caseCode: r.caseCode, kind: r.kind as DocumentKind, fileName: meta.fileName, title: meta.title, mediaType: r.mediaType, sizeBytes: r.sizeBytes, createdBy: r.createdBy, createdAt: r.createdAt };
  });
}

export async function readDocument(ctx: AppContext, principal: Principal, documentId: string): Promise<{ meta: DocumentMeta; bytes: Buffer }> {
  const row = await repo.documentById(ctx.db.kysely, documentId);
  if (!row) throw notFound('document');
  const c = await requireCaseByCode(ctx, principal, row.caseCode, 'case.read_clinical');
  const key = await clientKey(ctx, ctx.db.kysely, c.clientId, 'clinical');
  const meta = JSON.parse(ctx.vault.decrypt(key, row.metaEnc, metaRef(c, row.id))) as { fileName: string; title: string };
  const bytes = Buffer.from(ctx.vault.decrypt(key, row.contentEnc, contentRef(c, row.id)), 'base64');
  recordRead(ctx, actorOf(principal), { action: 'document.read', targetType: 'document', targetId: row.id, caseCode: c.caseCode });
  return { meta: { id: row.id, caseCode: row.caseCode, kind: row.kind as DocumentKind, ...meta, mediaType: row.mediaType, sizeBytes: row.sizeBytes, createdBy: row.createdBy, createdAt: row.createdAt }, bytes };
}
