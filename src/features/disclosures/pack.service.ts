import type { Principal } from '../../core/access.js';
import { conflict, invalidInput } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { decryptIdentity } from '../clients/clients.service.js';
import * as notesRepo from '../notes/notes.repository.js';
import { clientKey } from '../vault/vault.service.js';
import type { Basis, Consent } from '../triage/triage.js';
import { referenceOf } from '../requests/letters.service.js';
import { type RequestScope, requireRequest } from '../requests/request-access.js';
import { practiceFacts } from '../requests/request-facts.js';
import { requestSealers } from '../requests/requests.keys.js';
import * as reqRepo from '../requests/requests.repository.js';
import type { RequesterParticulars, StoredTriage } from '../requests/requests.js';
import { decisionFor } from '../requests/workflow.repository.js';
import { DISCLOSING_OUTCOMES, type Outcome } from '../requests/workflow.js';
import { type DisclosureRecordContent, type PackInput, type PackSelection, checkPackInput, legalBasisText } from './disclosures.js';
import * as repo from './disclosures.repository.js';
import { type PackCover, type PackItem, renderPack, watermarkFor } from './pack.pdf.js';

export interface PackPreview {
  cover: PackCover;
  watermark: string;
  items: PackItem[];
}

async function requirePackable(ctx: AppContext, principal: Principal, requestId: string, write: boolean): Promise<RequestScope & { c: CaseRow; clientId: string }> {
  const scope = await requireRequest(ctx, principal, requestId, write);
  if (!scope.c || !scope.clientId) throw conflict('Link the request to a client before preparing a disclosure.');
  return scope as RequestScope & { c: CaseRow; clientId: string };
}

async function assemble(ctx: AppContext, scope: RequestScope & { c: CaseRow; clientId: string }, sel: PackSelection): Promise<{ cover: PackCover; items: PackItem[]; record: DisclosureRecordContent; basis: Basis }> {
  const db = ctx.db.kysely;
  const key = await clientKey(ctx, db, scope.clientId, 'clinical');
  const items: PackItem[] = [];
  for (const [i, id] of sel.noteIds.entries()) {
    const n = await notesRepo.noteById(db, id);
    if (!n || n.caseCode !== scope.c.caseCode) throw invalidInput(`noteIds[${i}]`, 'No such note for this client.');
    // Process notes carry the strongest protection: they go only when chosen with a reason.
    if (n.kind === 'process' && !sel.processReasons[id]) throw invalidInput('processReasons', 'A process note goes in a pack only with a stated reason for including it.');
    const addenda = await notesRepo.addendaFor(db, [id]);
    items.push({
      title: n.kind === 'process' ? 'Process note' : 'Session note', date: n.createdAt.slice(0, 10), kind: n.kind === 'process' ? 'process note' : 'progress note',
      text: ctx.vault.decrypt(key, n.bodyEnc, { table: 'notes', id, field: 'body', subject: scope.clientId }),
      addenda: addenda.map((a) => ({ date: a.createdAt.slice(0, 10), text: ctx.vault.decrypt(key, a.bodyEnc, { table: 'note_addenda', id: a.id, field: 'body', subject: scope.clientId }) })),
    });
  }
  items.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  for (const e of sel.extracts) items.push({ title: e.title, date: null, kind: 'extract', text: e.text, addenda: [] });
  const practice = await practiceFacts(ctx);
  const s = await requestSealers(ctx, db, scope.clientId);
  const who = s.identity.open<RequesterParticulars>('request_parties', scope.row.id, 'requester', (await reqRepo.requesterEnc(db, scope.row.id)) ?? '');
  const triage = s.clinical.open<StoredTriage>('info_requests', scope.row.id, 'triage', scope.row.triage_enc);
  const recipient = sel.recipient ?? ([who.name, who.organisation].filter(Boolean).join(', ') || 'The requester');
  const basis = triage.basis;
  const legalBasis = legalBasisText(basis, scope.row.consent as Consent, triage.reasons.filter((r) => r.applied && r.basis === basis).map((r) => r.source));
  const identity = await decryptIdentity(ctx, scope.c);
  const cover: PackCover = {
    practiceName: practice.name, reference: referenceOf(scope.row.id), recipient, purpose: sel.purpose, date: practice.today, legalBasis,
    subject: identity.dob ? `${identity.name} (born ${identity.dob})` : identity.name,
  };
  const counts = { progress: items.filter((i) => i.kind === 'progress note').length, process: items.filter((i) => i.kind === 'process note').length, extracts: sel.extracts.length };
  const what = [counts.progress && `${counts.progress} session note${counts.progress > 1 ? 's' : ''}`, counts.process && `${counts.process} process note${counts.process > 1 ? 's' : ''}`, counts.extracts && `${counts.extracts} extract${counts.extracts > 1 ? 's' : ''} (${sel.extracts.map((e) => e.title).join('; ')})`].filter(Boolean).join(', ');
  return { cover, items, basis, record: { recipient, what, purpose: sel.purpose, legalBasis, selection: { noteIds: sel.noteIds, processReasons: sel.processReasons, extractTitles: sel.extracts.map((e) => e.title) } } };
}

