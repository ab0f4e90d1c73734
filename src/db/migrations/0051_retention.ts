import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('retention_policies')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('base_policy', 'text', (c) => c.notNull())
    .addColumn('adult_years', 'integer', (c) => c.notNull())
    .addColumn('minor_until_birthday', 'integer', (c) => c.notNull())
    .addColumn('minor_until_birthday_at_17', 'integer', (c) => c.notNull())
    .addColumn('process_notes_years', 'integer')
    .addColumn('reason', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_policies_pk', ['practice_id', 'jurisdiction'])
    .execute();

  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('placed_by', 'text', (c) => c.notNull())
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .addColumn('released_by', 'text')
    .execute();
  await db.schema.createIndex('legal_holds_case').on('legal_holds').columns(['case_code', 'released_at']).execute();

  await db.schema
    .createTable('disposal_certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approver_role', 'text', (c) => c.notNull())
    .addColumn('destroyed_at', 'text', (c) => c.notNull())
    .addColumn('audit_seq', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
