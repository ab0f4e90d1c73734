import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SQLITE_FILE, type Db } from '../db/connection.js';
import { GENESIS_HASH, type RangeResult, RangeVerifier, type VerifyResult } from './audit.chain.js';
import { sqliteChainRows, sqlitePackedRows } from './audit.canonical-sql.js';
import { type AuditHead, maxSeq, pgChainRows, readHead, storedHash } from './audit.repository.js';
import { type RangeJob, walk } from './audit.verify-range.js';

export interface VerifyOptions {
  onProgress?: (verified: number) => void;
  /**
   * Threads to check the embedded store's chain with. Defaults to one per core for long chains
   * (each thread checks a range from its stored predecessor) and to none below 100,000 entries,
   * where starting a thread costs more than it saves.
   */
  threads?: number;
}

const PARALLEL_FROM = 100_000;

/**
 * Verify the chain up to the recorded head. The head is read first, so entries appended while
 * verification runs are simply not yet covered; afterwards, any entry beyond the head (which the
 * application never writes) is reported as an insertion.
 */
export async function verifyStore(db: Db, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const head = await readHead(db.kysely);
  const badSwitch = checkSwitch(head);
  if (badSwitch) return badSwitch;
  const file = db.sqlite && db.dataDir ? join(db.dataDir, SQLITE_FILE) : undefined;
  const threads = opts.threads ?? (head.seq >= PARALLEL_FROM ? Math.min(availableParallelism(), 8) : 0);
  let result: RangeResult;
  if (file && threads > 1 && head.seq >= threads) result = await inThreads(db, file, head, threads, opts.onProgress);
  else if (db.sqlite) result = serialSqlite(db.sqlite, head, opts.onProgress);
  else result = await walkPostgres(db, head, opts.onProgress);

  if (!result.ok) return { ok: false, entries: result.verified, firstBadSeq: result.firstBadSeq, reason: result.reason };
  if (head.seq > 0 && result.lastHash !== head.hash) {
    return { ok: false, entries: result.verified, firstBadSeq: head.seq, reason: `the recorded head does not match entry ${head.seq}` };
  }
  // Highest entry first, head second: a legitimate append moves the head before anyone can see it.
  const highest = await maxSeq(db.kysely);
  const after = await readHead(db.kysely);
  if (highest > after.seq) {
    return { ok: false, entries: result.verified, firstBadSeq: after.seq + 1, reason: `entry ${after.seq + 1} lies beyond the recorded head: it was inserted outside the application` };
  }
  return { ok: true, entries: result.verified, headSeq: head.seq, headHash: head.seq === 0 ? GENESIS_HASH : head.hash };
}

/**
 * The switch to v2 is recorded when the migration runs, at the entry after the head then, and
 * never moves. A value outside 1..head+1 decides the formula for no stored entry, so no hash
 * mismatch would reveal it; it is refused here instead (a later append would be checked with the
 * wrong formula).
 */
function checkSwitch(head: AuditHead): VerifyResult | undefined {
  if (Number.isSafeInteger(head.v2From) && head.v2From >= 1 && head.v2From <= head.seq + 1) return undefined;
  const firstBadSeq = head.v2From > head.seq + 1 ? head.seq + 1 : 1;
  return { ok: false, entries: 0, firstBadSeq, reason: `the recorded start of chain format v2 (entry ${head.v2From}) is not between 1 and the entry after the recorded head (${head.seq + 1}): it was changed outside the application` };
}

function serialSqlite(sqlite: NonNullable<Db['sqlite']>, head: AuditHead, onProgress?: (n: number) => void): RangeResult {
  return walk(sqliteChainRows(sqlite), { from: 1, to: head.seq, prevHash: GENESIS_HASH, v2From: head.v2From }, onProgress, sqlitePackedRows(sqlite));
}

async function walkPostgres(db: Db, head: AuditHead, onProgress?: (n: number) => void): Promise<RangeResult> {
  const to = head.seq;
  // Pages are fetched one ahead of the hashing so the database and the CPU work at once.
  const v = new RangeVerifier(1, GENESIS_HASH, head.v2From);
  const PAGE = 20_000;
  let next = to >= 1 ? pgChainRows(db.kysely, 1, Math.min(to, PAGE)) : undefined;
  for (let a = 1; a <= to && next; a += PAGE) {
    const page = await next;
    const b = a + PAGE;
    next = b <= to ? pgChainRows(db.kysely, b, Math.min(to, b + PAGE - 1)) : undefined;
    if (!v.push(page) || page.length < Math.min(to, a + PAGE - 1) - a + 1) break;
    onProgress?.(v.verified);
  }
  await next?.catch(() => undefined);
  return v.finish(to);
}

/** Split 1..to into equal ranges, check each in a worker thread, and report the earliest failure. */
async function inThreads(db: Db, file: string, head: AuditHead, threads: number, onProgress?: (n: number) => void): Promise<RangeResult> {
  const to = head.seq;
  const size = Math.ceil(to / threads);
  const jobs: RangeJob[] = [];
  for (let from = 1; from <= to; from += size) {
    const prevHash = from === 1 ? GENESIS_HASH : await storedHash(db.kysely, from - 1);
    // A missing predecessor is itself the first break in that range's neighbour; check serially.
    if (prevHash === undefined) return serialSqlite(db.sqlite!, head, onProgress);
    jobs.push({ file, from, to: Math.min(to, from + size - 1), prevHash, v2From: head.v2From });
  }
  const done = new Array<number>(jobs.length).fill(0);
  const results = await Promise.all(
    jobs.map((job, i) =>
      runWorker(job, (n) => {
        done[i] = n;
        onProgress?.(done.reduce((s, x) => s + x, 0));
      }),
    ),
  );
  const failed = results.filter((r): r is Extract<RangeResult, { ok: false }> => !r.ok).sort((a, b) => a.firstBadSeq - b.firstBadSeq)[0];
  if (failed) return { ok: false, verified: failed.firstBadSeq - 1, firstBadSeq: failed.firstBadSeq, reason: failed.reason };
  const last = results[results.length - 1] as Extract<RangeResult, { ok: true }>;
  return { ok: true, verified: to, lastSeq: last.lastSeq, lastHash: last.lastHash };
}

// Workers load this module's sibling; from TypeScript sources (tests, development) they register
// the same loader the command line uses first.
const rangeModule = new URL(import.meta.url.endsWith('.ts') ? './audit.verify-range.ts' : './audit.verify-range.js', import.meta.url).href;
const require = createRequire(import.meta.url);
const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  if (workerData.loader) (await import(workerData.loader)).register();
  const m = await import(workerData.module);
  const result = m.verifySqliteRange(workerData.job, (n) => parentPort.postMessage({ progress: n }));
  parentPort.postMessage({ result });
})().catch((e) => parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) }));
`;

/** tsx's ES-module registration entry, as its package declares it. */
function tsxLoader(): string {
  const manifest = require.resolve('tsx/package.json');
  const exportsMap = (require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(join(dirname(manifest), exportsMap['./esm/api'].import.default)).href;
}

function runWorker(job: RangeJob, onProgress: (n: number) => void): Promise<RangeResult> {
  const loader = rangeModule.endsWith('.ts') ? tsxLoader() : undefined;
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { eval: true, workerData: { job, module: rangeModule, loader } });
    worker.on('message', (m: { progress?: number; result?: RangeResult; error?: string }) => {
      if (m.progress !== undefined) onProgress(m.progress);
      else if (m.result) resolve(m.result);
      else reject(new Error(`audit verification thread failed: ${m.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`audit verification thread stopped (${code})`));
    });
  });
}
