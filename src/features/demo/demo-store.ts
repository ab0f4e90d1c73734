import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, connect } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { AppContext } from '../../context.js';
import { dropTables, markDemo, sqliteTables, storeFacts, tablesIn } from './demo.repository.js';

/**
 * What a PostgreSQL database named by DATABASE_URL holds, judged before anything is created in it:
 * nothing (or Sanctum's empty schema), the demo's own practice, a Sanctum practice that is not the
 * demo, or tables of something else entirely. Only the first two may be used.
 */
export type PostgresHolds = 'nothing' | 'demo' | 'practice' | 'other';

export async function whatPostgresHolds(url: string): Promise<PostgresHolds> {
  return withDb(url, async (db) => {
    const tables = await tablesIn(db);
    if (tables.length === 0) return 'nothing';
    if (!tables.includes('vault_meta') || !tables.includes('practices')) return 'other';
    const f = await storeFacts(db);
    if (f.demo) return 'demo';
    return f.practice || f.vault ? 'practice' : 'nothing';
  });
}

/**
 * Start the demo's database over: drop the tables Sanctum's migrations make, and only those (any
 * other table in the database is left as it is). The caller has checked that the demo made it.
 */
export async function dropDemoTables(url: string): Promise<void> {
  const ours = new Set(await sanctumTables());
  await withDb(url, async (db) => dropTables(db, (await tablesIn(db)).filter((t) => ours.has(t))));
}

/** A URL fit to print: the server and database, never the credentials. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return 'the database DATABASE_URL names';
  }
}

async function sanctumTables(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sanctum-schema-'));
  const db = connect({ dataDir: dir });
  try {
    await migrateToLatest(db);
    return await sqliteTables(db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withDb<T>(url: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = connect({ databaseUrl: url });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Written at set-up, so a later run knows the demo made this store and may reopen or remake it. */
export async function markDemoStore(ctx: AppContext): Promise<void> {
  await markDemo(ctx.db.kysely, 'Sanctum demo practice: invented data under published secrets. "npx sanctum demo --fresh" remakes it.', ctx.clock.now().toISOString());
}
