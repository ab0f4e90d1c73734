import type { Kysely } from 'kysely';

/**
 * Password changes: an admin's reset leaves a temporary password that must be replaced at the next
 * sign-in and stops working after its expiry. SQLite cannot add a NOT NULL column without a
 * default; 0 (no change required) is the right value for every existing account anyway.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('password_must_change', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('password_temp_expires_at', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
