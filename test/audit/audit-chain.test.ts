import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AuditEvent, recordAudit, verifyAudit as verifyWith } from '../../src/audit/audit.service.js';
import { canonical, chainHash } from '../../src/audit/audit.chain.js';
import { sqliteChainRows } from '../../src/audit/audit.canonical-sql.js';
import { pgChainRows } from '../../src/audit/audit.repository.js';
import { createCheckpoint, verifyCheckpoint } from '../../src/audit/checkpoint.js';
import { type TestContext, onPostgres, testContext, withPractice } from '../support/context.js';

// Every check runs on one thread and split across worker threads (each range checked from its
// stored predecessor), which must agree entry for entry. Threads split only the embedded store's
// chain; PostgreSQL is walked on one thread either way, so it runs the checks once.
const layouts: [string, number][] = [
  ['one thread', 0],
  ['three threads', 3],
];
describe.each(onPostgres ? layouts.slice(0, 1) : layouts)('the hash-chained audit log, verified on %s', (_label, threads) => {
  let ctx: TestContext;
  const verifyAudit = (db: TestContext['db']) => verifyWith(db, { threads });
  beforeEach(async () => {
    ctx = await testContext();
    await withPractice(ctx);
    for (let i = 0; i < 8; i++) await recordAudit(ctx.db, ctx.clock, { id: 'u1' }, { action: 'client.read', targetType: 'client', targetId: `c${i}` });
  });
  afterEach(async () => ctx.cleanup());

  const exec = (q: ReturnType<typeof sql>) => q.execute(ctx.db.kysely);

  it('verifies an untouched chain', async () => {
    const r = await verifyAudit(ctx.db);
    expect(r).toMatchObject({ ok: true });
    expect(r.entries).toBeGreaterThanOrEqual(10);
  });

  it('names the first edited entry', async () => {
    await exec(sql`update audit_log set target_id = 'someone-else' where seq = 5`);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: false, firstBadSeq: 5 });
  });

  it('catches a deleted entry', async () => {
    await exec(sql`delete from audit_log where seq = 4`);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: false, firstBadSeq: 4 });
  });

  it('catches a reordered pair (swapped contents)', async () => {
    const rows = (await exec(sql`select * from audit_log where seq in (6, 7) order by seq`)).rows as Record<string, unknown>[];
    const [a, b] = rows;
    for (const [target, src] of [[a, b], [b, a]] as const) {
      await exec(sql`update audit_log set at = ${src.at as string}, target_id = ${src.target_id as string}, hash = ${src.hash as string} where seq = ${Number(target.seq)}`);
    }
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: false, firstBadSeq: 6 });
  });

  it('catches an inserted entry even when its hash is computed correctly for its own position', async () => {
    // Shift entries 6.. up by one and slip a forged entry in at 6: the next entry no longer links.
    await exec(sql`update audit_log set seq = seq + 1000 where seq >= 6`);
    await exec(sql`update audit_log set seq = seq - 999 where seq >= 1006`);
    const prev = (await exec(sql`select hash from audit_log where seq = 5`)).rows[0] as { hash: string };
    const forged = { seq: 6, at: '2026-11-02T10:00:00.000Z', actorId: 'intruder', action: 'client.read', targetType: null, targetId: null, caseCode: null, purpose: null, outcome: 'ok' as const, details: null };
    await exec(sql`insert into audit_log (seq, at, actor_id, action, outcome, hash) values (6, ${forged.at}, 'intruder', 'client.read', 'ok', ${chainHash(prev.hash, forged)})`);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: false, firstBadSeq: 7 });
  });

  it('catches entries cut off the end', async () => {
    await exec(sql`delete from audit_log where seq = (select max(seq) from audit_log)`);
    const r = await verifyAudit(ctx.db);
    expect(r.ok).toBe(false);
  });

  it('a signed checkpoint exposes a rebuilt chain', async () => {
    const cp = await createCheckpoint(ctx);
    expect(await verifyCheckpoint(ctx.db, cp)).toEqual({ ok: true });
    // An attacker edits entry 3 and recomputes every later hash and the head.
    await exec(sql`update audit_log set actor_id = 'covered-up' where seq = 3`);
    const rows = (await exec(sql`select * from audit_log order by seq`)).rows as Record<string, unknown>[];
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const e = { seq: Number(r.seq), at: r.at as string, actorId: r.actor_id as string | null, action: r.action as string, targetType: r.target_type as string | null, targetId: r.target_id as string | null, caseCode: r.case_code as string | null, purpose: r.purpose as string | null, outcome: r.outcome as 'ok', details: r.details as string | null };
      prev = chainHash(prev, e);
      await exec(sql`update audit_log set hash = ${prev} where seq = ${e.seq}`);
    }
    await exec(sql`update audit_head set hash = ${prev} where id = 1`);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
    const res = await verifyCheckpoint(ctx.db, cp);
    expect(res.ok).toBe(false);
    expect(res).toMatchObject({ reason: expect.stringMatching(/rebuilt/) });
    // A forged checkpoint signature is refused too.
    expect(await verifyCheckpoint(ctx.db, { ...cp, hash: prev })).toMatchObject({ ok: false, reason: expect.stringMatching(/signature/) });
  });

  it('200 concurrent appends produce one gap-free chain', async () => {
    const before = (await verifyAudit(ctx.db)).entries;
    await Promise.all(Array.from({ length: 200 }, (_, i) => recordAudit(ctx.db, ctx.clock, { id: `u${i % 7}` }, { action: 'note.read', targetId: `n${i}` })));
    const r = await verifyAudit(ctx.db);
    expect(r).toMatchObject({ ok: true, entries: before + 200 });
  });

  it('catches a field boundary moved into the stored hash', async () => {
    // Entry 5 has no details, so its canonical form ends with the null marker. Emptying the column
    // and prefixing the marker to the stored hash leaves the concatenated text unchanged; the check
    // must still see that the stored hash is not the entry's hash.
    await exec(sql`update audit_log set details = '', hash = ${'\u2400'} || hash where seq = 5`);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: false, firstBadSeq: 5 });
  });

  it('catches an entry slipped in beyond the recorded head', async () => {
    const head = (await exec(sql`select seq, hash from audit_head where id = 1`)).rows[0] as { seq: number; hash: string };
    const seq = Number(head.seq) + 1;
    const forged = { seq, at: '2026-11-02T10:00:00.000Z', actorId: 'intruder', action: 'client.read', targetType: null, targetId: null, caseCode: null, purpose: null, outcome: 'ok' as const, details: null };
    await exec(sql`insert into audit_log (seq, at, actor_id, action, outcome, hash) values (${seq}, ${forged.at}, 'intruder', 'client.read', 'ok', ${chainHash(head.hash, forged)})`);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: false, firstBadSeq: seq, reason: expect.stringMatching(/beyond the recorded head/) });
  });

  it('is not fooled by verification running while entries are appended', async () => {
    const appends = Promise.all(Array.from({ length: 60 }, (_, i) => recordAudit(ctx.db, ctx.clock, { id: 'u2' }, { action: 'note.read', targetId: `n${i}` })));
    const during = await verifyAudit(ctx.db);
    await appends;
    expect(during.ok).toBe(true);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });
});

