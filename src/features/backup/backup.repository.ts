import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Tx } from '../../db/tx.js';
import { NEVER_BACKED_UP, TABLE_ORDER } from '../../db/tables.js';

type Row = Record<string, unknown>;

/** Every backed-up table, parents first. */
export async function backupTables(db: Db): Promise<string[]> {
  const present = (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => !NEVER_BACKED_UP.has(n));
  const known = TABLE_ORDER.filter((t) => present.includes(t));
  return [...known, ...present.filter((t) => !known.includes(t)).sort()];
}

const PAGE = 2000;

/**
 * Every row of a table. The embedded store answers synchronously, so one query over a large table
 * would hold the event loop for its whole length: it is read a page at a time in rowid order,
 * letting requests run between pages (rows added meanwhile have higher rowids and are either read
 * or not, never twice).
 */
export async function dumpTable(db: Db, table: string): Promise<Row[]> {
  if (db.dialect !== 'sqlite') return (await sql<Row>`select * from ${sql.table(table)}`.execute(db.kysely)).rows;
  const out: Row[] = [];
  let after = -Infinity;
  for (;;) {
    const page = (await sql<Row & { _rowid: number }>`select rowid as _rowid, * from ${sql.table(table)} where rowid > ${after === -Infinity ? Number.MIN_SAFE_INTEGER : after} order by rowid limit ${PAGE}`.execute(db.kysely)).rows;
    for (const { _rowid, ...row } of page) out.push(row);
    if (page.length < PAGE) return out;
    after = page[page.length - 1]._rowid;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export async function clearTable(trx: Tx, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(trx);
}

export async function insertRows(trx: Tx, table: string, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const cols = Object.keys(chunk[0]);
    await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values ${sql.join(
      chunk.map((r) => sql`(${sql.join(cols.map((c) => r[c] as never))})`),
    )}`.execute(trx);
  }
}

export async function destroyedClients(db: Db | Tx): Promise<Map<string, string>> {
  const k = 'kysely' in db ? db.kysely : db;
  const rows = await k.selectFrom('client_keys').select(['client_id', 'destroyed_at']).where('wrapped', 'is', null).execute();
  return new Map(rows.map((r) => [r.client_id, r.destroyed_at ?? '']));
}

/** Every client the key store knows, live or destroyed. */
export async function clientsWithKeys(db: Db): Promise<Set<string>> {
  const rows = await db.kysely.selectFrom('client_keys').select('client_id').distinct().execute();
  return new Set(rows.map((r) => r.client_id));
}

export async function clientKeyRows(db: Db): Promise<Row[]> {
  return (await sql<Row>`select * from client_keys`.execute(db.kysely)).rows;
}

export async function countRows(db: Db, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db.kysely);
  return Number(r.rows[0]?.n ?? 0);
}
