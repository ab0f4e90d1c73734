import type { Kysely } from 'kysely';

// Subject access and the client's other rights: the request register, redaction decisions,
// sealed exports, and who else took part in a session.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sar_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('right', 'text', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('clock_start_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('extended_due_on', 'text', (c) => c.notNull())
    .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_told_on', 'text')
    .addColumn('extension_reason_enc', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('verification_method', 'text')
    .addColumn('verified_on', 'text')
    .addColumn('verified_by', 'text')
    .addColumn('verification_note_enc', 'text')
    .addColumn('fee_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fee_reason', 'text')
    .addColumn('message_enc', 'text')
    .addColumn('detected_right', 'text')
    .addColumn('detected_confidence', 'integer')
    .addColumn('process_notes', 'text', (c) => c.notNull().defaultTo('default'))
    .addColumn('exemption_enc', 'text')
    .addColumn('outcome_enc', 'text')
    .addColumn('delivered_channel', 'text')
    .addColumn('delivered_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('sar_requests_case').on('sar_requests').columns(['case_code']).execute();
  await db.schema.createIndex('sar_requests_open').on('sar_requests').columns(['practice_id', 'status', 'due_on']).execute();

  await db.schema
    .createTable('sar_redactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('start_at', 'integer', (c) => c.notNull())
    .addColumn('end_at', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ground', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('excerpt_enc', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sar_redactions_request').on('sar_redactions').columns(['request_id', 'source_id']).execute();

  await db.schema
    .createTable('sar_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('file_enc', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('withheld', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('sar_exports_request').on('sar_exports').columns(['request_id']).execute();

  await db.schema
    .createTable('session_participants')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_participants_pk', ['session_id', 'client_id'])
    .execute();
  await db.schema.createIndex('session_participants_case').on('session_participants').columns(['case_code']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['session_participants', 'sar_exports', 'sar_redactions', 'sar_requests']) await db.schema.dropTable(t).execute();
}
