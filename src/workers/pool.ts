/**
 * Worker threads for CPU-heavy work, so one export or one large PDF cannot stop the server
 * answering (security review, finding 7). Two lanes, both bounded by the machine's cores:
 * - `heavy`: subject-access packages, large PDFs, de-identification of long texts;
 * - `kdf`: Argon2id (sign-in, password changes, sealing), kept apart so a sign-in never waits
 *   behind a ten-minute export.
 * The pool is off until a long-running server starts it (`sanctum serve`); one-shot commands and
 * most tests run the same task functions inline. Inside a worker the pool is never running, so a
 * task that itself calls a pooled function runs it in place.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, type MessagePort, type Transferable } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { TaskInput, TaskName, TaskOutput } from './tasks.js';

export type Lane = 'heavy' | 'kdf';

export interface PoolOptions {
  /** Threads for long work; default one less than the cores (at least one). */
  heavyThreads?: number;
  /** Threads for Argon2id; default half the cores (at least one). */
  kdfThreads?: number;
}

let pools: Record<Lane, Piscina> | null = null;

// The worker entry sits beside this module: dist/src/workers/worker.tasks.js once compiled, and
// dist/server/worker.tasks.js in the bundle (scripts/bundle-server.mjs names the entry so). From
// TypeScript sources (tests, development) a small boot file registers tsx first.
const fromSource = import.meta.url.endsWith('.ts');
export const workerEntry = new URL(fromSource ? './worker.boot.mjs' : './worker.tasks.js', import.meta.url).href;

export function startWorkerPool(opts: PoolOptions = {}): void {
  if (pools || !isMainThread) return;
  const cores = availableParallelism();
  const make = (threads: number) => new Piscina({ filename: workerEntry, minThreads: 0, maxThreads: Math.max(1, Math.min(cores, threads)), idleTimeout: 30_000 });
  pools = { heavy: make(opts.heavyThreads ?? cores - 1), kdf: make(opts.kdfThreads ?? Math.floor(cores / 2)) };
}

export async function stopWorkerPool(): Promise<void> {
  const p = pools;
  pools = null;
  if (p) await Promise.all([p.heavy.destroy(), p.kdf.destroy()]);
}

export const workerPoolRunning = (): boolean => pools !== null;

export function poolThreads(): Record<Lane, number> | null {
  return pools ? { heavy: pools.heavy.maxThreads, kdf: pools.kdf.maxThreads } : null;
}

export interface TaskMessage<K extends TaskName = TaskName> {
  task: K;
  input: TaskInput<K>;
  /** Progress reports from the worker (numbers), when the caller listens. */
  port?: MessagePort;
}

/**
 * Run a task on its lane when the pool is running, else `inline` (the same function, here).
 * Progress, if given, arrives as (done, total) from either path.
 */
export async function runTask<K extends TaskName>(
  lane: Lane,
  task: K,
  input: TaskInput<K>,
  inline: (progress: (done: number, total: number) => void) => Promise<TaskOutput<K>>,
  progress: (done: number, total: number) => void = () => {},
  transferList: Transferable[] = [],
): Promise<TaskOutput<K>> {
  if (!pools) return inline(progress);
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (m: [number, number]) => progress(m[0], m[1]));
  try {
    const msg: TaskMessage<K> = { task, input, port: port2 };
    return (await pools[lane].run(msg, { transferList: [port2, ...transferList] as never })) as TaskOutput<K>;
  } finally {
    port1.close();
  }
}

/** Tasks each lane has completed since the pool started (tests and the benchmark). */
export function poolStats(): Record<Lane, number> | null {
  return pools ? { heavy: pools.heavy.completed, kdf: pools.kdf.completed } : null;
}
