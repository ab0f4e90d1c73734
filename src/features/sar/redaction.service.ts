import { formatInstantDate } from '../../core/datetime.js';
import type { Principal } from '../../core/access.js';
import { invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import type { RecordRef } from '../../crypto/envelope.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { caseForClient } from '../clients/clients.repository.js';
import { decryptIdentity } from '../clients/clients.service.js';
import { deidentify } from '../deid/deid.js';
import { clientKey } from '../vault/vault.service.js';
import { type Assembly, assemble } from './assembly.js';
import { KINDS, type RedactionKind, groundAllowed } from './redaction.grounds.js';
import { proposeRedactions } from './redaction.js';
import * as repo from './redaction.repository.js';
import { toRequest } from './sar.codec.js';
import { loadRequest } from './sar.service.js';

export type SourceType = 'note' | 'addendum' | 'document';

export interface Source {
  type: SourceType;
  id: string;
  label: string;
  text: string;
}

export interface Redaction {
  id: string;
  sourceType: SourceType;
  sourceId: string;
  start: number;
  end: number;
  kind: RedactionKind;
  ground: string;
  origin: 'auto' | 'manual';
  status: 'proposed' | 'accepted' | 'rejected';
  excerpt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

const excerptRef = (c: CaseRow, id: string): RecordRef => ({ table: 'sar_redactions', id, field: 'excerpt', subject: c.clientId });

/** Every text in the export that redaction can touch. */
export function sourcesOf(a: Assembly): Source[] {
  const out: Source[] = [];
  const on = (iso: string) => formatInstantDate(iso, a.practice.zone);
  for (const n of a.notes) {
    const label = `${n.kind === 'process' ? 'Process' : 'Progress'} note, ${on(n.createdAt)}`;
    out.push({ type: 'note', id: n.id, label, text: n.text });
    for (const ad of n.addenda) out.push({ type: 'addendum', id: ad.id, label: `Addendum to ${label.charAt(0).toLowerCase()}${label.slice(1)}, ${on(ad.createdAt)}`, text: ad.text });
  }
  for (const d of a.documents) if (d.text !== null) out.push({ type: 'document', id: d.id, label: `${d.title} (${on(d.createdAt)})`, text: d.text });
  return out;
}

export async function readRedactions(ctx: AppContext, c: CaseRow, requestId: string): Promise<Redaction[]> {
  const key = await clientKey(ctx, ctx.db.kysely, c.clientId, 'clinical');
  return (await repo.redactionsFor(ctx.db.kysely, requestId)).map((r) => ({
    id: r.id, sourceType: r.source_type as SourceType, sourceId: r.source_id, start: r.start_at, end: r.end_at, kind: r.kind as RedactionKind, ground: r.ground,
    origin: r.origin as Redaction['origin'], status: r.status as Redaction['status'], excerpt: ctx.vault.decrypt(key, r.excerpt_enc, excerptRef(c, r.id)),
    decidedBy: r.decided_by, decidedAt: r.decided_at,
  }));
}

/** Names of the other people who shared sessions with this client; reading them is audited on their own records. */
async function thirdPartyNames(ctx: AppContext, principal: Principal, a: Assembly): Promise<string[]> {
  const names: string[] = [];
  for (const id of new Set(a.participants.map((p) => p.clientId))) {
    const other = await caseForClient(ctx.db.kysely, id);
    if (!other || other.erasedAt || !other.identityEnc) continue;
    names.push((await decryptIdentity(ctx, other)).name);
    await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'client.read', targetType: 'client', targetId: id, caseCode: other.caseCode, purpose: 'subject access redaction', details: { forCase: a.client.caseCode } });
  }
  return names;
}

/** Propose redactions afresh: pending automatic proposals are replaced; decisions and manual ones stay. */
export async function proposeForRequest(ctx: AppContext, principal: Principal, requestId: string): Promise<{ proposed: number; sources: number }> {
  const { row, c } = await loadRequest(ctx, principal, requestId, 'case.write_clinical');
  const a = await assemble(ctx, await toRequest(ctx, row, c), c);
  const input = {
    regime: a.request.regime,
    thirdParties: await thirdPartyNames(ctx, principal, a),
    clientNames: [a.client.identity.name],
    staffNames: a.staff.filter((s) => s.id !== c.practitionerId).map((s) => s.name),
    personSpans: (t: string) => deidentify(t).entities.filter((e) => e.type === 'PERSON'),
  };
  const existing = await repo.redactionsFor(ctx.db.kysely, requestId);
  const decided = new Set(existing.filter((r) => r.status !== 'proposed' || r.origin === 'manual').map((r) => `${r.source_id}:${r.start_at}:${r.end_at}`));
  const key = await clientKey(ctx, ctx.db.kysely, c.clientId, 'clinical');
  const at = ctx.clock.now().toISOString();
  const rows: repo.RedactionRow[] = [];
  const sources = sourcesOf(a);
  for (const s of sources) {
    for (const p of proposeRedactions(s.text, input)) {
      if (decided.has(`${s.id}:${p.start}:${p.end}`)) continue;
      const id = newId();
      rows.push({
        id, request_id: requestId, case_code: c.caseCode, source_type: s.type, source_id: s.id, start_at: p.start, end_at: p.end, kind: p.kind, ground: p.ground,
        origin: 'auto', status: 'proposed', excerpt_enc: ctx.vault.encrypt(key, s.text.slice(p.start, p.end), excerptRef(c, id)), decided_by: null, decided_at: null, created_at: at,
      });
    }
  }
  await writeTx(ctx.db, async (trx) => {
    await repo.deletePendingAuto(trx, requestId);
    await repo.insertRedactions(trx, rows);
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'sar.redaction_propose', targetType: 'sar_request', targetId: requestId, caseCode: c.caseCode, details: { proposed: rows.length, sources: sources.length } });
  });
  return { proposed: rows.length, sources: sources.length };
}

