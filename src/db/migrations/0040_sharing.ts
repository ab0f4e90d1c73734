import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sharing_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('parts', 'text', (c) => c.notNull())
    .addColumn('surrogates', 'integer', (c) => c.notNull())
    .addColumn('summary_enc', 'text')
    .addColumn('spans_enc', 'text', (c) => c.notNull())
    .addColumn('output_enc', 'text', (c) => c.notNull())
    .addColumn('span_count', 'integer', (c) => c.notNull())
    .addColumn('pending_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sharing_drafts_case').on('sharing_drafts').columns(['case_code', 'created_at']).execute();

  await db.schema
    .createTable('sharing_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().unique())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('recipient_enc', 'text', (c) => c.notNull())
    .addColumn('purpose_enc', 'text', (c) => c.notNull())
    .addColumn('text_enc', 'text', (c) => c.notNull())
    .addColumn('text_mac', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('consent_answer', 'text', (c) => c.notNull())
    .addColumn('consent_id', 'text')
    .addColumn('consent_lookup', 'text', (c) => c.notNull())
    .addColumn('consent_reason_enc', 'text')
    .addColumn('residual', 'text', (c) => c.notNull())
    .addColumn('shared_by', 'text', (c) => c.notNull())
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sharing_records_case').on('sharing_records').columns(['case_code', 'shared_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sharing_records').execute();
  await db.schema.dropTable('sharing_drafts').execute();
}
