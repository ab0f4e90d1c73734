import type { Kysely } from 'kysely';

/** Requests for information, their decisions, and the disclosures made (see requests.tables.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('info_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull())
    .addColumn('case_code', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('requester_type', 'text', (c) => c.notNull())
    .addColumn('asks', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('emergency', 'integer', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('recommendation', 'text', (c) => c.notNull())
    .addColumn('restricted', 'integer', (c) => c.notNull())
    .addColumn('details_enc', 'text', (c) => c.notNull())
    .addColumn('triage_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('info_requests_case').on('info_requests').columns(['case_code']).execute();
  await db.schema.createIndex('info_requests_practice').on('info_requests').columns(['practice_id', 'received_on']).execute();

  await db.schema
    .createTable('request_parties')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('case_code', 'text')
    .addColumn('requester_enc', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('request_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('case_code', 'text')
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('meta_enc', 'text', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_documents_request').on('request_documents').columns(['request_id']).execute();

  await db.schema
    .createTable('request_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('case_code', 'text')
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('record_enc', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_steps_request').on('request_steps').columns(['request_id', 'recorded_at']).execute();

  await db.schema
    .createTable('request_decisions')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('case_code', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('decision_enc', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('signed_hash', 'text')
    .execute();

  await db.schema
    .createTable('request_addenda')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('case_code', 'text')
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_addenda_request').on('request_addenda').columns(['request_id']).execute();

  await db.schema
    .createTable('request_restriction_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('case_code', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_restriction_events_request').on('request_restriction_events').columns(['request_id']).execute();

  await db.schema
    .createTable('disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('practice_id', 'text', (c) => c.notNull())
    .addColumn('disclosed_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('record_enc', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text')
    .addColumn('note_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosures_case').on('disclosures').columns(['case_code', 'disclosed_on']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
