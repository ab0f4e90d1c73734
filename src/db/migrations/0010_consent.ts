import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agreement_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('template_key', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('setting', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addUniqueConstraint('agreement_versions_key_version', ['practice_id', 'template_key', 'version'])
    .execute();

  await db.schema
    .createTable('consent_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('agreement_versions.id'))
    .addColumn('fields_enc', 'text', (c) => c.notNull())
    .addColumn('document_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('signed_via', 'text')
    .addColumn('without_capacity', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('consent_agreements_case').on('consent_agreements').columns(['case_code', 'created_at']).execute();

  await db.schema
    .createTable('consent_signatures')
    .addColumn('agreement_id', 'text', (c) => c.primaryKey().references('consent_agreements.id'))
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('signer', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('image_enc', 'text')
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('agreement_id', 'text')
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('document_hash', 'text', (c) => c.notNull())
    .addColumn('statement_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('what', 'text')
    .addColumn('details_enc', 'text')
    .addColumn('given', 'integer', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('without_capacity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .execute();
  await db.schema.createIndex('consents_case').on('consents').columns(['case_code', 'kind', 'recorded_at']).execute();

  await db.schema
    .createTable('consent_capacity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('has_capacity', 'integer', (c) => c.notNull())
    .addColumn('reasons_enc', 'text', (c) => c.notNull())
    .addColumn('assessed_by', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consent_capacity_case').on('consent_capacity').columns(['case_code', 'assessed_at']).execute();

  await db.schema
    .createTable('consent_competence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('framework', 'text', (c) => c.notNull())
    .addColumn('competent', 'integer', (c) => c.notNull())
    .addColumn('age', 'integer', (c) => c.notNull())
    .addColumn('reasons_enc', 'text', (c) => c.notNull())
    .addColumn('assessed_by', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consent_competence_case').on('consent_competence').columns(['case_code', 'assessed_at']).execute();

  await db.schema
    .createTable('consent_parents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('person_enc', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('consent_parents_case').on('consent_parents').columns(['case_code']).execute();

  await db.schema
    .createTable('signing_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('consent_agreements.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['signing_links', 'consent_parents', 'consent_competence', 'consent_capacity', 'consents', 'consent_signatures', 'consent_agreements', 'agreement_versions']) {
    await db.schema.dropTable(t).execute();
  }
}
