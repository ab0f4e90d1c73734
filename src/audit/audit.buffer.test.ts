import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestContext, onPostgres, testContext, withPractice } from '../../test/support/context.js';
import { writeTx } from '../db/tx.js';
import { appendAudit, recordRead, verifyAudit } from './audit.service.js';

const read = (i: number) => ({ action: 'record.open', targetType: 'client', targetId: `c${i}`, caseCode: 'C-TEST', purpose: 'care' });

describe('group-committed read records', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await testContext();
    await withPractice(ctx);
  });
  afterEach(async () => ctx.cleanup());

  const logged = async () =>
    (await ctx.db.kysely.selectFrom('audit_log').select(['seq', 'action', 'target_id']).where('action', '=', 'record.open').orderBy('seq').execute()).map((r) => r.target_id);

  it('writes every record in order, in one chain that still verifies', async () => {
    for (let i = 0; i < 30; i++) recordRead(ctx, { id: 'u1' }, read(i));
    expect(ctx.audit.size).toBe(30);
    await ctx.audit.flush();
    expect(ctx.audit.size).toBe(0);
    expect(await logged()).toEqual(Array.from({ length: 30 }, (_, i) => `c${i}`));
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });

  it('interleaves with writes that append in their own transactions without a gap or a fork', async () => {
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      recordRead(ctx, { id: 'u1' }, read(i));
      if (i % 4 === 0) writes.push(writeTx(ctx.db, (trx) => appendAudit(trx, ctx.clock, { id: 'u1' }, { action: 'note.create', targetType: 'note', targetId: `n${i}` })));
      if (i % 10 === 9) writes.push(ctx.audit.flush());
    }
    await Promise.all(writes);
    await ctx.audit.flush();
    expect(await logged()).toHaveLength(40);
    const seqs = (await ctx.db.kysely.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });

  it.skipIf(onPostgres)('leaves the embedded connection fsyncing every later commit (synchronous=FULL)', async () => {
    recordRead(ctx, { id: 'u1' }, read(1));
    await ctx.audit.flush();
    expect(ctx.db.sqlite!.pragma('synchronous', { simple: true })).toBe(2);
  });

  it.skipIf(onPostgres)('waits for a write that is part-way through its transaction instead of changing the pragma under it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const write = writeTx(ctx.db, async (trx) => {
      await appendAudit(trx, ctx.clock, { id: 'u1' }, { action: 'note.create', targetType: 'note', targetId: 'n1' });
      await held;
    });
    // Let the write open its transaction, then flush while it is still open.
    await new Promise((r) => setTimeout(r, 20));
    expect(ctx.db.sqlite!.inTransaction).toBe(true);
    recordRead(ctx, { id: 'u1' }, read(1));
    const flushed = ctx.audit.flush();
    expect(ctx.db.sqlite!.pragma('synchronous', { simple: true })).toBe(2);
    release();
    await Promise.all([write, flushed]);
    expect(await logged()).toEqual(['c1']);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });
});
