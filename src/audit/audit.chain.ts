import { createHash } from 'node:crypto';

/**
 * The audit chain's hashing, pure. Each entry's hash covers the previous hash and the entry's
 * canonical bytes, with RFC 6962-style domain separation (0x00 for leaves, 0x01 for chain links)
 * so a leaf can never be passed off as a link:
 *   leaf(e)  = SHA-256(0x00 ‖ canonical(e))
 *   h(n)     = SHA-256(0x01 ‖ h(n-1) ‖ leaf(e_n)),  h(0) = 32 zero bytes
 */
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  caseCode: string | null;
  purpose: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  details: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** Unit-separated fields; absent values are distinguishable from empty strings. */
export function canonical(e: AuditEntry): string {
  const f = (v: string | number | null) => (v === null ? '\u2400' : String(v));
  return [e.seq, e.at, e.actorId, e.action, e.targetType, e.targetId, e.caseCode, e.purpose, e.outcome, e.details]
    .map(f)
    .join('\u001f');
}

export function chainHash(prevHex: string, e: AuditEntry): string {
  const leaf = createHash('sha256').update(LEAF).update(canonical(e), 'utf8').digest();
  return createHash('sha256').update(NODE).update(Buffer.from(prevHex, 'hex')).update(leaf).digest('hex');
}

export type VerifyResult =
  | { ok: true; entries: number; headSeq: number; headHash: string }
  | { ok: false; entries: number; firstBadSeq: number; reason: string };

/**
 * Verify a stream of entries in sequence order. Catches edits (hash mismatch), deletions and
 * insertions (sequence gaps or a hash that no longer links), and reorders (sequence out of order).
 */
export async function verifyChain(
  rows: AsyncIterable<AuditEntry & { hash: string }> | Iterable<AuditEntry & { hash: string }>,
  onProgress?: (n: number) => void,
): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expected = 1;
  let n = 0;
  for await (const row of rows as AsyncIterable<AuditEntry & { hash: string }>) {
    if (row.seq !== expected) {
      const reason = row.seq > expected ? `entry ${expected} is missing` : `entry ${row.seq} is out of order or duplicated`;
      return { ok: false, entries: n, firstBadSeq: Math.min(row.seq, expected), reason };
    }
    if (chainHash(prev, row) !== row.hash) {
      return { ok: false, entries: n, firstBadSeq: row.seq, reason: `entry ${row.seq} does not match its hash (edited, inserted or reordered)` };
    }
    prev = row.hash;
    expected++;
    n++;
    if (onProgress && n % 100_000 === 0) onProgress(n);
  }
  return { ok: true, entries: n, headSeq: expected - 1, headHash: prev };
}
