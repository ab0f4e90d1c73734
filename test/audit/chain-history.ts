import { createHash } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { type AuditEntry, GENESIS_HASH, chainHashV1 } from '../../src/audit/audit.chain.js';
import { fixedClock } from '../../src/core/clock.js';
import { TEST_KDF } from '../../src/crypto/kdf.js';
import type { Db } from '../../src/db/connection.js';
import { migrations } from '../../src/db/migrations/index.js';
import { buildContext } from '../../src/main.js';
import { type TestContext, testStore } from '../support/context.js';

/** The last migration before chain format v2: a store at this point holds v1 entries only. */
export const BEFORE_V2 = '0100_notes_newest_first';

/** A v1-era entry with nulls, empty strings and non-ASCII text, so both formats see every shape. */
export function historicEntry(seq: number): AuditEntry {
  return {
    seq,
    at: new Date(Date.UTC(2025, 0, 1) + seq * 60_000).toISOString(),
    actorId: seq % 3 ? `u${seq % 4}` : null,
    action: seq % 2 ? 'client.read' : 'note.sign',
    targetType: seq % 2 ? 'client' : null,
    targetId: `c${seq}`,
    caseCode: seq % 4 === 0 ? 'C-ABCD-EFGH' : null,
    purpose: seq % 5 === 0 ? '' : null,
    outcome: 'ok',
    details: seq % 3 === 0 ? JSON.stringify({ reason: 'Zoë — “quoted” 🙂', unit: '\u001f', n: seq }) : null,
  };
}

/**
 * A store as it was before chain format v2, holding `v1Entries` v1 entries, then brought up to
 * date the way start-up does it (which records the switch after them). Every entry appended from
 * then on is v2.
 */
export async function contextWithV1History(v1Entries: number): Promise<TestContext> {
  const store = await testStore();
  const migrator = new Migrator({ db: store.db.kysely, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo(BEFORE_V2);
  if (error) throw error;
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= v1Entries; seq++) {
    const e = historicEntry(seq);
    prev = chainHashV1(prev, e);
    await sql`insert into audit_log (seq, at, actor_id, action, target_type, target_id, case_code, purpose, outcome, details, hash)
      values (${e.seq}, ${e.at}, ${e.actorId}, ${e.action}, ${e.targetType}, ${e.targetId}, ${e.caseCode}, ${e.purpose}, ${e.outcome}, ${e.details}, ${prev})`.execute(store.db.kysely);
  }
  await sql`update audit_head set seq = ${v1Entries}, hash = ${prev} where id = 1`.execute(store.db.kysely);
  const clock = fixedClock('2026-11-02T10:00:00.000Z');
  const ctx = await buildContext({ db: store.db, clock, config: { vaultKdf: TEST_KDF, passwordKdf: TEST_KDF } });
  return { ...ctx, clock, store, cleanup: async () => { await ctx.audit.flush(); await store.cleanup(); } };
}

export type Row = Record<string, unknown>;

export const rowsOf = async (db: Db, q: ReturnType<typeof sql>): Promise<Row[]> => (await q.execute(db.kysely)).rows as Row[];

export async function switchPoint(db: Db): Promise<number> {
  const [r] = await rowsOf(db, sql`select v2_from from audit_head where id = 1`);
  return Number(r.v2_from);
}

export async function headSeq(db: Db): Promise<number> {
  const [r] = await rowsOf(db, sql`select seq from audit_head where id = 1`);
  return Number(r.seq);
}

// Both formats written out here from their definitions (docs/adr/0006), independently of
// src/audit/audit.chain.ts, so a change to either formula there fails the tests.
const nul = (v: unknown) => (v === null ? '\u2400' : String(v));

export function canonicalOf(r: Row): string {
  return [r.seq, r.at, nul(r.actor_id), r.action, nul(r.target_type), nul(r.target_id), nul(r.case_code), nul(r.purpose), r.outcome, nul(r.details)].map(String).join('\u001f');
}

export function expectedV1(prevHex: string, canonicalText: string): string {
  const leaf = createHash('sha256').update(Buffer.from([0])).update(canonicalText, 'utf8').digest();
  return createHash('sha256').update(Buffer.from([1])).update(Buffer.from(prevHex, 'hex')).update(leaf).digest('hex');
}

export function expectedV2(prevHex: string, canonicalText: string): string {
  return createHash('sha256').update(Buffer.from([2])).update(prevHex, 'ascii').update(Buffer.from([0])).update(canonicalText, 'utf8').digest('hex');
}
