import type { Kysely } from 'kysely';

/**
 * A withdrawal records how the client asked (in person, by phone, email, letter or the portal)
 * and on which day, which may be before the day it was entered. Older withdrawals have neither.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('consents').addColumn('withdrawn_via', 'text').execute();
  await db.schema.alterTable('consents').addColumn('withdrawal_asked_on', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
