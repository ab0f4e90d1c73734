import type { Kysely } from 'kysely';

/**
 * Export jobs run off the request path, at most a few per practice, with a lease: the server
 * running (or holding in its queue) an export renews `lease_until`; a job whose lease ran out
 * belonged to a server that stopped, and is marked failed with `message` instead of staying
 * "running" forever. Existing rows get no practice and no lease, so they are settled by status.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sar_exports').addColumn('practice_id', 'text').execute();
  await db.schema.alterTable('sar_exports').addColumn('lease_until', 'text').execute();
  await db.schema.alterTable('sar_exports').addColumn('owner', 'text').execute();
  await db.schema.alterTable('sar_exports').addColumn('message', 'text').execute();
  await db.schema.createIndex('sar_exports_status').on('sar_exports').columns(['status', 'practice_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
