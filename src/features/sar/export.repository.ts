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
  return db.selectFrom('sar_exports').select(['id', 'request_id', 'case_code', 'status', 'stage', 'done', 'total', 'size_bytes', 'sha256', 'withheld', 'created_at', 'finished_at', 'lease_until', 'message']).where('id', '=', id).executeTakeFirst();
}

export async function exportFile(db: Executor, id: string) {
  return db.selectFrom('sar_exports').select(['id', 'request_id', 'file_enc']).where('id', '=', id).executeTakeFirst();
}

export async function exportsForRequest(db: Executor, requestId: string) {
  return db.selectFrom('sar_exports').select(['id', 'status', 'stage', 'done', 'total', 'size_bytes', 'withheld', 'created_at', 'finished_at', 'lease_until', 'message']).where('request_id', '=', requestId).orderBy('created_at', 'desc').execute();
}

/** Whether the job is still one this server may claim: queued, and not given up on. */
export async function claimExport(db: Executor, id: string, owner: string, leaseUntil: string): Promise<boolean> {
  const r = await db.updateTable('sar_exports').set({ status: 'running', stage: 'starting', owner, lease_until: leaseUntil }).where('id', '=', id).where('status', '=', 'queued').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Exports running for the practice under a live lease, on any server. */
export async function runningCount(db: Executor, practiceId: string, now: string): Promise<number> {
  const r = await db.selectFrom('sar_exports').select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('practice_id', '=', practiceId).where('status', '=', 'running').where('lease_until', '>', now).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function renewLeases(db: Executor, ids: string[], owner: string, leaseUntil: string): Promise<void> {
  if (!ids.length) return;
  await db.updateTable('sar_exports').set({ lease_until: leaseUntil }).where('id', 'in', ids).where('owner', '=', owner).where('status', 'in', ['queued', 'running']).execute();
}

/** Fail every unfinished job whose lease ran out (its server stopped); returns how many. */
export async function failExpired(db: Executor, now: string, message: string): Promise<number> {
  const r = await db.updateTable('sar_exports').set({ status: 'failed', stage: 'failed', message, finished_at: now, lease_until: null })
    .where('status', 'in', ['queued', 'running']).where((eb) => eb.or([eb('lease_until', '<', now), eb('lease_until', 'is', null)])).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
