import { hash } from 'node:crypto';

/**
 * The audit chain's hashing, pure. Each entry's hash covers the previous hash and the entry's
 * canonical bytes. Two formats, told apart by their first byte so no input of one can be read as
 * an input of the other (RFC 6962-style domain separation):
 *   v1 (entries before the switch recorded in audit_head.v2_from; see docs/adr/0006)
 *     leaf(e) = SHA-256(0x00 ‖ canonical(e))
 *     h(n)    = SHA-256(0x01 ‖ h(n-1) ‖ leaf(e_n))                 (32-byte hashes)
 *   v2 (every entry from v2_from on)
 *     h(n)    = SHA-256(0x02 ‖ hex(h(n-1)) ‖ 0x00 ‖ canonical(e_n))  (64 ASCII characters, then UTF-8)
 * h(0) is 32 zero bytes (64 zeros in hex). v2 hashes each entry once: half the fixed cost of v1.
 * The previous hash is always 64 characters, so where it ends and the entry begins is unambiguous.
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
// '\x02' as the first UTF-8 character is the single 0x02 prefix byte of a v2 link.
const V2 = '\x02';
// One reusable 65-byte v1 link buffer: 0x01 ‖ previous hash ‖ leaf hash.
const link = Buffer.alloc(65);
link[0] = 1;

/** Unit-separated fields; absent values are distinguishable from empty strings. */
export function canonical(e: AuditEntry): string {
  const S = '\u001f';
  return `${e.seq}${S}${e.at}${S}${f(e.actorId)}${S}${e.action}${S}${f(e.targetType)}${S}${f(e.targetId)}${S}${f(e.caseCode)}${S}${f(e.purpose)}${S}${e.outcome}${S}${f(e.details)}`;
}

const f = (v: string | null): string => (v === null ? '\u2400' : v);

/** The hash of a new entry (v2, the format every append uses). */
export function chainHash(prevHex: string, e: AuditEntry): string {
  // '\0' as a UTF-8 character is the single 0x00 byte between the previous hash and the entry.
  return hash('sha256', V2 + prevHex + '\0' + canonical(e), 'hex');
}

/** The hash of an entry appended before the switch to v2. */
export function chainHashV1(prevHex: string, e: AuditEntry): string {
  return linkV1(prevHex, '\0' + canonical(e));
}

/** v1 from the previous hash (hex) and the leaf input 0x00 ‖ canonical(e). */
function linkV1(prevHex: string, leafInput: string): string {
  link.write(prevHex, 1, 32, 'hex');
  hash('sha256', leafInput, 'buffer').copy(link, 33);
  return hash('sha256', link, 'hex');
}

export type VerifyResult =
  | { ok: true; entries: number; headSeq: number; headHash: string }
  | { ok: false; entries: number; firstBadSeq: number; reason: string };

/**
 * A stored entry as verification reads it: [seq, 0x00 ‖ canonical(entry), stored hash]. The middle
 * string is v1's leaf input and the tail of v2's link input alike.
 */
export type ChainRow = [seq: number, entryInput: string, hash: string];

export type RangeResult =
  | { ok: true; verified: number; lastSeq: number; lastHash: string }
  | { ok: false; verified: number; firstBadSeq: number; reason: string };

/**
 * Checks a run of entries from..to against the chain, starting from the stored hash of entry
 * from-1. Several ranges can be checked at once (each from its stored predecessor): every stored
 * hash is compared with the one recomputed from its own entry and its predecessor's stored hash,
 * so the ranges together prove exactly what one walk from the genesis would. Catches edits (hash
 * mismatch), deletions and insertions (a gap, or a hash that no longer links) and reorders.
 * Entries before v2From are checked as v1, the rest as v2; a wrong v2From therefore fails the
 * entries it moves across.
 */
export class RangeVerifier {
  private prev: string;
  private expected: number;
  private bad: RangeResult | null = null;

  constructor(
    private readonly from: number,
    prevHash: string,
    private readonly v2From: number,
  ) {
    this.prev = prevHash;
    this.expected = from;
  }

  /** Feed the next rows in sequence order; false once a bad entry has been found. */
  push(rows: readonly ChainRow[]): boolean {
    if (this.bad) return false;
    const v2From = this.v2From;
    let prev = this.prev;
    let expected = this.expected;
    for (const [seq, entryInput, stored] of rows) {
      if (seq !== expected) {
        const reason = seq > expected ? `entry ${expected} is missing` : `entry ${seq} is out of order or duplicated`;
        this.fail(Math.min(seq, expected), reason, expected);
        break;
      }
      const h = seq < v2From ? linkV1(prev, entryInput) : hash('sha256', V2 + prev + entryInput, 'hex');
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
   * characters): each row is 0x00 ‖ canonical(entry) ‖ stored hash, one string. A v2 entry costs
   * one hash over a string and one comparison; hash outputs stay strings (one character per byte,
   * or hex), which Node makes far more cheaply than Buffers. Returns false and changes nothing if
   * any entry fails; the caller then re-reads the page with push() to name the first bad entry.
   */
  pushPacked(rows: readonly string[]): boolean {
    if (this.bad) return false;
    let prev = this.prev;
    // Rows are consecutive from `expected`: the first v1Rows of them come before the switch.
    const v1Rows = Math.min(rows.length, Math.max(0, this.v2From - this.expected));
    let i = 0;
    if (v1Rows > 0) {
      const buf = link;
      for (; i < v1Rows; i++) {
        const row = rows[i];
        buf.write(prev, 1, 32, 'hex');
        buf.write(hash('sha256', row.substring(0, row.length - 64), 'binary'), 33, 32, 'latin1');
        const h = hash('sha256', buf, 'hex');
        if (!row.endsWith(h)) return false;
        prev = h;
      }
    }
    for (; i < rows.length; i++) {
      const row = rows[i];
      const h = hash('sha256', V2 + prev + row.substring(0, row.length - 64), 'hex');
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
