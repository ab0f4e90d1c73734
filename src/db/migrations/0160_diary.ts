import type { Kysely } from 'kysely';

/**
 * The diary: a session gains its start time (HH:MM, the practice's clock) and a room, so reception
 * can arrange sessions; a case keeps the contact channel named on referral; a practice chooses
 * how the diary names clients (first name and initial unless it says otherwise).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('therapy_sessions').addColumn('start_time', 'text').execute();
  await db.schema.alterTable('therapy_sessions').addColumn('room', 'text').execute();
  await db.schema.createIndex('therapy_sessions_date').on('therapy_sessions').columns(['session_date', 'attendance']).execute();
  await db.schema.alterTable('cases').addColumn('preferred_channel', 'text').execute();
  await db.schema.alterTable('practices').addColumn('diary_names', 'text', (c) => c.notNull().defaultTo('short')).execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
