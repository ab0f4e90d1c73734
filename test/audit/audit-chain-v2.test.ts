import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAudit, verifyAudit as verifyWith } from '../../src/audit/audit.service.js';
import { canonical, chainHash, chainHashV1, GENESIS_HASH, RangeVerifier } from '../../src/audit/audit.chain.js';
import { verifySqliteRange } from '../../src/audit/audit.verify-range.js';
import { createCheckpoint, verifyCheckpoint } from '../../src/audit/checkpoint.js';
import { SQLITE_FILE } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { type TestContext, onPostgres, testContext, testStore, withPractice } from '../support/context.js';
import { canonicalOf, contextWithV1History, expectedV1, expectedV2, headSeq, historicEntry, rowsOf, switchPoint } from './chain-history.js';
import { join } from 'node:path';

const V2_ENTRIES = 9;

// A store whose first entries were appended before chain format v2 and the rest after. With three
// threads and 18 entries the ranges are 1–6, 7–12 and 13–18: nine v1 entries put the switch (10)
// inside a range, twelve put it (13) at the first entry of one. Threads split only the embedded
// store's chain (PostgreSQL is walked in pages on one thread), so there the layouts are one.
const layouts: [string, number, number][] = [
  ['one thread, switch at 10', 0, 9],
  ['three threads, switch inside a range', 3, 9],
  ['three threads, switch at a range start', 3, 12],
];
describe.each(onPostgres ? layouts.slice(0, 1) : layouts)('a chain of v1 entries followed by v2 entries, %s', (_label, threads, v1Entries) => {
  let ctx: TestContext;
  const V = v1Entries + 1;
  const verify = () => verifyWith(ctx.db, { threads });
  const exec = (q: ReturnType<typeof sql>) => q.execute(ctx.db.kysely);

  beforeEach(async () => {
    ctx = await contextWithV1History(v1Entries);
    for (let i = 0; i < V2_ENTRIES - (v1Entries - 9); i++) await recordAudit(ctx.db, ctx.clock, { id: 'u1' }, { action: 'client.read', targetType: 'client', targetId: `c${i}`, details: { n: i, note: 'Zoë' } });
  });
  afterEach(async () => ctx.cleanup());

  it('records the switch after the last v1 entry and verifies the whole chain', async () => {
    expect(await switchPoint(ctx.db)).toBe(V);
    expect(await headSeq(ctx.db)).toBe(18);
    expect(await verify()).toMatchObject({ ok: true, entries: 18, headSeq: 18 });
  });

  it.each([2, V - 1, V, V + 2])('names an edited entry (%i)', async (seq) => {
    await exec(sql`update audit_log set target_id = 'someone-else' where seq = ${seq}`);
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: seq });
  });

  it.each([2, V - 1, V, V + 2])('catches a deleted entry (%i)', async (seq) => {
    await exec(sql`delete from audit_log where seq = ${seq}`);
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: seq });
  });

  it.each([3, V - 1, V + 2])('catches a reordered pair (%i and the next)', async (seq) => {
    const [a, b] = (await exec(sql`select * from audit_log where seq in (${seq}, ${seq + 1}) order by seq`)).rows as Record<string, unknown>[];
    const col = (r: Record<string, unknown>, c: string) => r[c] as string | null;
    for (const [target, src] of [[a, b], [b, a]] as const) {
      await exec(sql`update audit_log set at = ${col(src, 'at')}, actor_id = ${col(src, 'actor_id')}, action = ${col(src, 'action')}, target_type = ${col(src, 'target_type')},
        target_id = ${col(src, 'target_id')}, case_code = ${col(src, 'case_code')}, purpose = ${col(src, 'purpose')}, outcome = ${col(src, 'outcome')}, details = ${col(src, 'details')}, hash = ${col(src, 'hash')}
        where seq = ${Number(target.seq)}`);
    }
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: seq });
  });

  it.each([3, V - 1, V, V + 2])('catches an entry inserted at %i with the right hash for its position and format', async (seq) => {
    await exec(sql`update audit_log set seq = seq + 1000 where seq >= ${seq}`);
    await exec(sql`update audit_log set seq = seq - 999 where seq >= ${seq + 1000}`);
    const [prev] = (await exec(sql`select hash from audit_log where seq = ${seq - 1}`)).rows as { hash: string }[];
    const forged = { ...historicEntry(seq), actorId: 'intruder' };
    const h = seq < V ? chainHashV1(prev.hash, forged) : chainHash(prev.hash, forged);
    await exec(sql`insert into audit_log (seq, at, actor_id, action, target_type, target_id, case_code, purpose, outcome, details, hash)
      values (${seq}, ${forged.at}, ${forged.actorId}, ${forged.action}, ${forged.targetType}, ${forged.targetId}, ${forged.caseCode}, ${forged.purpose}, ${forged.outcome}, ${forged.details}, ${h})`);
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: seq + 1 });
  });

  it('catches entries cut off the end', async () => {
    await exec(sql`delete from audit_log where seq = 18`);
    expect(await verify()).toMatchObject({ ok: false });
  });

  it('catches an entry slipped in beyond the recorded head', async () => {
    const [head] = (await exec(sql`select hash from audit_head where id = 1`)).rows as { hash: string }[];
    const forged = { seq: 19, at: '2026-11-02T10:00:00.000Z', actorId: 'intruder', action: 'client.read', targetType: null, targetId: null, caseCode: null, purpose: null, outcome: 'ok' as const, details: null };
    await exec(sql`insert into audit_log (seq, at, actor_id, action, outcome, hash) values (19, ${forged.at}, 'intruder', 'client.read', 'ok', ${chainHash(head.hash, forged)})`);
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: 19, reason: expect.stringMatching(/beyond the recorded head/) });
  });

  // Moving the switch changes which formula applies to the entries it crosses, so their stored
  // hashes stop matching; values that cross no entry are outside 1..head+1 and refused outright.
  it.each([
    ['one earlier', V - 1, V - 1],
    ['one later', V + 1, V],
    ['to the first entry', 1, 1],
    ['to just after the head', 19, V],
  ])('catches v2_from moved %s', async (_what, value, firstBadSeq) => {
    await exec(sql`update audit_head set v2_from = ${value} where id = 1`);
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq });
  });

  it.each([0, -3, 20, 1_000_000])('refuses v2_from set to %i, which no entry could reveal', async (value) => {
    await exec(sql`update audit_head set v2_from = ${value} where id = 1`);
    expect(await verify()).toMatchObject({ ok: false, entries: 0, reason: expect.stringMatching(/chain format v2/) });
  });

  it('keeps a gap-free chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => recordAudit(ctx.db, ctx.clock, { id: `u${i % 5}` }, { action: 'note.read', targetId: `n${i}` })));
    expect(await verify()).toMatchObject({ ok: true, entries: 58 });
  });
});

