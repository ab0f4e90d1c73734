import type { Db } from '../db/connection.js';
import type { Executor, Tx } from '../db/tx.js';
import { PostgresAdapter, sql } from 'kysely';
import type { AuditEntry, ChainRow } from './audit.chain.js';
import { canonicalSql } from './audit.canonical-sql.js';
import { AppError } from '../core/errors.js';

export type StoredEntry = AuditEntry & { hash: string };

export interface AuditHead {
  seq: number;
  hash: string;
  /** The first entry hashed as chain format v2 (earlier entries are v1); see audit.chain.ts. */
  v2From: number;
}

export async function readHead(trx: Executor): Promise<AuditHead> {
  const row = await trx.selectFrom('audit_head').select(['seq', 'hash', 'v2_from']).where('id', '=', 1).executeTakeFirst();
  if (!row) throw headLost();
  return { seq: Number(row.seq), hash: row.hash, v2From: Number(row.v2_from) };
}

/** The head, locked until the transaction ends (a no-op update), whoever else holds it before. */
export async function lockHead(trx: Tx): Promise<AuditHead> {
  const row = await trx.updateTable('audit_head').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', 1).returning(['seq', 'hash', 'v2_from']).executeTakeFirst();
  if (!row) throw headLost();
  return { seq: Number(row.seq), hash: row.hash, v2From: Number(row.v2_from) };
}

// Only a damaged or hand-edited database lacks it; say so rather than fail somewhere inside.
const headLost = () => new AppError('conflict', 'The audit log has lost its head record (the audit_head row): this database was damaged or edited by hand, so nothing more can be recorded. Restore the newest backup that verifies (sanctum backup verify).');

export const onPostgres = (trx: Tx): boolean => trx.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Append one entry on PostgreSQL in a single statement: lock the head row, number the entry after
 * it, hash it (the v2 link of audit.chain.ts, computed by the database from the head it has just
 * locked) and insert it. The head row stays locked until the transaction commits, so this is
 * called last: the lock is then held for one statement and the commit (docs/adr/0008). The
 * canonical form below must match audit.chain.ts canonical() byte for byte; every verification
 * recomputes it in JavaScript, so any difference fails at once.
 */
export async function appendOnPostgres(trx: Tx, e: Omit<AuditEntry, 'seq'>): Promise<number> {
  const t = (v: string | null) => sql`${v}::text`;
  const opt = (v: string | null) => sql`coalesce(${v}::text, '␀')`;
  const S = sql`chr(31)`;
  const canonical = sql`(h.seq + 1)::text || ${S} || ${t(e.at)} || ${S} || ${opt(e.actorId)} || ${S} || ${t(e.action)} || ${S} || ${opt(e.targetType)} || ${S} || ${opt(e.targetId)} || ${S} || ${opt(e.caseCode)} || ${S} || ${opt(e.purpose)} || ${S} || ${t(e.outcome)} || ${S} || ${opt(e.details)}`;
  const res = await sql<{ seq: number }>`with head as (
      update audit_head h
         set seq = h.seq + 1,
             hash = encode(sha256(decode('02', 'hex') || convert_to(h.hash, 'UTF8') || decode('00', 'hex') || convert_to(${canonical}, 'UTF8')), 'hex')
       where h.id = 1
   returning h.seq, h.hash)
    insert into audit_log (seq, at, actor_id, action, target_type, target_id, case_code, purpose, outcome, details, hash)
    select seq, ${t(e.at)}, ${t(e.actorId)}, ${t(e.action)}, ${t(e.targetType)}, ${t(e.targetId)}, ${t(e.caseCode)}, ${t(e.purpose)}, ${t(e.outcome)}, ${t(e.details)}, hash from head
    returning seq`.execute(trx);
  const row = res.rows[0];
  if (!row) throw headLost();
  return Number(row.seq);
}

/** Insert entries (already chained, in order) and move the head to the last of them. */
export async function insertEntries(trx: Tx, entries: StoredEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 100) {
    await trx
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + 100).map((e) => ({
          seq: e.seq, at: e.at, actor_id: e.actorId, action: e.action, target_type: e.targetType, target_id: e.targetId,
          case_code: e.caseCode, purpose: e.purpose, outcome: e.outcome, details: e.details, hash: e.hash,
        })),
      )
      .execute();
  }
  const last = entries[entries.length - 1];
  await trx.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).where('id', '=', 1).execute();
}

