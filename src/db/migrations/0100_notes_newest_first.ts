import type { Kysely } from 'kysely';

/**
 * A record shows a case's newest notes first, ties broken by id. With the id in the index the
 * database walks it backwards and stops after the page, instead of sorting every note of a case
 * that may hold hundreds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('notes_case_created_id').on('notes').columns(['case_code', 'created_at', 'id']).execute();
  await db.schema.dropIndex('notes_case_created').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('notes_case_created').on('notes').columns(['case_code', 'created_at']).execute();
  await db.schema.dropIndex('notes_case_created_id').execute();
}