describe('chain format v2, by its definition', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('a new store starts at v2 from its first entry, hashed once over the previous hash in hex', async () => {
    const ctx = await testContext();
    cleanups.push(ctx.cleanup);
    await recordAudit(ctx.db, ctx.clock, { id: 'u1' }, { action: 'client.read', targetId: 'c1', details: { reason: 'Zoë 🙂' } });
    expect(await switchPoint(ctx.db)).toBe(1);
    const rows = await rowsOf(ctx.db, sql`select * from audit_log order by seq`);
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const v2 = expectedV2(prev, canonicalOf(r));
      // Were v2 to fall back to v1, the stored hash would be this one instead.
      expect(v2).not.toBe(expectedV1(prev, canonicalOf(r)));
      expect(r.hash).toBe(v2);
      prev = v2;
    }
    expect(await verifyWith(ctx.db)).toMatchObject({ ok: true, entries: rows.length });
  });

  it('start-up migration keeps the stored v1 entries and hashes every later entry as v2', async () => {
    const ctx = await contextWithV1History(7);
    cleanups.push(ctx.cleanup);
    for (let i = 0; i < 3; i++) await recordAudit(ctx.db, ctx.clock, { id: 'u1' }, { action: 'note.read', targetId: `n${i}`, caseCode: 'C-ABCD-EFGH' });
    expect(await switchPoint(ctx.db)).toBe(8);
    const rows = await rowsOf(ctx.db, sql`select * from audit_log order by seq`);
    expect(rows).toHaveLength(10);
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const expected = Number(r.seq) < 8 ? expectedV1(prev, canonicalOf(r)) : expectedV2(prev, canonicalOf(r));
      expect(r.hash, `entry ${String(r.seq)}`).toBe(expected);
      prev = expected;
    }
    expect(await verifyWith(ctx.db, { threads: 0 })).toMatchObject({ ok: true, entries: 10 });
  });

  it('the fast path accepts complete pages on either side of the switch and across it, and refuses a tampered one', () => {
    // Six v1 entries then six v2 entries, as the embedded store packs them: 0x00 ‖ canonical ‖ hash.
    const hashes: string[] = [];
    const packed: string[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 12; seq++) {
      const e = historicEntry(seq);
      prev = seq < 7 ? chainHashV1(prev, e) : chainHash(prev, e);
      hashes.push(prev);
      packed.push('\0' + canonical(e) + prev);
    }
    for (let from = 1; from <= 12; from++) {
      for (let to = from; to <= 12; to++) {
        for (let cut = from; cut <= to + 1; cut++) {
          // Two pages, from..cut-1 and cut..to, from entry from-1's stored hash.
          const v = new RangeVerifier(from, from === 1 ? GENESIS_HASH : hashes[from - 2], 7);
          expect(v.pushPacked(packed.slice(from - 1, cut - 1)) && v.pushPacked(packed.slice(cut - 1, to)), `${from}..${cut - 1}, ${cut}..${to}`).toBe(true);
          expect(v.finish(to)).toEqual({ ok: true, verified: to - from + 1, lastSeq: to, lastHash: hashes[to - 1] });
        }
      }
    }
    for (const seq of [6, 7]) {
      const tampered = packed.map((r, i) => (i === seq - 1 ? r.replace('c' + seq, 'cX') : r));
      expect(new RangeVerifier(1, GENESIS_HASH, 7).pushPacked(tampered)).toBe(false);
    }
  });

  it('migrating an empty store records the switch at entry 1', async () => {
    const store = await testStore();
    cleanups.push(store.cleanup);
    await migrateToLatest(store.db);
    expect(await switchPoint(store.db)).toBe(1);
    expect(await verifyWith(store.db)).toMatchObject({ ok: true, entries: 0, headHash: GENESIS_HASH });
  });

  it.skipIf(onPostgres)('every split of the embedded chain into two ranges verifies, and a tampered entry is named from either side', async () => {
    const ctx = await contextWithV1History(6);
    cleanups.push(ctx.cleanup);
    for (let i = 0; i < 6; i++) await recordAudit(ctx.db, ctx.clock, { id: 'u1' }, { action: 'note.read', targetId: `n${i}` });
    const file = join(ctx.store.dataDir!, SQLITE_FILE);
    const hashes = (await rowsOf(ctx.db, sql`select hash from audit_log order by seq`)).map((r) => String(r.hash));
    const job = (from: number, to: number) => ({ file, from, to, prevHash: from === 1 ? GENESIS_HASH : hashes[from - 2], v2From: 7 });
    for (let m = 1; m < 12; m++) {
      expect(verifySqliteRange(job(1, m)), `1..${m}`).toMatchObject({ ok: true, lastSeq: m, lastHash: hashes[m - 1] });
      expect(verifySqliteRange(job(m + 1, 12)), `${m + 1}..12`).toMatchObject({ ok: true, lastSeq: 12, lastHash: hashes[11] });
    }
    // The last v1 entry, then the first v2 entry (the first edit undone before the second).
    for (const [seq, original] of [[6, null], [7, null]] as const) {
      await sql`update audit_log set purpose = 'changed' where seq = ${seq}`.execute(ctx.db.kysely);
      for (let m = 1; m < 12; m++) {
        const bad = m >= seq ? verifySqliteRange(job(1, m)) : verifySqliteRange(job(m + 1, 12));
        expect(bad, `entry ${seq}, split after ${m}`).toMatchObject({ ok: false, firstBadSeq: seq });
      }
      await sql`update audit_log set purpose = ${original} where seq = ${seq}`.execute(ctx.db.kysely);
    }
    expect(verifySqliteRange(job(1, 12))).toMatchObject({ ok: true });
  });

  it('a chain rebuilt as v2 from the first entry, switch moved to match, still fails its signed checkpoint', async () => {
    const ctx = await contextWithV1History(5);
    cleanups.push(ctx.cleanup);
    await withPractice(ctx);
    const cp = await createCheckpoint(ctx);
    expect(await verifyCheckpoint(ctx.db, cp)).toEqual({ ok: true });
    // The attacker edits a v1 entry and recomputes every hash as v2, moving the switch to 1.
    await sql`update audit_log set actor_id = 'covered-up' where seq = 2`.execute(ctx.db.kysely);
    let prev = GENESIS_HASH;
    for (const r of await rowsOf(ctx.db, sql`select * from audit_log order by seq`)) {
      prev = expectedV2(prev, canonicalOf(r));
      await sql`update audit_log set hash = ${prev} where seq = ${Number(r.seq)}`.execute(ctx.db.kysely);
    }
    await sql`update audit_head set hash = ${prev}, v2_from = 1 where id = 1`.execute(ctx.db.kysely);
    expect(await verifyWith(ctx.db)).toMatchObject({ ok: true });
    expect(await verifyCheckpoint(ctx.db, cp)).toMatchObject({ ok: false, reason: expect.stringMatching(/rebuilt/) });
  });
});
