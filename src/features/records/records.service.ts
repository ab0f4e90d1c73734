import type { Principal } from '../../core/access.js';
import { recordRead } from '../../audit/audit.service.js';
import { entriesFor, entriesPageFor } from '../../audit/audit.repository.js';
import type { AppContext } from '../../context.js';
import { invalidInput } from '../../core/errors.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import type { ClientRecord } from '../clients/clients.js';
import { decryptIdentity, toRecord } from '../clients/clients.service.js';
import type { Note } from '../notes/notes.js';
import { readNotes } from '../notes/notes.service.js';
import { clientKeys } from '../vault/vault.service.js';
import { BREAK_GLASS_WORDS, type BreakGlassCategory } from '../organisation/organisation.js';

export interface OpenedRecord {
  client: ClientRecord;
  notes: Note[];
}

/** Open a client's record: identity and the latest notes, decrypted, with one audit entry. */
export async function openRecord(ctx: AppContext, principal: Principal, clientId: string, purpose = 'care', noteLimit = 20): Promise<OpenedRecord> {
  const c = await requireCase(ctx, principal, clientId, 'case.read_clinical');
  // Both wrapped keys in one lookup each time, so a destroyed key takes effect at once.
  const keys = await clientKeys(ctx, ctx.db.kysely, c.clientId);
  const identity = await decryptIdentity(ctx, c, keys.identity);
  const notes = await readNotes(ctx, c, noteLimit, undefined, keys.clinical);
  recordRead(ctx, actorOf(principal), { action: 'record.open', targetType: 'client', targetId: clientId, caseCode: c.caseCode, purpose, details: { notes: notes.length } });
  return {
    client: toRecord(principal, c, identity),
    notes,
  };
}

export interface AccessEvent {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  purpose: string | null;
  outcome: string;
  /** Why, in words, where the entry carries a reason a client should see (emergency access: its category). */
  reason: string | null;
}

function toAccessEvent(r: { seq: number; at: string; actorId: string | null; action: string; purpose: string | null; outcome: string; details: string | null }): AccessEvent {
  let reason: string | null = null;
  if (r.action.startsWith('break_glass.') && r.details) {
    const category = (JSON.parse(r.details) as { category?: string }).category;
    reason = category ? (BREAK_GLASS_WORDS[category as BreakGlassCategory] ?? null) : null;
  }
  return { seq: r.seq, at: r.at, actorId: r.actorId, action: r.action, purpose: r.purpose, outcome: r.outcome, reason };
}

/** Who touched this client's record, newest first. Viewing it is itself an access. */
export async function accessHistory(ctx: AppContext, principal: Principal, clientId: string, limit = 200): Promise<AccessEvent[]> {
  const c = await requireCase(ctx, principal, clientId, 'case.read_access_log');
  await ctx.audit.flush();
  const rows = await entriesFor(ctx.db.kysely, { caseCode: c.caseCode, targetId: clientId, limit });
  recordRead(ctx, actorOf(principal), { action: 'access_log.read', targetType: 'client', targetId: clientId, caseCode: c.caseCode });
  return rows.map(toAccessEvent);
}

export const ACCESS_PAGE_DEFAULT = 50;
export const ACCESS_PAGE_MAX = 200;

export interface AccessHistoryPage {
  items: AccessEvent[];
  /** Every entry about this client, across all pages (including this view's own entry). */
  total: number;
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

/**
 * The access history one page at a time, newest first, so no entry is ever out of reach however
 * long the history grows. Each page viewed is itself recorded, once.
 */
export async function accessHistoryPage(ctx: AppContext, principal: Principal, clientId: string, opts: { before?: number; limit?: number } = {}): Promise<AccessHistoryPage> {
  const limit = opts.limit ?? ACCESS_PAGE_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > ACCESS_PAGE_MAX) throw invalidInput('limit', `The page size must be a whole number from 1 to ${ACCESS_PAGE_MAX}.`);
  if (opts.before !== undefined && (!Number.isInteger(opts.before) || opts.before < 1)) throw invalidInput('before', 'The page cursor must be a positive whole number.');
  const c = await requireCase(ctx, principal, clientId, 'case.read_access_log');
  // The entry for this view is written first, so the total a person sees includes their own look.
  recordRead(ctx, actorOf(principal), { action: 'access_log.read', targetType: 'client', targetId: clientId, caseCode: c.caseCode, details: { page: opts.before === undefined ? 'first' : 'older' } });
  await ctx.audit.flush();
  const { rows, total } = await entriesPageFor(ctx.db.kysely, { caseCode: c.caseCode, targetId: clientId, limit: limit + 1, beforeSeq: opts.before });
  const page = rows.slice(0, limit);
  return {
    items: page.map(toAccessEvent),
    total,
    nextBefore: rows.length > limit ? page[page.length - 1].seq : null,
  };
}
