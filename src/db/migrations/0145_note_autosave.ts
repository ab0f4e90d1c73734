import type { Kysely } from 'kysely';

/**
 * Drafts save themselves every few seconds. Each automatic save is not worth an audit entry (the
 * access history would drown in them), so a draft records who its automatic saves were last
 * audited for: the author's own saves are covered by the note's creation entry, and a colleague
 * saving into someone else's draft gets one entry of their own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notes').addColumn('autosaved_by', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
