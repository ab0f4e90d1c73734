/**
 * The export queue. At most EXPORTS_PER_PRACTICE exports of one practice run at once, counted in
 * the database so the cap holds across app servers; the rest wait with status "queued". Every job
 * a server holds (queued or running) carries a lease in the database that the server renews; a
 * job whose lease runs out belonged to a server that stopped, and is marked failed with a plain
 * message by whichever server or status read notices first — never left "running".
 *
 * The client's passphrase is never stored, so a queued job can only be run by the server that
 * accepted it: it waits in that server's memory, and is failed like a running one if that server
 * stops.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { writeTx } from '../../db/tx.js';
import * as repo from './export.repository.js';

export const EXPORTS_PER_PRACTICE = 2;
export const LEASE_MS = 60_000;
const HEARTBEAT_MS = 15_000;

export const STOPPED_MESSAGE = 'This export stopped before it finished because the server was restarted or stopped. Nothing was sent. Please start the export again.';

export interface QueuedJob {
  exportId: string;
  practiceId: string;
  run: () => Promise<void>;
}

export class ExportJobs {
  /** This server process, as named on the jobs it holds. */
  readonly owner = randomUUID();
  private readonly waiting: QueuedJob[] = [];
  private readonly held = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private pumping: Promise<void> | null = null;
  private again = false;

  constructor(private readonly ctx: AppContext, readonly cap = EXPORTS_PER_PRACTICE) {}

  leaseUntil(): string {
    return new Date(this.ctx.clock.now().getTime() + LEASE_MS).toISOString();
  }

  /** A job already stored as queued under this owner; it starts as soon as the practice has a free place. */
  enqueue(job: QueuedJob): Promise<void> {
    this.waiting.push(job);
    this.track(job.exportId);
    return this.pump();
  }

  /** Keep renewing the lease of a job this server is working on outside the queue (the command line). */
  track(exportId: string): void {
    this.held.add(exportId);
    if (!this.timer) {
      this.timer = setInterval(() => void this.heartbeat().catch(() => {}), HEARTBEAT_MS);
      this.timer.unref();
    }
  }

  untrack(exportId: string): void {
    this.held.delete(exportId);
    if (this.held.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Start every waiting job that has a free place; concurrent calls coalesce into one more pass. */
  pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      try {
        do {
          this.again = false;
          for (const job of [...this.waiting]) {
            const outcome = await this.claim(job);
            if (outcome === 'busy') continue;
            this.waiting.splice(this.waiting.indexOf(job), 1);
            if (outcome === 'gone') {
              this.untrack(job.exportId);
              continue;
            }
            void job.run().catch(() => {}).finally(() => {
              this.untrack(job.exportId);
              void this.pump();
            });
          }
        } while (this.again);
      } finally {
        this.pumping = null;
      }
    })();
    return this.pumping;
  }

  /** Renew this server's leases, settle other servers' dead jobs, and start anything now free. */
  async heartbeat(): Promise<void> {
    await repo.renewLeases(this.ctx.db.kysely, [...this.held], this.owner, this.leaseUntil());
    await recoverExports(this.ctx);
    await this.pump();
  }

  /** Jobs waiting in this server's memory (for tests and the benchmark). */
  get queued(): number {
    return this.waiting.length;
  }

  private async claim(job: QueuedJob): Promise<'claimed' | 'busy' | 'gone'> {
    const now = this.ctx.clock.now().toISOString();
    return writeTx(this.ctx.db, async (trx) => {
      if ((await repo.runningCount(trx, job.practiceId, now)) >= this.cap) return 'busy';
      return (await repo.claimExport(trx, job.exportId, this.owner, this.leaseUntil())) ? 'claimed' : 'gone';
    });
  }
}

const byContext = new WeakMap<AppContext, ExportJobs>();

/** The queue of this server process (one per context). */
export function exportJobs(ctx: AppContext): ExportJobs {
  let jobs = byContext.get(ctx);
  if (!jobs) {
    jobs = new ExportJobs(ctx);
    byContext.set(ctx, jobs);
  }
  return jobs;
}

/**
 * Mark failed every unfinished export whose server stopped (lease run out). Run at start-up, on
 * every heartbeat and when a status is read, so no job is ever seen "running" for long after its
 * server died.
 */
export async function recoverExports(ctx: AppContext): Promise<number> {
  return repo.failExpired(ctx.db.kysely, ctx.clock.now().toISOString(), STOPPED_MESSAGE);
}
