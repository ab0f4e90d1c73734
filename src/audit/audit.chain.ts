import { hash } from 'node:crypto';

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
// One reusable 65-byte link buffer: 0x01 ‖ previous hash ‖ leaf hash.
const link = Buffer.alloc(65);
link[0] = 1;

/** Unit-separated fields; absent values are distinguishable from empty strings. */
export function canonical(e: AuditEntry): string {
  const S = '\u001f';
  return `${e.seq}${S}${e.at}${S}${f(e.actorId)}${S}${e.action}${S}${f(e.targetType)}${S}${f(e.targetId)}${S}${f(e.caseCode)}${S}${f(e.purpose)}${S}${e.outcome}${S}${f(e.details)}`;
}

const f = (v: string | null): string => (v === null ? '\u2400' : v);

export function chainHash(prevHex: string, e: AuditEntry): string {
  // '\0' as the first UTF-8 character is the single 0x00 leaf prefix byte.
  const leaf = hash('sha256', '\0' + canonical(e), 'buffer');
  link.write(prevHex, 1, 32, 'hex');
  leaf.copy(link, 33);
  return hash('sha256', link, 'hex');
}

export type VerifyResult =
  | { ok: true; entries: number; headSeq: number; headHash: string }
  | { ok: false; entries: number; firstBadSeq: number; reason: string };

/**
 * Verify entries in sequence order. Catches edits (hash mismatch), deletions and insertions
 * (sequence gaps, or a hash that no longer links), and reorders (sequence out of order).
 * A synchronous source (the embedded store's cursor) is walked without a promise per row.
 */
export async function verifyChain(
  rows: AsyncIterable<AuditEntry & { hash: string }> | Iterable<AuditEntry & { hash: string }>,
  onProgress?: (n: number) => void,
): Promise<VerifyResult> {
  const state = { prev: GENESIS_HASH, expected: 1 };
  let bad: VerifyResult | null = null;
  const check = (row: AuditEntry & { hash: string }): boolean => {
    bad = step(state, row);
    if (!bad && onProgress && state.expected % 100_000 === 1) onProgress(state.expected - 1);
    return bad === null;
  };
  if (Symbol.iterator in rows) {
    for (const row of rows as Iterable<AuditEntry & { hash: string }>) if (!check(row)) break;
  } else {
    for await (const row of rows as AsyncIterable<AuditEntry & { hash: string }>) if (!check(row)) break;
  }
  return bad ?? { ok: true, entries: state.expected - 1, headSeq: state.expected - 1, headHash: state.prev };
}

function step(state: { prev: string; expected: number }, row: AuditEntry & { hash: string }): VerifyResult | null {
  const n = state.expected - 1;
  if (row.seq !== state.expected) {
    const reason = row.seq > state.expected ? `entry ${state.expected} is missing` : `entry ${row.seq} is out of order or duplicated`;
    return { ok: false, entries: n, firstBadSeq: Math.min(row.seq, state.expected), reason };
  }
  if (chainHash(state.prev, row) !== row.hash) {
    return { ok: false, entries: n, firstBadSeq: row.seq, reason: `entry ${row.seq} does not match its hash (edited, inserted or reordered)` };
  }
  state.prev = row.hash;
  state.expected++;
  return null;
}
