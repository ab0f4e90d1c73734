/**
 * Scheduled backups as pure rules: which files to keep, when one is due, and when to warn.
 * No I/O here; the service reads the folder and the settings row and acts on the answers.
 */

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

/** Seven dailies, four weeklies and twelve monthlies: a year back at a glance, ~23 files at most. */
export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

/** A scheduled backup's name carries its time, so rotation needs nothing but the folder listing. */
const NAME = /^sanctum-backup-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.json$/;

export const scheduledFileName = (at: Date): string => `sanctum-backup-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.json`;

/** When a scheduled backup was made, from its name; null for any other file (never touched). */
export function scheduledFileTime(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const monthKey = (d: Date) => d.toISOString().slice(0, 7);
/** ISO-8601 week (Monday first), as year and week number. */
function weekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return `${t.getUTCFullYear()}-W${Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7)}`;
}

/**
 * The files to keep: the newest backup of each of the last `daily` days that have one, of the
 * last `weekly` weeks and of the last `monthly` months (calendar periods in UTC). Everything else
 * of ours may go; files whose names are not scheduled backups are neither kept nor deleted.
 */
export function backupsToKeep(names: readonly string[], policy: RotationPolicy = DEFAULT_ROTATION): Set<string> {
  const dated = names
    .map((name) => ({ name, at: scheduledFileTime(name) }))
    .filter((f): f is { name: string; at: Date } => f.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  for (const [limit, key] of [[policy.daily, dayKey], [policy.weekly, weekKey], [policy.monthly, monthKey]] as const) {
    const seen = new Set<string>();
    for (const f of dated) {
      if (seen.size >= limit) break;
      const k = key(f.at);
      if (seen.has(k)) continue;
      seen.add(k);
      keep.add(f.name);
    }
  }
  return keep;
}

/** Scheduled backups whose names say they can go. */
export function backupsToDelete(names: readonly string[], policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const keep = backupsToKeep(names, policy);
  return names.filter((n) => scheduledFileTime(n) !== null && !keep.has(n)).sort();
}

/** No success for this long while scheduled, and the Backups page warns. */
export const STALE_AFTER_MS = 2 * 24 * 3_600_000;
/** A failed attempt is tried again this soon, not a whole period later. */
export const RETRY_AFTER_MS = 3_600_000;
/** How long a server's claim holds: a server that dies part-way frees the schedule after this. */
export const CLAIM_MS = 30 * 60_000;

export interface ScheduleState {
  enabled: boolean;
  dir: string | null;
  everyHours: number;
  enabledAt: string | null;
  lastSuccessAt: string | null;
  lastSuccessFile: string | null;
  lastFailureAt: string | null;
  lastFailureReason: string | null;
}

/** Backups have stopped: scheduled, yet nothing succeeded in the last two days (or since it began). */
export function backupsStopped(s: ScheduleState, now: Date): boolean {
  if (!s.enabled) return false;
  const since = s.lastSuccessAt ?? s.enabledAt;
  return since !== null && now.getTime() - Date.parse(since) > STALE_AFTER_MS;
}
