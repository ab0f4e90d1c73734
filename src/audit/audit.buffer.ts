import type { Clock } from '../core/clock.js';
import type { Db } from '../db/connection.js';
import { writeTx } from '../db/tx.js';
import type { Actor, AuditEvent, PendingRecord } from './audit.service.js';
import { appendAuditBatch } from './audit.service.js';
import { commitReadsOffLoop } from './audit.sqlite-flush.js';

/**
 * Group commit for read audits. Reads are recorded at the moment they happen (their time is
 * taken then) and written to the chain together, one transaction and one fsync per batch, within
 * FLUSH_MS (50 ms); on the embedded store that fsync runs off the event loop
 * (audit.sqlite-flush.ts). Writes, refusals, sign-ins and key operations never come here: they
 * are appended in their own transaction before the caller is answered. The trade-off — a machine that loses power
 * may lose the last few milliseconds of read records — is recorded in docs/adr/0004.
 */
const FLUSH_MS = 50;
// Hashing and inserting a batch still runs on the event loop (about 20 µs an entry): small batches
// keep that pause short for the request that happens to trigger one.
const MAX_BATCH = 64;

export class AuditBuffer {
  private pending: PendingRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db) {}

  record(clock: Clock, actor: Actor | null, ev: AuditEvent): void {
    this.pending.push({ actor, ev, at: clock.now() });
    if (this.pending.length >= MAX_BATCH) void this.flush();
    else if (!this.timer) this.timer = setTimeout(() => void this.flush(), FLUSH_MS).unref();
  }

  /** Write everything recorded so far; resolves once it is durable. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        const { sqlite, dataDir } = this.db;
        const offLoop = sqlite && dataDir ? commitReadsOffLoop(sqlite, dataDir, batch) : undefined;
        await (offLoop ?? writeTx(this.db, (trx) => appendAuditBatch(trx, batch)));
      } catch {
        // Keep the records for the next attempt rather than lose them.
        this.pending = batch.concat(this.pending);
        if (!this.timer) this.timer = setTimeout(() => void this.flush(), 250).unref();
      }
    });
    return this.flushing;
  }

  get size(): number {
    return this.pending.length;
  }
}
