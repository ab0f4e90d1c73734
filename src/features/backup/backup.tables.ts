/** Scheduled backups: the one settings row, which is also the lock (see migration 0120). */
export interface BackupScheduleTable {
  id: number;
  enabled: number;
  /** The folder backups are written to (an external drive, a synced folder). */
  dir: string | null;
  every_hours: number;
  enabled_at: string | null;
  updated_at: string | null;
  updated_by: string | null;
  next_due_at: string | null;
  /** The server writing a backup now, and until when its claim holds if it dies part-way. */
  claimed_by: string | null;
  claimed_until: string | null;
  last_success_at: string | null;
  last_success_file: string | null;
  last_failure_at: string | null;
  /** Plain words, never a path's contents or anything about a client. */
  last_failure_reason: string | null;
}

export interface BackupTables {
  backup_schedule: BackupScheduleTable;
}
