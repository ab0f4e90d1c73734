import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';
import { SQLITE_FILE } from '../db/connection.js';
import { type PendingRecord, chainAfter } from './audit.service.js';

/**
 * A group commit of read records on the embedded store that keeps the fsync off the event loop.
 *
 * With synchronous=FULL, SQLite fsyncs the write-ahead log inside COMMIT, on the thread that
 * called it: every request waiting behind a read-audit batch waited for the disk too (ADR 0004).
 * Here the batch commits with synchronous=NORMAL, which writes the same log frames but skips that
 * fsync, and the log file is then fsynced on libuv's thread pool; the flush resolves only once it
 * has. The log is append-only, so that one fsync makes this batch (and anything before it) as
 * durable as FULL would have, and any later FULL commit syncs it as well.
 *
 * Returns undefined, having written nothing, when the connection is inside a transaction (a write
 * awaiting between statements): the caller then uses the ordinary path, so a pragma never changes
 * under someone else's transaction.
 */
export function commitReadsOffLoop(sqlite: SQLite.Database, dataDir: string, items: readonly PendingRecord[]): Promise<void> | undefined {
  if (sqlite.inTransaction) return undefined;
  // Everything from here to the pragma's restoration runs in one synchronous stretch: no other
  // statement can run on this connection in between.
  sqlite.pragma('synchronous = NORMAL');
  try {
    const st = statementsFor(sqlite);
    sqlite.transaction(() => {
      const head = st.head.get() as { seq: number; hash: string };
      const rows = chainAfter({ seq: Number(head.seq), hash: head.hash }, items);
      for (const e of rows) st.insert.run(e.seq, e.at, e.actorId, e.action, e.targetType, e.targetId, e.caseCode, e.purpose, e.outcome, e.details, e.hash);
      const last = rows[rows.length - 1];
      st.moveHead.run(last.seq, last.hash);
    }).immediate();
  } finally {
    sqlite.pragma('synchronous = FULL');
  }
  return syncLog(join(dataDir, `${SQLITE_FILE}-wal`));
}

const prepared = new WeakMap<SQLite.Database, { head: SQLite.Statement; insert: SQLite.Statement; moveHead: SQLite.Statement }>();
function statementsFor(sqlite: SQLite.Database) {
  let st = prepared.get(sqlite);
  if (!st) {
    st = {
      head: sqlite.prepare('select seq, hash from audit_head where id = 1'),
      insert: sqlite.prepare(
        'insert into audit_log (seq, at, actor_id, action, target_type, target_id, case_code, purpose, outcome, details, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      moveHead: sqlite.prepare('update audit_head set seq = ?, hash = ? where id = 1'),
    };
    prepared.set(sqlite, st);
  }
  return st;
}

async function syncLog(path: string): Promise<void> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (e) {
    // A checkpoint that truncated and removed the log has already synced the database file.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  try {
    await file.datasync();
  } finally {
    await file.close();
  }
}
