import SQLite from 'better-sqlite3';
import { RangeVerifier, type RangeResult } from './audit.chain.js';
import { sqliteChainRows } from './audit.canonical-sql.js';

export interface RangeJob {
  /** The embedded store's database file. */
  file: string;
  from: number;
  to: number;
  /** Stored hash of entry from-1 (the genesis hash when from is 1). */
  prevHash: string;
}

const PAGE = 20_000;

/**
 * Check one range of the embedded store's chain on a connection of its own (read-only, so it can
 * run in a worker thread beside the server's connection). Reports progress every page.
 */
export function verifySqliteRange(job: RangeJob, onProgress?: (verified: number) => void): RangeResult {
  const sqlite = new SQLite(job.file, { readonly: true, fileMustExist: true });
  try {
    // One read transaction: every page sees the same snapshot of the log.
    return sqlite.transaction(() => walk(sqliteChainRows(sqlite), job, onProgress))();
  } finally {
    sqlite.close();
  }
}

export function walk(rows: (from: number, to: number) => ReturnType<ReturnType<typeof sqliteChainRows>>, job: Omit<RangeJob, 'file'>, onProgress?: (verified: number) => void): RangeResult {
  const v = new RangeVerifier(job.from, job.prevHash);
  for (let a = job.from; a <= job.to; a += PAGE) {
    const page = rows(a, Math.min(job.to, a + PAGE - 1));
    if (!v.push(page)) break;
    // A page short of its span means an entry is missing; finish() names it.
    if (page.length < Math.min(job.to, a + PAGE - 1) - a + 1) break;
    onProgress?.(v.verified);
  }
  return v.finish(job.to);
}
