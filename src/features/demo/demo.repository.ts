import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Executor } from '../../db/tx.js';

/** Demo staff sign in with a published second-factor secret, already enrolled (invented data only). */
export async function setEnrolledTotp(db: Executor, userId: string, secretEnc: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret_enc: secretEnc, totp_enabled: 1, totp_last_step: null }).where('id', '=', userId).execute();
}

const MARK = 'demo';

/** The store says it was made by `sanctum demo`: the database's counterpart of the demo folder's marker file. */
export async function markDemo(db: Executor, note: string, at: string): Promise<void> {
  await db.insertInto('vault_meta').values({ name: MARK, value: note, updated_at: at }).execute();
}

/** The tables in the connection's own schema (PostgreSQL), before anything is created there. */
export async function tablesIn(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db.kysely);
  return rows.map((r) => r.name);
}

/** Read before migrating, so only the two oldest tables may be assumed. */
export async function storeFacts(db: Db): Promise<{ demo: boolean; practice: boolean; vault: boolean }> {
  const meta = await sql<{ name: string }>`select name from vault_meta where name in (${MARK}, 'master')`.execute(db.kysely);
  const practices = await sql<{ n: number }>`select count(*) as n from practices`.execute(db.kysely);
  return { demo: meta.rows.some((r) => r.name === MARK), vault: meta.rows.some((r) => r.name === 'master'), practice: Number(practices.rows[0]?.n ?? 0) > 0 };
}

/** Drop the named tables together (so references between them do not matter), in one transaction. */
export async function dropTables(db: Db, names: string[]): Promise<void> {
  if (!names.length) return;
  await db.kysely.transaction().execute(async (trx) => {
    await sql`drop table ${sql.join(names.map((n) => sql.table(n)))}`.execute(trx);
  });
}

/** Every table Sanctum's migrations make, read from a scratch embedded store migrated to the latest schema. */
export async function sqliteTables(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db.kysely);
  return rows.rows.map((r) => r.name);
}
