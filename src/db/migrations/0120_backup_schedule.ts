import { type Kysely, sql } from 'kysely';

/**
 * Scheduled backups: one settings row (where, how often) that also serves as the lock a server
 * takes before writing a backup, so several app servers do not all write the same one. Never
 * carried in backups: the folder belongs to this machine.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('backup_schedule')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dir', 'text')
    .addColumn('every_hours', 'integer', (c) => c.notNull().defaultTo(24))
    .addColumn('enabled_at', 'text')
    .addColumn('updated_at', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('next_due_at', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_success_file', 'text')
    .addColumn('last_failure_at', 'text')
    .addColumn('last_failure_reason', 'text')
    .execute();
  await sql`insert into backup_schedule (id, enabled, every_hours) values (1, 0, 24)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Sanctum migrations are forward-only');
}
