import type { Kysely } from 'kysely';

/**
 * Organisations: teams (services) within a practice, the dated relationships that give a
 * colleague access to a case (cover, supervision), emergency access by a clinical lead, and the
 * review of each emergency access by someone else. Ids, dates and sealed reasons only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('teams_practice_name').on('teams').columns(['practice_id', 'name']).unique().execute();

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_members_user').on('team_members').column('user_id').execute();

  await db.schema.alterTable('cases').addColumn('team_id', 'text').execute();

  // holder: the colleague who gains access (covering colleague, supervisor); subject: the
  // practitioner covered or supervised. Access runs from starts_on to ends_on inclusive, in the
  // practice's calendar, and stops at ended_at if someone ends it early.
  await db.schema
    .createTable('care_relationships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('ended_by', 'text')
    .execute();
  await db.schema.createIndex('care_relationships_holder').on('care_relationships').columns(['holder_id', 'kind']).execute();
  await db.schema.createIndex('care_relationships_subject').on('care_relationships').columns(['subject_id', 'kind']).execute();

  await db.schema
    .createTable('break_glass')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('case_code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('audit_seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('break_glass_user').on('break_glass').columns(['user_id', 'expires_at']).execute();
  await db.schema.createIndex('break_glass_client').on('break_glass').column('client_id').execute();

  // The review queue gains emergency accesses and decisions against advice, and a verdict.
  await db.schema.alterTable('access_reviews').addColumn('break_glass_id', 'text').execute();
  await db.schema.alterTable('access_reviews').addColumn('request_id', 'text').execute();
  await db.schema.alterTable('access_reviews').addColumn('verdict', 'text').execute();
  await db.schema.alterTable('access_reviews').addColumn('notes_enc', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
