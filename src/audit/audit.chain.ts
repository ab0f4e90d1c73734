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

/** A stored entry as verification reads it: [seq, 0x00 ‖ canonical(entry), stored hash]. */
export type ChainRow = [seq: number, leafInput: string, hash: string];

export type RangeResult =
  | { ok: true; verified: number; lastSeq: number; lastHash: string }
  | { ok: false; verified: number; firstBadSeq: number; reason: string };

/**
 * Checks a run of entries from..to against the chain, starting from the stored hash of entry
 * from-1. Several ranges can be checked at once (each from its stored predecessor): every stored
 * hash is compared with the one recomputed from its own entry and its predecessor's stored hash,
 * so the ranges together prove exactly what one walk from the genesis would. Catches edits (hash
 * mismatch), deletions and insertions (a gap, or a hash that no longer links) and reorders.
 */
export class RangeVerifier {
  private prev: string;
  private expected: number;
  private bad: RangeResult | null = null;

  constructor(
    private readonly from: number,
    prevHash: string,
  ) {
    this.prev = prevHash;
    this.expected = from;
  }

  /** Feed the next rows in sequence order; false once a bad entry has been found. */
  push(rows: readonly ChainRow[]): boolean {
    if (this.bad) return false;
    const buf = link;
    let prev = this.prev;
    let expected = this.expected;
    for (const [seq, leafInput, stored] of rows) {
      if (seq !== expected) {
        const reason = seq > expected ? `entry ${expected} is missing` : `entry ${seq} is out of order or duplicated`;
        this.fail(Math.min(seq, expected), reason, expected);
        break;
      }
      buf.write(prev, 1, 32, 'hex');
      hash('sha256', leafInput, 'buffer').copy(buf, 33);
      const h = hash('sha256', buf, 'hex');
      if (h !== stored) {
        this.fail(seq, `entry ${seq} does not match its hash (edited, inserted or reordered)`, expected);
        break;
      }
      prev = h;
      expected++;
    }
    if (!this.bad) {
      this.prev = prev;
      this.expected = expected;
    }
    return this.bad === null;
  }

  /**
   * The fast path for a page known to be complete (every seq present, each stored hash exactly 64
   * characters): each row is 0x00 ‖ canonical(entry) ‖ stored hash, one string. Hash outputs stay
   * strings (one character per byte, or hex), which Node makes far more cheaply than Buffers. Returns false
   * and changes nothing if any entry fails; the caller then re-reads the page with push() to name
   * the first bad entry.
   */
  pushPacked(rows: readonly string[]): boolean {
    if (this.bad) return false;
    const buf = link;
    let prev = this.prev;
    for (const row of rows) {
      const cut = row.length - 64;
      buf.write(prev, 1, 32, 'hex');
      buf.write(hash('sha256', row.substring(0, cut), 'binary'), 33, 32, 'latin1');
      const h = hash('sha256', buf, 'hex');
      if (!row.endsWith(h)) return false;
      prev = h;
    }
    this.prev = prev;
    this.expected += rows.length;
    return true;
  }

  get verified(): number {
    return this.expected - this.from;
  }

  /** The outcome once every row up to `to` has been pushed. */
  finish(to: number): RangeResult {
    if (this.bad) return this.bad;
    if (this.expected <= to) return { ok: false, verified: this.verified, firstBadSeq: this.expected, reason: `entry ${this.expected} is missing` };
    return { ok: true, verified: this.verified, lastSeq: this.expected - 1, lastHash: this.prev };
  }

  private fail(firstBadSeq: number, reason: string, expected: number): void {
    this.bad = { ok: false, verified: expected - this.from, firstBadSeq, reason };
  }
}
