import { type Kysely, sql } from 'kysely';

/**
 * Audit chain format v2 (docs/adr/0006): entries appended from now on are hashed once each.
 * Everything already in the log stays v1, so the switch is the entry after the current head (1 in
 * a new store). The column is written once, here; verification applies v1 before it and v2 from it.
 * The default exists only because SQLite cannot add a NOT NULL column without one: 0 is never a
 * valid switch point, so a head row written without the column fails verification instead of
 * quietly choosing a format.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_head').addColumn('v2_from', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update audit_head set v2_from = seq + 1`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
