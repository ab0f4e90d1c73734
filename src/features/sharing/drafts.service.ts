/**
 * Anonymise and review: a draft holds the proposed changes to one or more of a client's notes
 * (or a written summary) and the practitioner's decision on each. Nothing is shared from here.
 */
import type { Principal } from '../../core/access.js';
import { conflict, invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase, requireCaseByCode } from '../clients/case-access.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { decryptIdentity } from '../clients/clients.service.js';
import { clientKey } from '../vault/vault.service.js';
import { deidentifyMany } from '../../workers/deid.task.js';
import { parentsOf, supervisionConsent } from './consent-seam.js';
import { knownIdentifiers } from './known-identifiers.js';
import { caseSecret, draftRef, macOf, notesById, originals } from './material.js';
import * as repo from './sharing.repository.js';
import { type PartRef, type ReviewSpan, type SpanType, MAX_NOTES, MAX_SUMMARY_CHARS, checkEnum, pendingOf, SPAN_TYPES } from './sharing.js';
import { addSpan, applySpans, fromEntities } from './spans.js';
import { type DraftView, viewOf } from './view.js';

export interface NewDraft {
  noteIds?: string[];
  summary?: string;
  surrogates?: boolean;
}

export interface Loaded {
  row: repo.DraftRow;
  c: CaseRow;
  key: Buffer;
  secret: string;
  parts: PartRef[];
  texts: string[];
  spans: ReviewSpan[];
  outputs: string[];
}

export async function createDraft(ctx: AppContext, principal: Principal, clientId: string, input: NewDraft): Promise<DraftView> {
  const noteIds = [...new Set(input.noteIds ?? [])];
  const summary = input.summary?.trim() ? input.summary : null;
  if (noteIds.length === 0 && !summary) throw invalidInput('noteIds', 'Choose at least one note, or write a summary.');
  if (noteIds.length > MAX_NOTES) throw invalidInput('noteIds', `Choose at most ${MAX_NOTES} notes at a time.`);
  if (summary && summary.length > MAX_SUMMARY_CHARS) throw invalidInput('summary', `A summary may hold at most ${MAX_SUMMARY_CHARS} characters.`);
  const c = await requireCase(ctx, principal, clientId, 'case.write_clinical');
  const notes = noteIds.length ? await notesById(ctx, c, noteIds) : [];
  const known = knownIdentifiers(await decryptIdentity(ctx, c), await parentsOf(ctx, c));
  const key = await clientKey(ctx, ctx.db.kysely, clientId, 'clinical');
  const secret = caseSecret(key);
  const surrogates = input.surrogates === true;

  const sources = [...notes.map((n, i) => ({ key: n.id, label: `Note ${i + 1}`, text: n.text })), ...(summary ? [{ key: 'summary', label: 'Summary', text: summary }] : [])];
  // One state for the whole draft: the sister who is [PERSON-2] in the first note is [PERSON-2] in the next.
  // Long drafts are de-identified on a worker thread, so the server keeps answering meanwhile.
  const found = await deidentifyMany({ texts: sources.map((s) => s.text), knownIdentifiers: known, surrogates, caseKey: secret });
  const spans: ReviewSpan[] = [];
  found.entities.forEach((entities, part) => spans.push(...fromEntities(part, entities, newId)));
  const parts: PartRef[] = sources.map((s) => ({ key: s.key, label: s.label, sourceMac: macOf(secret, s.text) }));
  const outputs = sources.map((s, i) => applySpans(s.text, spans, i));

  const id = newId();
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    await repo.insertDraft(trx, {
      id, case_code: c.caseCode, status: 'review', parts: JSON.stringify(parts), surrogates: surrogates ? 1 : 0,
      summary_enc: summary ? ctx.vault.encrypt(key, summary, draftRef(clientId, id, 'summary')) : null,
      spans_enc: ctx.vault.encrypt(key, JSON.stringify(spans), draftRef(clientId, id, 'spans')),
      output_enc: ctx.vault.encrypt(key, JSON.stringify(outputs), draftRef(clientId, id, 'output')),
      span_count: spans.length, pending_count: pendingOf(spans), created_by: principal.userId, created_at: at, updated_at: at,
    });
    await appendAudit(trx, ctx.clock, actorOf(principal), {
      action: 'sharing.create', targetType: 'sharing_draft', targetId: id, caseCode: c.caseCode, purpose: 'anonymisation',
      details: { noteIds: notes.map((n) => n.id), summary: summary !== null, spans: spans.length, knownIdentifiers: known.length, surrogates },
    });
  });
  const row = (await repo.draftById(ctx.db.kysely, id)) as repo.DraftRow;
  return viewOf({ row, c, key, secret, parts, texts: sources.map((s) => s.text), spans, outputs }, await supervisionConsent(ctx, c));
}

