import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, sql } from 'kysely';
import { AppError } from '../core/errors.js';
import type pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The raw SQLite handle (embedded store only): used for checkpoints and fast scans. */
  sqlite?: SQLite.Database;
  /** Where the embedded store lives (its folder), for backups and canary checks. */
  dataDir?: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  dataDir?: string;
  databaseUrl?: string;
}

export const SQLITE_FILE = 'sanctum.db';

// The PostgreSQL driver is loaded only when a database URL asks for it: most installations are
// embedded, and loading it costs a tenth of start-up.
const require = createRequire(import.meta.url);
let pgDriver: typeof pg | undefined;
function pgLib(): typeof pg {
  if (pgDriver) return pgDriver;
  pgDriver = require('pg') as typeof pg;
  // Integers come back as numbers (counts and sequence numbers stay far below 2^53).
  pgDriver.types.setTypeParser(20, (v: string) => Number(v));
  return pgDriver;
}

export function connect(opts: ConnectOptions): Db {
  if (opts.databaseUrl) return connectPostgres(opts.databaseUrl);
  return connectSqlite(resolve(opts.dataDir ?? './data'));
}

function connectSqlite(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const sqlite = new SQLite(join(dataDir, SQLITE_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Freed pages are overwritten with zeros so deleted rows leave no readable residue.
  sqlite.pragma('secure_delete = ON');
  const kysely = new Kysely<Database>({ dialect: new TransactionalSqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    kysely,
    dialect: 'sqlite',
    sqlite,
    dataDir,
    close: () => kysely.destroy(),
  };
}

function connectPostgres(url: string): Db {
  const pool = new (pgLib().Pool)({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (a restart, a failover, an administrator) must not
  // take the process down: the pool discards it and the next query opens a fresh one.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
}

/**
 * PostgreSQL settings under which a crash can lose writes the server already acknowledged: a
 * signed note, an audit entry or a disposal that the practitioner was told had been saved.
 * synchronous_commit 'off' acknowledges before the WAL reaches disk; every other value ('local',
 * 'remote_write', 'on', 'remote_apply') flushes the WAL locally first, so on a single server they
 * all keep what was acknowledged, and only 'off' is refused.
 */
const DURABLE: Record<string, { ok: (v: string) => boolean; fix: string }> = {
  fsync: { ok: (v) => v === 'on', fix: 'set fsync = on in postgresql.conf and restart PostgreSQL' },
  synchronous_commit: { ok: (v) => v !== 'off', fix: 'set synchronous_commit = on (in postgresql.conf, and remove any ALTER DATABASE or ALTER ROLE … SET synchronous_commit = off)' },
  full_page_writes: { ok: (v) => v === 'on', fix: 'set full_page_writes = on in postgresql.conf and reload PostgreSQL' },
};

/** The settings (as SHOW reports them) that could lose acknowledged writes, each with its remedy. */
export function durabilityProblems(show: Record<string, string | undefined>): string[] {
  return Object.entries(DURABLE)
    .filter(([name, rule]) => show[name] !== undefined && !rule.ok(String(show[name]).toLowerCase()))
    .map(([name, rule]) => `${name} is ${show[name]}: ${rule.fix}`);
}

/**
 * Refuse to run on a PostgreSQL server that can lose acknowledged writes. Read through the
 * application's own connection, so a per-database or per-role setting counts too.
 */
export async function requireDurableStore(db: Db): Promise<void> {
  if (db.dialect !== 'postgres') return;
  const { rows } = await sql<Record<string, string>>`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit, current_setting('full_page_writes') as full_page_writes`.execute(db.kysely);
  const problems = durabilityProblems(rows[0] ?? {});
  if (problems.length) {
    throw new AppError('conflict', `Sanctum will not start on this PostgreSQL server: it can lose changes it has already confirmed if it crashes. ${problems.join('; ')}.`);
  }
}

/**
 * SQLite runs schema changes inside transactions, but Kysely's adapter says it cannot, so each
 * migration statement would commit (and fsync) on its own. Declaring it lets every pending
 * migration apply as one transaction: a crash part-way leaves the schema as it was, and a new
 * store is created in one fsync instead of hundreds.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/** The connection a command or server uses: DATABASE_URL wins over the data folder. */
export function connectFromEnv(env: NodeJS.ProcessEnv, dataDir?: string): Db {
  return connect({ databaseUrl: env.DATABASE_URL || undefined, dataDir: dataDir ?? env.SANCTUM_DATA ?? './data' });
}

/**
 * Kysely prepares every query afresh; on the embedded store preparing costs as much as running a
 * small indexed query, so prepared statements are reused by their SQL text.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let stmt = cache.get(text);
      if (!stmt) {
        stmt = sqlite.prepare(text);
        if (cache.size >= 1000) cache.clear();
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}
