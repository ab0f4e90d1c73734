import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '../src/core/access.js';
import { connect } from '../src/db/connection.js';
import { buildContext } from '../src/main.js';
import type { AppContext } from '../src/context.js';
import { initPractice } from '../src/features/practice/practice.service.js';

export interface BenchVault {
  ctx: AppContext;
  op: Principal;
  dir: string;
  close(): Promise<void>;
}

/** A fresh embedded vault in a temp folder, with production key-derivation parameters. */
export async function benchVault(): Promise<BenchVault> {
  const dir = mkdtempSync(join(tmpdir(), 'sanctum-bench-'));
  const ctx = await buildContext({ db: connect({ dataDir: dir }) });
  const p = await initPractice(ctx, { passphrase: 'benchmark passphrase, not a secret' }, { name: 'Bench', jurisdiction: 'GB-ENG' });
  return {
    ctx,
    dir,
    op: { userId: 'cli', practiceId: p.id, roles: ['operator'] },
    close: async () => {
      await ctx.audit.flush();
      await ctx.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const fmt = (n: number, digits = 2) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const int = (n: number) => Math.round(n).toLocaleString('en-GB');

/**
 * Times fn one call at a time. After each call the event loop turns once, inside the sample, as a
 * server's loop does between requests: work a call hands to the loop (a group commit finishing its
 * fsync on the thread pool, the next batch written after it) is then charged to the calls, not left
 * until after the timing.
 */
export async function timeIt(iterations: number, fn: (i: number) => Promise<unknown>): Promise<{ samples: number[]; totalMs: number }> {
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn(i);
    await new Promise<void>((r) => setImmediate(r));
    samples.push(performance.now() - t);
  }
  return { samples: samples.sort((a, b) => a - b), totalMs: performance.now() - start };
}