export async function loadDraft(ctx: AppContext, principal: Principal, draftId: string, write: boolean): Promise<Loaded> {
  const row = await repo.draftById(ctx.db.kysely, draftId);
  if (!row) throw notFound('draft');
  const c = await requireCaseByCode(ctx, principal, row.case_code, write ? 'case.write_clinical' : 'case.read_clinical');
  const key = await clientKey(ctx, ctx.db.kysely, c.clientId, 'clinical');
  const secret = caseSecret(key);
  const parts = JSON.parse(row.parts) as PartRef[];
  const summary = row.summary_enc ? ctx.vault.decrypt(key, row.summary_enc, draftRef(c.clientId, row.id, 'summary')) : null;
  const spans = JSON.parse(ctx.vault.decrypt(key, row.spans_enc, draftRef(c.clientId, row.id, 'spans'))) as ReviewSpan[];
  const outputs = JSON.parse(ctx.vault.decrypt(key, row.output_enc, draftRef(c.clientId, row.id, 'output'))) as string[];
  const texts = await originals(ctx, c, parts, summary, secret, row.status === 'review');
  return { row, c, key, secret, parts, texts, spans, outputs };
}

export async function getDraft(ctx: AppContext, principal: Principal, draftId: string): Promise<DraftView> {
  const d = await loadDraft(ctx, principal, draftId, false);
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'sharing.read', targetType: 'sharing_draft', targetId: draftId, caseCode: d.c.caseCode, purpose: 'anonymisation' });
  return viewOf(d, await supervisionConsent(ctx, d.c));
}

async function saveReview(ctx: AppContext, principal: Principal, d: Loaded, spans: ReviewSpan[], details: Record<string, string | number | boolean | string[]>): Promise<DraftView> {
  const outputs = d.texts.map((t, i) => applySpans(t, spans, i));
  const clientId = d.c.clientId;
  await writeTx(ctx.db, async (trx) => {
    const ok = await repo.updateReview(trx, d.row.id, {
      spansEnc: ctx.vault.encrypt(d.key, JSON.stringify(spans), draftRef(clientId, d.row.id, 'spans')),
      outputEnc: ctx.vault.encrypt(d.key, JSON.stringify(outputs), draftRef(clientId, d.row.id, 'output')),
      spanCount: spans.length, pendingCount: pendingOf(spans), at: ctx.clock.now().toISOString(),
    });
    if (!ok) throw conflict('This material has already been shared; its review can no longer change.');
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'sharing.review', targetType: 'sharing_draft', targetId: d.row.id, caseCode: d.c.caseCode, purpose: 'anonymisation', details: { ...details, pending: pendingOf(spans) } });
  });
  return viewOf({ ...d, spans, outputs }, await supervisionConsent(ctx, d.c));
}

export async function decideSpan(ctx: AppContext, principal: Principal, draftId: string, spanId: string, decision: unknown): Promise<DraftView> {
  const dec = checkEnum(decision, ['accepted', 'rejected'] as const, 'decision');
  const d = await loadDraft(ctx, principal, draftId, true);
  if (d.row.status !== 'review') throw conflict('This material has already been shared; its review can no longer change.');
  const span = d.spans.find((s) => s.id === spanId);
  if (!span) throw notFound('change');
  const spans = d.spans.map((s) => (s.id === spanId ? { ...s, decision: dec } : s));
  return saveReview(ctx, principal, d, spans, { spanId, decision: dec, type: span.type, origin: span.origin });
}

/** A missed identifier: a selection (start, end) in a part's original, or its words (the first occurrence). */
export interface AddSpanInput {
  part: number;
  start?: number;
  end?: number;
  text?: string;
  type: SpanType;
  replacement?: string;
}

export async function addMissedSpan(ctx: AppContext, principal: Principal, draftId: string, input: AddSpanInput): Promise<DraftView> {
  const type = checkEnum(input.type, SPAN_TYPES, 'type');
  if (input.replacement !== undefined && (typeof input.replacement !== 'string' || input.replacement.length > 100)) throw invalidInput('replacement', 'A replacement may hold at most 100 characters.');
  const d = await loadDraft(ctx, principal, draftId, true);
  if (d.row.status !== 'review') throw conflict('This material has already been shared; its review can no longer change.');
  let { start, end } = input;
  if (input.text !== undefined) {
    const at = (d.texts[input.part] ?? '').toLowerCase().indexOf(input.text.trim().toLowerCase());
    if (!input.text.trim() || at < 0) throw invalidInput('text', 'Those words are not in this part of the original.');
    start = at;
    end = at + input.text.trim().length;
  }
  if (start === undefined || end === undefined) throw invalidInput('start', 'Select the text to mark, or type it.');
  const added = addSpan(d.texts, d.spans, { part: input.part, start, end, type, replacement: input.replacement }, { surrogates: d.row.surrogates === 1, caseKey: d.secret, newId });
  return saveReview(ctx, principal, d, [...d.spans, ...added], { added: added.length, type, spanIds: added.map((s) => s.id) });
}

export async function discardDraft(ctx: AppContext, principal: Principal, draftId: string): Promise<void> {
  const row = await repo.draftById(ctx.db.kysely, draftId);
  if (!row) throw notFound('draft');
  const c = await requireCaseByCode(ctx, principal, row.case_code, 'case.write_clinical');
  await writeTx(ctx.db, async (trx) => {
    if (!(await repo.deleteDraft(trx, draftId))) throw conflict('Shared material stays on record; only a draft in review can be discarded.');
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'sharing.discard', targetType: 'sharing_draft', targetId: draftId, caseCode: c.caseCode, purpose: 'anonymisation' });
  });
}

