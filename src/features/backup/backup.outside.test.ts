import { gzipSync } from 'fflate';
import { verifyAudit } from '../../audit/audit.service.js';
import { afterEach, describe, expect, it } from 'vitest';
import { newDataKey, seal } from '../../crypto/envelope.js';
import { PASSPHRASE, type TestContext, testContext, withPractice } from '../../../test/support/context.js';
import { exportKeyStore, verifyKeyStore } from '../keystore/keystore.service.js';
import { parseKeyStore } from '../keystore/keystore.js';
import { type BackupFile, createBackup, openBackup, restoreBackup } from './backup.service.js';
import { parseBackupText } from './backup.file.js';

const secret = { passphrase: PASSPHRASE };

/** A backup whose payload is whatever the test says, sealed properly under this vault's master key. */
function resealed(ctx: TestContext, file: BackupFile, tables: unknown): BackupFile {
  const key = newDataKey();
  const payload = seal(key, Buffer.from(gzipSync(Buffer.from(JSON.stringify(tables), 'utf8'))), Buffer.from('sanctum-backup\0v1', 'utf8'));
  return { ...file, wrappedBackupKey: ctx.vault.wrapBackupKey(key), payload };
}

describe('files from outside set no cost of their own', () => {
  let ctx: TestContext;
  afterEach(async () => ctx?.cleanup());

  it('refuses a backup asking for more key-derivation work than Sanctum writes, before doing any', async () => {
    ctx = await testContext();
    await withPractice(ctx);
    const file = await createBackup(ctx, () => {});
    const kdf = file.sealedMaster.kdf!;
    // Before, any figure was used as given (a 4 GiB claim took 4.25 GB and 17.7 s).
    for (const claim of [{ memoryKiB: 131072 }, { iterations: 4 }, { iterations: 1_000_000 }, { parallelism: 4 }, { memoryKiB: 4 * 1024 * 1024 }, { memoryKiB: 1.5 }]) {
      const doctored = { ...file, sealedMaster: { ...file.sealedMaster, kdf: { ...kdf, ...claim } } };
      await expect(openBackup(doctored, secret)).rejects.toThrow(/key-derivation settings Sanctum never uses/);
      expect(() => parseBackupText(JSON.stringify(doctored))).toThrow(/never uses/);
    }
    expect(Object.keys(await openBackup(file, secret))).toContain('audit_head');
  });

  it('refuses a key-store file asking for more work than Sanctum writes', async () => {
    ctx = await testContext();
    await withPractice(ctx);
    const file = await exportKeyStore(ctx, { id: 'cli' });
    const kdf = file.sealedMaster.kdf!;
    for (const claim of [{ memoryKiB: 131072 }, { iterations: 64 }, { parallelism: 16 }]) {
      const text = JSON.stringify({ ...file, sealedMaster: { ...file.sealedMaster, kdf: { ...kdf, ...claim } } });
      expect(() => parseKeyStore(text)).toThrow(/never uses/);
      // The vault itself holds the same line, whoever calls it.
      await expect(verifyKeyStore(JSON.parse(text), secret)).rejects.toThrow(/not made by Sanctum/);
    }
    await verifyKeyStore(file, secret);
  });

  it('says a backup is damaged when bytes were changed or cut off, not "unexpected failure"', async () => {
    ctx = await testContext();
    await withPractice(ctx);
    const file = await createBackup(ctx, () => {});
    const text = JSON.stringify(file);
    expect(() => parseBackupText(text.slice(0, text.length - 100))).toThrow(/damaged or incomplete/);
    expect(() => parseBackupText('{"hello":1}')).toThrow(/not a Sanctum backup/);
    const flipped = { ...file, payload: file.payload.slice(0, 40) + (file.payload[40] === 'A' ? 'B' : 'A') + file.payload.slice(41) };
    await expect(openBackup(flipped, secret)).rejects.toThrow(/damaged or incomplete/);
    await expect(openBackup({ ...file, wrappedBackupKey: 'v1:AAAA' }, secret)).rejects.toThrow(/damaged or incomplete/);
    await expect(openBackup(resealed(ctx, file, [1, 2, 3]), secret)).rejects.toThrow(/not tables of records/);
  });

  it('names a missing audit-chain head instead of failing inside the restore', async () => {
    ctx = await testContext();
    await withPractice(ctx);
    const file = await createBackup(ctx, () => {});
    const tables = await openBackup(file, secret);
    for (const head of [[], undefined]) {
      const broken = { ...tables, audit_head: head } as typeof tables;
      if (head === undefined) delete (broken as Record<string, unknown>).audit_head;
      await expect(openBackup(resealed(ctx, file, broken), secret)).rejects.toThrow(/no audit-chain head \(the audit_head row\)/);
      // Before, an empty head cleared the live one and the restore died on its own lock.
      await expect(restoreBackup(ctx, broken, () => {})).rejects.toThrow(/no audit-chain head/);
    }
    // Nothing was changed by the refusals: the proper backup still restores.
    await restoreBackup(ctx, tables, () => {});
  });

  it('names a live store that has lost its audit-chain head, for a backup and for verification alike', async () => {
    ctx = await testContext();
    await withPractice(ctx);
    await ctx.db.kysely.deleteFrom('audit_head').execute();
    await expect(createBackup(ctx, () => {})).rejects.toThrow(/lost its head record \(the audit_head row\)/);
    await expect(verifyAudit(ctx.db)).rejects.toThrow(/lost its head record/);
  });
});
