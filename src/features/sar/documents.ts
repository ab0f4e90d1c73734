/**
 * Letters and documents on a client's record, as subject access reads them. A document's meta
 * ({fileName, title}) and content (text for text/*, base64 otherwise) are sealed with the
 * client's clinical key, bound to ('documents', id, 'meta' | 'content').
 */
import type { Principal } from '../../core/access.js';
import { invalidInput } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit } from '../../audit/audit.service.js';
import type { RecordRef } from '../../crypto/envelope.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { clientKey } from '../vault/vault.service.js';
import * as repo from './assembly.repository.js';

export interface RecordDocument {
  id: string;
  kind: string;
  title: string;
  fileName: string;
  mediaType: string;
  createdAt: string;
  /** Text of a text document; null for binary ones (carried as bytes in the JSON package). */
  text: string | null;
  base64: string | null;
}

const ref = (c: CaseRow, id: string, field: 'meta' | 'content'): RecordRef => ({ table: 'documents', id, field, subject: c.clientId });

export async function readDocuments(ctx: AppContext, c: CaseRow): Promise<RecordDocument[]> {
  const rows = await repo.documentsForCase(ctx.db.kysely, c.caseCode);
  const key = await clientKey(ctx, ctx.db.kysely, c.clientId, 'clinical');
  return rows.map((r) => {
    const meta = JSON.parse(ctx.vault.decrypt(key, r.meta_enc, ref(c, r.id, 'meta'))) as { fileName: string; title: string };
    const content = ctx.vault.decrypt(key, r.content_enc, ref(c, r.id, 'content'));
    const isText = r.media_type.startsWith('text/');
    return { id: r.id, kind: r.kind, title: meta.title, fileName: meta.fileName, mediaType: r.media_type, createdAt: r.created_at, text: isText ? content : null, base64: isText ? null : content };
  });
}

/** File a letter (plain text) on the record. */
export async function addLetter(ctx: AppContext, principal: Principal, clientId: string, input: { title: string; text: string; kind?: string }): Promise<{ id: string }> {
  if (!input.title?.trim()) throw invalidInput('title', 'A letter needs a title.');
  if (!input.text?.trim()) throw invalidInput('text', 'The letter is empty.');
  const c = await requireCase(ctx, principal, clientId, 'case.write_clinical');
  const id = newId();
  await writeTx(ctx.db, async (trx) => {
    const key = await clientKey(ctx, trx, clientId, 'clinical');
    await repo.insertDocument(trx, {
      id, case_code: c.caseCode, kind: input.kind ?? 'letter', media_type: 'text/plain', size_bytes: Buffer.byteLength(input.text),
      meta_enc: ctx.vault.encrypt(key, JSON.stringify({ fileName: `${id}.txt`, title: input.title.trim() }), ref(c, id, 'meta')),
      content_enc: ctx.vault.encrypt(key, input.text, ref(c, id, 'content')), created_by: principal.userId, created_at: ctx.clock.now().toISOString(),
    });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'document.create', targetType: 'document', targetId: id, caseCode: c.caseCode, details: { kind: input.kind ?? 'letter' } });
  });
  return { id };
}
