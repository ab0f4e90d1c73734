import type { Executor } from '../../db/tx.js';
import type { SarRedactionsTable } from './sar.tables.js';

export type RedactionRow = SarRedactionsTable;

export async function redactionsFor(db: Executor, requestId: string): Promise<RedactionRow[]> {
  return db.selectFrom('sar_redactions').selectAll().where('request_id', '=', requestId).orderBy('source_id').orderBy('start_at').execute();
}

export async function redactionById(db: Executor, id: string): Promise<RedactionRow | undefined> {
  return db.selectFrom('sar_redactions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRedactions(db: Executor, rows: RedactionRow[]): Promise<void> {
  // Chunked: PostgreSQL and SQLite both cap bound parameters per statement.
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('sar_redactions').values(rows.slice(i, i + 200)).execute();
}

export async function deletePendingAuto(db: Executor, requestId: string): Promise<number> {
  const r = await db.deleteFrom('sar_redactions').where('request_id', '=', requestId).where('origin', '=', 'auto').where('status', '=', 'proposed').executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function updateRedaction(db: Executor, id: string, patch: Partial<RedactionRow>): Promise<void> {
  await db.updateTable('sar_redactions').set(patch).where('id', '=', id).execute();
}
