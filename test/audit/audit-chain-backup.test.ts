import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../src/audit/audit.chain.js';
import { recordAudit, verifyAudit } from '../../src/audit/audit.service.js';
import { createBackup, openBackup, restoreBackup } from '../../src/features/backup/backup.service.js';
import { createClient } from '../../src/features/clients/clients.service.js';
import { exportKeyStore, installKeyStore } from '../../src/features/keystore/keystore.service.js';
import { unsealVault } from '../../src/features/vault/vault.service.js';
import { PASSPHRASE, type TestContext, testContext, withPractice } from '../support/context.js';
import { canonicalOf, contextWithV1History, expectedV1, expectedV2, headSeq, rowsOf, switchPoint } from './chain-history.js';

type Tables = Awaited<ReturnType<typeof openBackup>>;
const secret = { passphrase: PASSPHRASE };
const cli = { id: 'cli' };

/**
 * The tables of a backup as a version before chain format v2 wrote them: every entry hashed as
 * v1 and no switch recorded in the head row.
 */
function asBeforeV2(tables: Tables, upTo = Infinity): Tables {
  const log = [...tables.audit_log].filter((r) => Number(r.seq) <= upTo).sort((a, b) => Number(a.seq) - Number(b.seq));
  let prev = GENESIS_HASH;
  const rewritten = log.map((r): Record<string, unknown> => {
    prev = expectedV1(prev, canonicalOf(r));
    return { ...r, hash: prev };
  });
  const { v2_from: _dropped, ...head } = tables.audit_head[0];
  const last = rewritten[rewritten.length - 1];
  return { ...tables, audit_log: rewritten, audit_head: [{ ...head, seq: last.seq, hash: last.hash }] };
}

/** Every stored hash is the one its format gives, v1 before the recorded switch and v2 from it. */
async function expectFormats(ctx: TestContext, v2From: number): Promise<void> {
  let prev = GENESIS_HASH;
  for (const r of await rowsOf(ctx.db, sql`select * from audit_log order by seq`)) {
    const expected = Number(r.seq) < v2From ? expectedV1(prev, canonicalOf(r)) : expectedV2(prev, canonicalOf(r));
    expect(r.hash, `entry ${String(r.seq)}`).toBe(expected);
    prev = expected;
  }
}

describe('restoring backups across the switch to chain format v2', () => {
  const contexts: TestContext[] = [];
  const track = (c: TestContext) => (contexts.push(c), c);
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.cleanup();
  });

  it('a backup made before v2, restored in place, keeps its v1 history and carries the live log after it as v2', async () => {
    const ctx = track(await testContext());
    const { operator } = await withPractice(ctx);
    await createClient(ctx, operator, { name: 'Robin Example' });
    const tables = asBeforeV2(await openBackup(await createBackup(ctx, () => {}), secret));
    const backupHead = Number(tables.audit_head[0].seq);
    for (let i = 0; i < 5; i++) await recordAudit(ctx.db, ctx.clock, cli, { action: 'client.read', targetId: `c${i}` });
    const liveBefore = await headSeq(ctx.db);

    await restoreBackup(ctx, tables, () => {});
    expect(await switchPoint(ctx.db)).toBe(backupHead + 1);
    // The backup's history, then every live entry carried after it, then the restore itself.
    expect(await headSeq(ctx.db)).toBe(backupHead + liveBefore + 1);
    await expectFormats(ctx, backupHead + 1);
    expect(await verifyAudit(ctx.db, { threads: 0 })).toMatchObject({ ok: true });
    expect(await verifyAudit(ctx.db, { threads: 3 })).toMatchObject({ ok: true });
  });

  it('a backup made before v2 whose history the live log extends keeps the live log and its switch', async () => {
    const ctx = track(await contextWithV1History(8));
    await withPractice(ctx);
    // The backup's log ends inside the live store's v1 history.
    const tables = asBeforeV2(await openBackup(await createBackup(ctx, () => {}), secret), 6);
    const liveHead = await headSeq(ctx.db);
    await restoreBackup(ctx, tables, () => {});
    expect(await switchPoint(ctx.db)).toBe(9);
    expect(await headSeq(ctx.db)).toBe(liveHead + 1);
    await expectFormats(ctx, 9);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });

  it.each([
    ['made before v2', true],
    ['with v1 history followed by v2 entries', false],
  ])('a backup %s, restored onto a new machine, verifies with the new machine’s entries after it', async (_label, beforeV2) => {
    const ctx = track(await contextWithV1History(6));
    await withPractice(ctx);
    const keys = await exportKeyStore(ctx, cli);
    const opened = await openBackup(await createBackup(ctx, () => {}), secret);
    const tables = beforeV2 ? asBeforeV2(opened) : opened;
    const expectedSwitch = beforeV2 ? Number(tables.audit_head[0].seq) + 1 : 7;
    expect(Number(opened.audit_head[0].v2_from)).toBe(7);

    const other = track(await testContext());
    await installKeyStore(other, keys, cli);
    await unsealVault(other, secret, cli);
    await restoreBackup(other, tables, () => {});
    expect(await switchPoint(other.db)).toBe(expectedSwitch);
    await expectFormats(other, expectedSwitch);
    expect(await verifyAudit(other.db, { threads: 0 })).toMatchObject({ ok: true });
    expect(await verifyAudit(other.db, { threads: 3 })).toMatchObject({ ok: true });
    const actions = (await rowsOf(other.db, sql`select action from audit_log order by seq`)).map((r) => r.action);
    expect(actions.slice(-3)).toEqual(['keys.import', 'vault.unseal', 'backup.restore']);
  });
});
