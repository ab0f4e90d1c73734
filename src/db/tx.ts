import type { Kysely, Transaction } from 'kysely';
import type { Db } from './connection.js';
import type { Database } from './schema.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type Tx = Transaction<Database>;

/**
 * A write transaction. Its first statement takes the audit-chain lock (a no-op update of the
 * single head row): on PostgreSQL that row lock serialises appends across app servers; on
 * SQLite it turns the transaction into a writer at once, so a concurrent CLI process waits on
 * busy_timeout instead of failing mid-transaction.
 */
export async function writeTx<T>(db: Db, fn: (trx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('audit_head').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', 1).execute();
    return fn(trx);
  });
}
