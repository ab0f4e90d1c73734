import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, openBackup, restoreBackup } from '../../src/features/backup/backup.service.js';
import { createClient, eraseClient, getClient } from '../../src/features/clients/clients.service.js';
import { addNote, listNotes } from '../../src/features/notes/notes.service.js';
import { verifyAudit } from '../../src/audit/audit.service.js';
import type { Principal } from '../../src/core/access.js';
import { PASSPHRASE, type TestContext, testContext, withPractice } from '../support/context.js';

describe('backups and secure disposal', () => {
  let ctx: TestContext;
  let op: Principal;
  beforeEach(async () => {
    ctx = await testContext();
    ({ operator: op } = await withPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('restores a backup exactly', async () => {
    const a = await createClient(ctx, op, { name: 'Robin Example' });
    await addNote(ctx, op, a.id, { text: 'first note' });
    const file = await createBackup(ctx, () => {});
    await addNote(ctx, op, a.id, { text: 'written after the backup' });
    await restoreBackup(ctx, await openBackup(file, { passphrase: PASSPHRASE }), () => {});
    expect((await listNotes(ctx, op, a.id)).map((n) => n.text)).toEqual(['first note']);
    expect((await getClient(ctx, op, a.id)).identity.name).toBe('Robin Example');
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });

  it('refuses a backup opened with the wrong passphrase or a file that is not a backup', async () => {
    const file = await createBackup(ctx, () => {});
    await expect(openBackup(file, { passphrase: 'not the passphrase at all' })).rejects.toThrow(/not right/);
    await expect(openBackup({ format: 'zip' } as never, { passphrase: PASSPHRASE })).rejects.toThrow(/not a Sanctum backup/);
  });

  it('a backup taken before a disposal cannot bring the destroyed client back', async () => {
    const keep = await createClient(ctx, op, { name: 'Kept Client' });
    const gone = await createClient(ctx, op, { name: 'Destroyed Client' });
    await addNote(ctx, op, gone.id, { text: 'to be destroyed' });
    const file = await createBackup(ctx, () => {});
    await eraseClient(ctx, op, gone.id, 'erasure_request');
    await expect(getClient(ctx, op, gone.id)).rejects.toMatchObject({ code: 'erased' });

    await restoreBackup(ctx, await openBackup(file, { passphrase: PASSPHRASE }), () => {});
    await expect(getClient(ctx, op, gone.id)).rejects.toMatchObject({ code: 'erased' });
    await expect(listNotes(ctx, op, gone.id)).rejects.toMatchObject({ code: 'erased' });
    expect((await getClient(ctx, op, keep.id)).identity.name).toBe('Kept Client');
    // No key material for the destroyed client exists anywhere in the live store.
    const keys = (await sql<{ wrapped: string | null }>`select wrapped from client_keys where client_id = ${gone.id}`.execute(ctx.db.kysely)).rows;
    expect(keys.every((k) => k.wrapped === null)).toBe(true);
    // The erasure record survived the restore.
    const erasures = (await sql<{ n: number }>`select count(*) as n from audit_log where action = 'client.erase'`.execute(ctx.db.kysely)).rows[0];
    expect(Number(erasures.n)).toBe(1);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });
});

describe('restore with people signed in', () => {
  it('signs everyone out instead of failing on their sessions', async () => {
    const { setUpPractice } = await import('../support/api.js');
    const ctx = await testContext();
    try {
      const { api } = await setUpPractice(ctx);
      await api.post('/api/clients', { name: 'Signed In Client' });
      const file = await createBackup(ctx, () => {});
      await restoreBackup(ctx, await openBackup(file, { passphrase: PASSPHRASE }), () => {});
      expect((await api.get('/api/clients')).statusCode).toBe(401);
    } finally {
      await ctx.cleanup();
    }
  });
});
