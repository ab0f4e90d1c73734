import type { Kysely } from 'kysely';

/**
 * Material shared for supervision can name the supervisor on the staff it went to, so that
 * supervisor sees it (and nobody else does). Free-text recipients stay for everyone else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sharing_records').addColumn('recipient_user_id', 'text').execute();
  await db.schema.createIndex('sharing_records_recipient_user').on('sharing_records').columns(['recipient_user_id', 'shared_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