describe('canonical form computed by the database', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await testContext();
  });
  afterEach(async () => ctx.cleanup());

  it('matches the application byte for byte, nulls, empty strings and non-ASCII included', async () => {
    const events: AuditEvent[] = [
      { action: 'client.read', targetType: 'client', targetId: 'c1' },
      { action: 'note.sign', purpose: '', caseCode: 'C-ABCD-EFGH', details: { reason: 'Zoë — “quoted”\nsecond line', n: 3 } },
      { action: 'export', outcome: 'denied', details: { emoji: '🙂', tab: '\t', unit: '\u001f' } },
    ];
    for (const ev of events) await recordAudit(ctx.db, ctx.clock, { id: 'u1' }, ev);
    const head = (await exec(ctx, sql`select max(seq) as m from audit_log`)).rows[0] as { m: number };
    const fromDb = ctx.db.sqlite ? sqliteChainRows(ctx.db.sqlite)(1, Number(head.m)) : await pgChainRows(ctx.db.kysely, 1, Number(head.m));
    const stored = (await exec(ctx, sql`select * from audit_log order by seq`)).rows as Record<string, unknown>[];
    expect(fromDb).toHaveLength(stored.length);
    stored.forEach((r, i) => {
      const e = { seq: Number(r.seq), at: r.at as string, actorId: r.actor_id as string | null, action: r.action as string, targetType: r.target_type as string | null, targetId: r.target_id as string | null, caseCode: r.case_code as string | null, purpose: r.purpose as string | null, outcome: r.outcome as 'ok', details: r.details as string | null };
      expect(fromDb[i]).toEqual([e.seq, '\0' + canonical(e), r.hash]);
    });
  });
});

const exec = (ctx: TestContext, q: ReturnType<typeof sql>) => q.execute(ctx.db.kysely);
