import type { Kysely } from 'kysely';

/**
 * The letter to clients about a breach is written for them: a client-facing account of what
 * happened (the register's own description is for the practice and the regulator, and may name
 * colleagues or systems) and, once someone has edited it, the letter text itself. Both are sealed
 * with the system key like the rest of the register's free text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('breach_client_letters')
    .addColumn('breach_id', 'text', (c) => c.primaryKey())
    .addColumn('summary_enc', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
