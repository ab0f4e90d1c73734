import type { Kysely } from 'kysely';

/**
 * A supervisor's own notes about the supervision of one supervisee. They belong to the
 * supervisor, not to any client: no case code, no client id; the text is sealed with the system
 * key, bound to the row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('supervision_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('supervisee_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_notes_author').on('supervision_notes').columns(['author_id', 'supervisee_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
