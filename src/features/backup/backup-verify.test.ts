import { gzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, type TestContext, testContext, withPractice } from '../../../test/support/context.js';
import { newDataKey, seal } from '../../crypto/envelope.js';
import { createClient } from '../clients/clients.service.js';
import type { BackupFile } from './backup.file.js';
import { createBackup, openBackup } from './backup.service.js';
import { verifyBackupFile } from './backup-verify.service.js';

const secret = { passphrase: PASSPHRASE };

/** The same backup with different contents, sealed properly under this vault's master key. */
function resealed(ctx: TestContext, file: BackupFile, tables: unknown): BackupFile {
  const key = newDataKey();
  const payload = seal(key, Buffer.from(gzipSync(Buffer.from(JSON.stringify(tables), 'utf8'))), Buffer.from('sanctum-backup\0v1', 'utf8'));
  return { ...file, wrappedBackupKey: ctx.vault.wrapBackupKey(key), payload };
}

describe('the restore drill', () => {
  let ctx: TestContext;
  afterEach(async () => ctx?.cleanup());

  it('restores a backup from either store into a scratch embedded store and finds it whole', async () => {
    ctx = await testContext();
    const { operator } = await withPractice(ctx);
    await createClient(ctx, operator, { name: 'Drill Client' });
    const file = await createBackup(ctx, () => {});
    const r = await verifyBackupFile(file, secret);
    expect(r).toMatchObject({ ok: true, madeAt: file.createdAt, audit: { ok: true, problem: null }, mismatched: [], clients: 1, notes: 0 });
    expect(r.tables.find((t) => t.table === 'clients')).toEqual({ table: 'clients', inBackup: 1, restored: 1 });
  });

  it('reports an edited audit history, and a table that would not restore whole', async () => {
    ctx = await testContext();
    await withPractice(ctx);
    const file = await createBackup(ctx, () => {});
    const tables = await openBackup(file, secret);
    const edited = { ...tables, audit_log: tables.audit_log.map((e, i) => (i === 1 ? { ...e, action: 'something.else' } : e)) };
    const broken = await verifyBackupFile(resealed(ctx, file, edited), secret);
    expect(broken.ok).toBe(false);
    expect(broken.audit).toMatchObject({ ok: false, problem: expect.stringMatching(/^broken at entry 2/) });

    const foreign = await verifyBackupFile(resealed(ctx, file, { ...tables, a_table_from_a_newer_version: [{ x: 1 }] }), secret);
    expect(foreign).toMatchObject({ ok: false, mismatched: ['a_table_from_a_newer_version'] });
  });
});
