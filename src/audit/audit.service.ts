import type { Clock } from '../core/clock.js';
import type { Db } from '../db/connection.js';
import { type Tx, writeTx } from '../db/tx.js';
import { type AuditEntry, type VerifyResult, chainHash } from './audit.chain.js';
import { type StoredEntry, appendOnPostgres, entryAt, insertEntries, lockHead, onPostgres } from './audit.repository.js';
import { type VerifyOptions, verifyStore } from './audit.verify.js';

/** Who did something. `id` is a user id, 'cli', 'system', or a signing-link id; never a name. */
export interface Actor {
  id: string;
  roles?: readonly string[];
}

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string;
  caseCode?: string;
  purpose?: string;
  outcome?: AuditEntry['outcome'];
  /** Ids, codes and counts only: never names, contact details or clinical text. */
  details?: Record<string, string | number | boolean | null | string[]>;
}

/**
 * Append inside the caller's write transaction, so the entry and the change commit together. It
 * takes the chain lock (the head row) if the transaction does not hold it yet, and keeps it until
 * commit: in a concurrentWriteTx it is the last statement (docs/adr/0008).
 */
export async function appendAudit(trx: Tx, clock: Clock, actor: Actor | null, ev: AuditEvent): Promise<number> {
  if (onPostgres(trx)) return appendOnPostgres(trx, toEntry(0, clock.now(), actor, ev));
  const head = await lockHead(trx);
  const entry = toEntry(head.seq + 1, clock.now(), actor, ev);
  await insertEntries(trx, [{ ...entry, hash: chainHash(head.hash, entry) }]);
  return entry.seq;
}

/** Append several entries in order with one head lock and one head update (group commits). */
export async function appendAuditBatch(trx: Tx, items: readonly PendingRecord[]): Promise<void> {
  if (items.length === 0) return;
  await insertEntries(trx, chainAfter(await lockHead(trx), items));
}

/** A record waiting for a group commit: its time was taken when it happened. */
export interface PendingRecord {
  at: Date;
  actor: Actor | null;
  ev: AuditEvent;
}

/** The entries that follow `head`, in order, each chained to the one before. */
export function chainAfter(head: { seq: number; hash: string }, items: readonly PendingRecord[]): StoredEntry[] {
  let prev = head.hash;
  return items.map((it, i) => {
    const entry = toEntry(head.seq + 1 + i, it.at, it.actor, it.ev);
    prev = chainHash(prev, entry);
    return { ...entry, hash: prev };
  });
}

function toEntry(seq: number, at: Date, actor: Actor | null, ev: AuditEvent): AuditEntry {
  return {
    seq,
    at: at.toISOString(),
    actorId: actor?.id ?? null,
    action: ev.action,
    targetType: ev.targetType ?? null,
    targetId: ev.targetId ?? null,
    caseCode: ev.caseCode ?? null,
    purpose: ev.purpose ?? null,
    outcome: ev.outcome ?? 'ok',
    details: ev.details ? JSON.stringify(ev.details) : null,
  };
}

/** Append on its own (reads, refusals, sign-ins): one small transaction. */
export async function recordAudit(db: Db, clock: Clock, actor: Actor | null, ev: AuditEvent): Promise<number> {
  return writeTx(db, (trx) => appendAudit(trx, clock, actor, ev));
}

/**
 * Record a read (a record opened, notes listed, a caseload shown). It joins the next group
 * commit instead of paying for its own fsync; see audit.buffer.ts.
 */
export function recordRead(ctx: { audit: { record(clock: Clock, actor: Actor | null, ev: AuditEvent): void }; clock: Clock }, actor: Actor | null, ev: AuditEvent): void {
  ctx.audit.record(ctx.clock, actor, ev);
}

/**
 * Verify the whole chain up to the recorded head (so a cut-off tail is caught), naming the first
 * edited, deleted, inserted or reordered entry. Long chains on the embedded store are checked on
 * every core at once.
 */
export async function verifyAudit(db: Db, opts: VerifyOptions | ((n: number) => void) = {}): Promise<VerifyResult> {
  return verifyStore(db, typeof opts === 'function' ? { onProgress: opts } : opts);
}

export { entryAt };
