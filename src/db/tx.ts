import type { Kysely, Transaction } from 'kysely';
import type { Db } from './connection.js';
import type { Database } from './schema.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type Tx = Transaction<Database>;

/**
 * A write transaction. Its first statement takes the audit-chain lock (a no-op update of the
 * single head row): on PostgreSQL that row lock serialises every such transaction across app
 * servers, which use cases that number things (count + 1) or read many tables at one moment rely
 * on; on SQLite it turns the transaction into a writer at once, so a concurrent CLI process waits
 * on busy_timeout instead of failing mid-transaction.
 */
export async function writeTx<T>(db: Db, fn: (trx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('audit_head').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', 1).execute();
    return fn(trx);
  });
}

/**
 * A write transaction that runs alongside others on PostgreSQL: the audit-chain lock is taken
 * only by its audit append, which must therefore be its last statement (docs/adr/0008). For use
 * cases that touch only their own rows, guarded by keys or conditional updates. writeTx takes the
 * chain lock first and these take it last, so the two can deadlock over a row both want;
 * PostgreSQL then rolls one back whole, and this one is run again. On SQLite, with its single
 * writer, it is writeTx.
 */
export async function concurrentWriteTx<T>(db: Db, fn: (trx: Tx) => Promise<T>): Promise<T> {
  if (db.dialect !== 'postgres') return writeTx(db, fn);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.kysely.transaction().execute(fn);
    } catch (e) {
      if (attempt >= 3 || (e as { code?: unknown }).code !== DEADLOCK) throw e;
    }
  }
}

const DEADLOCK = '40P01';
