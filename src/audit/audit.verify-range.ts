import SQLite from 'better-sqlite3';
import { type ChainRow, RangeVerifier, type RangeResult } from './audit.chain.js';
import { sqliteChainRows, sqlitePackedRows } from './audit.canonical-sql.js';

export interface RangeJob {
  /** The embedded store's database file. */
  file: string;
  from: number;
  to: number;
  /** Stored hash of entry from-1 (the genesis hash when from is 1). */
  prevHash: string;
  /** The first entry hashed as chain format v2 (audit_head.v2_from); earlier entries are v1. */
  v2From: number;
}

const PAGE = 5_000;

/**
 * Check one range of the embedded store's chain on a connection of its own (read-only, so it can
 * run in a worker thread beside the server's connection). Reports progress every page.
 */
export function verifySqliteRange(job: RangeJob, onProgress?: (verified: number) => void): RangeResult {
  const sqlite = new SQLite(job.file, { readonly: true, fileMustExist: true });
  try {
    // One read transaction: every page sees the same snapshot of the log.
    return sqlite.transaction(() => walk(sqliteChainRows(sqlite), job, onProgress, sqlitePackedRows(sqlite)))();
  } finally {
    sqlite.close();
  }
}

/**
 * Walk from..to a page at a time. With a packed reader (the embedded store), each complete page is
 * checked on the fast path; a page with a gap or a failing entry is read again in detail, which
 * names the first bad entry exactly as a plain walk would.
 */
export function walk(
  rows: (from: number, to: number) => ChainRow[],
  job: Omit<RangeJob, 'file'>,
  onProgress?: (verified: number) => void,
  packed?: (from: number, to: number) => string[],
): RangeResult {
  const v = new RangeVerifier(job.from, job.prevHash, job.v2From);
  for (let a = job.from; a <= job.to; a += PAGE) {
    const b = Math.min(job.to, a + PAGE - 1);
    if (packed) {
      const fast = packed(a, b);
      if (fast.length === b - a + 1 && v.pushPacked(fast)) {
        onProgress?.(v.verified);
        continue;
      }
    }
    const page = rows(a, b);
    // A page short of its span means an entry is missing; finish() names it.
    if (!v.push(page) || page.length < b - a + 1) break;
    onProgress?.(v.verified);
  }
  return v.finish(job.to);
}
