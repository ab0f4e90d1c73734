import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, type TestContext, testContext, withPractice } from '../../../test/support/context.js';
import { appendAuditBatch, verifyAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import { createBackup, openBackup, restoreBackup } from './backup.service.js';

describe('a backup reads large tables whole', () => {
  let ctx: TestContext;
  afterEach(async () => ctx?.cleanup());

  it('carries every row of a table longer than one read, in order, and restores to an intact chain', async () => {
    ctx = await testContext();
    await withPractice(ctx);
    const at = ctx.clock.now();
    await writeTx(ctx.db, (trx) => appendAuditBatch(trx, Array.from({ length: 4500 }, (_, i) => ({ at, actor: { id: 'cli' }, ev: { action: 'test.filler', targetId: String(i) } }))));
    const total = Number((await ctx.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const tables = await openBackup(await createBackup(ctx, () => {}), { passphrase: PASSPHRASE });
    // The backup's own entry is appended before the tables are read.
    expect(tables.audit_log).toHaveLength(total + 1);
    const seqs = tables.audit_log.map((r) => Number(r.seq));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(Math.max(...seqs)).toBe(total + 1);
    await restoreBackup(ctx, tables, () => {});
    expect((await verifyAudit(ctx.db)).ok).toBe(true);
  });
});
