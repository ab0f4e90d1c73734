import type { Kysely } from 'kysely';

/**
 * When the practice last made each recovery copy (an encrypted backup, a key-store file). One row
 * per kind. Never carried in backups: like the key store it describes, it belongs to this
 * machine.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recovery_copies')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('clients', 'integer')
    .addColumn('destroyed', 'integer')
    .addColumn('master_fp', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
