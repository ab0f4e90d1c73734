import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('breaches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('regime', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary_enc', 'text', (c) => c.notNull())
    .addColumn('reporter_enc', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('discovered_at', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('affected_count', 'integer', (c) => c.notNull())
    .addColumn('audit_seq', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('likelihood', 'text')
    .addColumn('severity', 'text')
    .addColumn('outcome', 'text')
    .addColumn('factors', 'text')
    .addColumn('reasoning_enc', 'text')
    .addColumn('assessed_at', 'text')
    .addColumn('assessed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .execute();
  await db.schema.createIndex('breaches_practice').on('breaches').columns(['practice_id', 'status']).execute();

  await db.schema
    .createTable('breach_affected')
    .addColumn('breach_id', 'text', (c) => c.notNull().references('breaches.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('breach_affected_pk', ['breach_id', 'client_id'])
    .execute();
  await db.schema.createIndex('breach_affected_case').on('breach_affected').column('case_code').execute();

  await db.schema
    .createTable('breach_containment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('breach_id', 'text', (c) => c.notNull().references('breaches.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('step_enc', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('breach_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('breach_id', 'text', (c) => c.notNull().references('breaches.id'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('sent_on', 'text')
    .addColumn('channel', 'text')
    .addColumn('reason_enc', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('breach_notifications_breach').on('breach_notifications').column('breach_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
