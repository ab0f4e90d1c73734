import type { Kysely } from 'kysely';

/**
 * Guess counters that are not tied to a staff account: sign-in attempts on an address that has no
 * (enabled) account, and vault unlock attempts per source and overall. Keys are hashes, never an
 * address or a network address in the clear. Short-lived, so never carried in backups.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attempt_locks')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
