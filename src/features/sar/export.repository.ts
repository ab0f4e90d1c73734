import type { Executor } from '../../db/tx.js';
import type { SarExportsTable } from './sar.tables.js';

export type ExportRow = SarExportsTable;

export async function insertExport(db: Executor, row: ExportRow): Promise<void> {
  await db.insertInto('sar_exports').values(row).execute();
}

export async function updateExport(db: Executor, id: string, patch: Partial<ExportRow>): Promise<void> {
  await db.updateTable('sar_exports').set(patch).where('id', '=', id).execute();
}

/** Without the file: status polling must stay cheap. */
export async function exportStatusById(db: Executor, id: string) {
  return db.selectFrom('sar_exports').select(['id', 'request_id', 'case_code', 'status', 'stage', 'done', 'total', 'size_bytes', 'sha256', 'withheld', 'created_at', 'finished_at']).where('id', '=', id).executeTakeFirst();
}

export async function exportFile(db: Executor, id: string) {
  return db.selectFrom('sar_exports').select(['id', 'request_id', 'file_enc']).where('id', '=', id).executeTakeFirst();
}

export async function exportsForRequest(db: Executor, requestId: string) {
  return db.selectFrom('sar_exports').select(['id', 'status', 'stage', 'done', 'total', 'size_bytes', 'withheld', 'created_at', 'finished_at']).where('request_id', '=', requestId).orderBy('created_at', 'desc').execute();
}