const toEntry = (r: {
  seq: number | string; at: string; actor_id: string | null; action: string; target_type: string | null;
  target_id: string | null; case_code: string | null; purpose: string | null; outcome: string; details: string | null; hash: string;
}): StoredEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actor_id,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  caseCode: r.case_code,
  purpose: r.purpose,
  outcome: r.outcome as StoredEntry['outcome'],
  details: r.details,
  hash: r.hash,
});

/**
 * Every entry in sequence order. The embedded store streams straight off better-sqlite3's cursor
 * (synchronously); PostgreSQL is read in pages so a million rows stay cheap.
 */
export function scanAll(db: Db): Iterable<StoredEntry> | AsyncIterable<StoredEntry> {
  if (db.sqlite) {
    const stmt = db.sqlite.prepare('select * from audit_log order by seq');
    return (function* () {
      for (const r of stmt.iterate()) yield toEntry(r as Parameters<typeof toEntry>[0]);
    })();
  }
  return scanPages(db);
}

async function* scanPages(db: Db): AsyncGenerator<StoredEntry> {
  let after = 0;
  for (;;) {
    const page = await db.kysely.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(20_000).execute();
    for (const r of page) yield toEntry(r);
    if (page.length < 20_000) return;
    after = Number(page[page.length - 1].seq);
  }
}

export async function entryAt(db: Executor, seq: number): Promise<StoredEntry | undefined> {
  const r = await db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirst();
  return r ? toEntry(r) : undefined;
}

/** Entries about one case or one record, newest first. */
export async function entriesFor(db: Executor, q: { caseCode?: string; targetId?: string; limit: number }): Promise<StoredEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  query = query.where((eb) => {
    const ors = [];
    if (q.caseCode) ors.push(eb('case_code', '=', q.caseCode));
    if (q.targetId) ors.push(eb('target_id', '=', q.targetId));
    return eb.or(ors);
  });
  const rows = await query.orderBy('seq', 'desc').limit(q.limit).execute();
  return rows.map(toEntry);
}

/**
 * One page of the entries about one case or record, newest first: those before `beforeSeq` (the
 * cursor from the previous page), with how many there are in all so the history can say so.
 */
export async function entriesPageFor(db: Executor, q: { caseCode: string; targetId: string; limit: number; beforeSeq?: number }): Promise<{ rows: StoredEntry[]; total: number }> {
  const about = db.selectFrom('audit_log').where((eb) => eb.or([eb('case_code', '=', q.caseCode), eb('target_id', '=', q.targetId)]));
  let page = about.selectAll();
  if (q.beforeSeq !== undefined) page = page.where('seq', '<', q.beforeSeq);
  const rows = await page.orderBy('seq', 'desc').limit(q.limit).execute();
  const count = await about.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  return { rows: rows.map(toEntry), total: Number(count?.n ?? 0) };
}

export async function recentEntries(db: Executor, limit: number, beforeSeq?: number): Promise<StoredEntry[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (beforeSeq) q = q.where('seq', '<', beforeSeq);
  return (await q.orderBy('seq', 'desc').limit(limit).execute()).map(toEntry);
}

/** Rows from..to on PostgreSQL (whose text cannot hold a NUL, so the prefix is added here). */
export async function pgChainRows(db: Executor, from: number, to: number): Promise<ChainRow[]> {
  const res = await sql<{ seq: number; c: string; hash: string }>`select seq, ${sql.raw(canonicalSql('postgres'))} as c, hash from audit_log where seq >= ${from} and seq <= ${to} order by seq`.execute(db);
  return res.rows.map((r) => [Number(r.seq), '\0' + r.c, r.hash]);
}

/** The stored hash of one entry (the starting point for checking the range after it). */
export async function storedHash(db: Executor, seq: number): Promise<string | undefined> {
  const r = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst();
  return r?.hash;
}

export async function maxSeq(db: Executor): Promise<number> {
  const r = await db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
  return Number(r?.m ?? 0);
}
