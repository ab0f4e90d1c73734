import type { Kysely } from 'kysely';

/**
 * Steps someone took alone that reach clients' records (an admin giving themselves the
 * practitioner role, or moving a client to themselves, where no other admin could do it for
 * them). Each waits here until someone else looks at it. Ids and codes only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('access_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('case_code', 'text')
    .addColumn('roles', 'text')
    .addColumn('audit_seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .execute();
  await db.schema.createIndex('access_reviews_open').on('access_reviews').columns(['practice_id', 'reviewed_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