/** Show exactly what would go, before anything is produced or recorded. */
export async function previewPack(ctx: AppContext, principal: Principal, requestId: string, input: PackInput): Promise<PackPreview> {
  const sel = checkPackInput(input);
  const scope = await requirePackable(ctx, principal, requestId, false);
  const { cover, items } = await assemble(ctx, scope, sel);
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'disclosure.preview', targetType: 'request', targetId: requestId, caseCode: scope.c.caseCode, details: { notes: sel.noteIds.length, extracts: sel.extracts.length } });
  return { cover, watermark: watermarkFor(cover), items };
}

/**
 * Produce the watermarked pack and record the disclosure: the selection (ids and reasons,
 * encrypted) and the PDF's hash, never the content. Only after a signed-off decision to disclose.
 */
export async function generatePack(ctx: AppContext, principal: Principal, requestId: string, input: PackInput): Promise<{ disclosureId: string; sha256: string; pdf: Buffer; disclosedOn: string }> {
  const sel = checkPackInput(input);
  const scope = await requirePackable(ctx, principal, requestId, true);
  const d = await decisionFor(ctx.db.kysely, requestId);
  if (d?.status !== 'signed' || !DISCLOSING_OUTCOMES.includes(d.outcome as Outcome)) {
    throw conflict('A pack can be produced only after a signed-off decision to disclose or to provide a report.');
  }
  const { cover, items, record, basis } = await assemble(ctx, scope, sel);
  const pdf = await renderPack(cover, items);
  const sha256 = sha256Hex(pdf);
  const id = newId();
  await writeTx(ctx.db, async (trx) => {
    const s = await requestSealers(ctx, trx, scope.clientId);
    await repo.insertDisclosure(trx, {
      id, request_id: requestId, case_code: scope.c.caseCode, practice_id: principal.practiceId, disclosed_on: cover.date, kind: 'pack', basis,
      record_enc: s.clinical.seal('disclosures', id, 'record', record), pdf_sha256: sha256, note_count: sel.noteIds.length, created_by: principal.userId,
      created_at: ctx.clock.now().toISOString(),
    });
    await appendAudit(trx, ctx.clock, actorOf(principal), {
      action: 'disclosure.pack', targetType: 'disclosure', targetId: id, caseCode: scope.c.caseCode, purpose: 'disclosure',
      details: { requestId, notes: sel.noteIds.length, processNotes: Object.keys(sel.processReasons).length, extracts: sel.extracts.length, pdfSha256: sha256 },
    });
  });
  return { disclosureId: id, sha256, pdf, disclosedOn: cover.date };
}
