/**
 * Growing locks after repeated failures. Every attempt is counted before its (slow) check runs,
 * and the attempt that reaches the threshold sets the lock, so however many arrive at once at
 * most `threshold` are ever evaluated before the lock, and one more after each lock runs out.
 */
export interface LockPolicy {
  /** Attempts allowed before the lock. */
  threshold: number;
  /** Length of the first lock; each further failure doubles it, `maxDoublings` times at most. */
  minutes: number;
  maxDoublings: number;
}

/**
 * When a lock set now ends, for each count from the threshold up: `until[i]` applies to the
 * count `threshold + i`, the last one to every count beyond. Computed here, so the database
 * only picks one (the same on SQLite and PostgreSQL, no date arithmetic in SQL).
 */
export interface LockSchedule {
  threshold: number;
  until: string[];
  now: string;
}

export function lockSchedule(p: LockPolicy, now: Date): LockSchedule {
  const until = Array.from({ length: p.maxDoublings + 1 }, (_, i) => new Date(now.getTime() + p.minutes * 60_000 * 2 ** i).toISOString());
  return { threshold: p.threshold, until, now: now.toISOString() };
}

/** The lock a failure count earns (null: below the threshold). */
export function lockFor(s: LockSchedule, failures: number): string | null {
  const over = failures - s.threshold;
  return over < 0 ? null : s.until[Math.min(over, s.until.length - 1)];
}