/** The review screen: each source text that has proposals, with them. Opening it is an access. */
export async function reviewFor(ctx: AppContext, principal: Principal, requestId: string): Promise<{ sources: (Source & { redactions: Redaction[] })[] }> {
  const { row, c } = await loadRequest(ctx, principal, requestId, 'case.read_clinical');
  const a = await assemble(ctx, await toRequest(ctx, row, c), c);
  const all = await readRedactions(ctx, c, requestId);
  const sources = sourcesOf(a).map((s) => ({ ...s, redactions: all.filter((r) => r.sourceId === s.id) })).filter((s) => s.redactions.length > 0);
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'sar.redaction_review', targetType: 'sar_request', targetId: requestId, caseCode: c.caseCode, purpose: 'subject access', details: { sources: sources.length } });
  return { sources };
}

export interface Decision { decision: 'accept' | 'reject'; start?: number; end?: number; ground?: string }

export async function decideRedactions(ctx: AppContext, principal: Principal, requestId: string, ids: string[], d: Decision): Promise<number> {
  if (d.decision !== 'accept' && d.decision !== 'reject') throw invalidInput('decision', 'expected one of accept, reject');
  if (!ids.length) throw invalidInput('ids', 'Choose at least one proposal.');
  const editing = d.start !== undefined || d.end !== undefined;
  if (editing && ids.length !== 1) throw invalidInput('ids', 'Edit one span at a time.');
  const { row, c } = await loadRequest(ctx, principal, requestId, 'case.write_clinical');
  if (d.ground !== undefined && !groundAllowed(d.ground, row.regime as 'uk-gdpr' | 'hipaa')) throw invalidInput('ground', 'That ground does not apply under this request’s law.');
  const rows = await repo.redactionsFor(ctx.db.kysely, requestId);
  const chosen = ids.map((id) => rows.find((r) => r.id === id) ?? null);
  if (chosen.some((r) => !r)) throw notFound('redaction');
  let excerpt: string | null = null;
  if (editing) {
    const r = chosen[0] as repo.RedactionRow;
    const a = await assemble(ctx, await toRequest(ctx, row, c), c);
    const src = sourcesOf(a).find((s) => s.id === r.source_id);
    if (!src) throw notFound('source');
    const start = d.start ?? r.start_at;
    const end = d.end ?? r.end_at;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > src.text.length || start >= end) throw invalidInput('start', `The span must lie within the text (0–${src.text.length}) and not be empty.`);
    d = { ...d, start, end };
    excerpt = src.text.slice(start, end);
  }
  const key = await clientKey(ctx, ctx.db.kysely, c.clientId, 'clinical');
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    for (const r of chosen as repo.RedactionRow[]) {
      await repo.updateRedaction(trx, r.id, {
        status: d.decision === 'accept' ? 'accepted' : 'rejected', decided_by: principal.userId, decided_at: at,
        ...(d.ground ? { ground: d.ground } : {}),
        ...(excerpt !== null ? { start_at: d.start as number, end_at: d.end as number, excerpt_enc: ctx.vault.encrypt(key, excerpt, excerptRef(c, r.id)) } : {}),
      });
    }
    await appendAudit(trx, ctx.clock, actorOf(principal), {
      action: `sar.redaction_${d.decision}`, targetType: 'sar_request', targetId: requestId, caseCode: c.caseCode,
      details: { redactions: ids, edited: excerpt !== null, ground: d.ground ?? null },
    });
  });
  return ids.length;
}

export async function addManualRedaction(ctx: AppContext, principal: Principal, requestId: string, input: { sourceId: string; start: number; end: number; kind: string; ground: string }): Promise<Redaction> {
  if (!KINDS.includes(input.kind as RedactionKind)) throw invalidInput('kind', `expected one of ${KINDS.join(', ')}`);
  const { row, c } = await loadRequest(ctx, principal, requestId, 'case.write_clinical');
  if (!groundAllowed(input.ground, row.regime as 'uk-gdpr' | 'hipaa')) throw invalidInput('ground', 'That ground does not apply under this request’s law.');
  const a = await assemble(ctx, await toRequest(ctx, row, c), c);
  const src = sourcesOf(a).find((s) => s.id === input.sourceId);
  if (!src) throw invalidInput('sourceId', 'No such note, addendum or letter in this export.');
  if (!Number.isInteger(input.start) || !Number.isInteger(input.end) || input.start < 0 || input.end > src.text.length || input.start >= input.end) throw invalidInput('start', `The span must lie within the text (0–${src.text.length}) and not be empty.`);
  const id = newId();
  const key = await clientKey(ctx, ctx.db.kysely, c.clientId, 'clinical');
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    await repo.insertRedactions(trx, [{
      id, request_id: requestId, case_code: c.caseCode, source_type: src.type, source_id: src.id, start_at: input.start, end_at: input.end, kind: input.kind, ground: input.ground,
      origin: 'manual', status: 'accepted', excerpt_enc: ctx.vault.encrypt(key, src.text.slice(input.start, input.end), excerptRef(c, id)), decided_by: principal.userId, decided_at: at, created_at: at,
    }]);
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'sar.redaction_add', targetType: 'sar_request', targetId: requestId, caseCode: c.caseCode, details: { redaction: id, kind: input.kind, ground: input.ground } });
  });
  return (await readRedactions(ctx, c, requestId)).find((r) => r.id === id) as Redaction;
}
