import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, type TestContext, testContext, withPractice } from '../../../test/support/context.js';
import { verifyAudit } from '../../audit/audit.service.js';
import type { Principal } from '../../core/access.js';
import { newKeyFileContents } from '../../crypto/vault.js';
import { initPractice } from '../practice/practice.service.js';
import { createBackup, openBackup, restoreBackup } from '../backup/backup.service.js';
import { createClient, eraseClient, getClient } from '../clients/clients.service.js';
import { addNote, listNotes } from '../notes/notes.service.js';
import { unsealVault } from '../vault/vault.service.js';
import { type KeyStoreFile, parseKeyStore } from './keystore.js';
import { exportKeyStore, installKeyStore, recoveryStatus, verifyKeyStore } from './keystore.service.js';

const CANARY_NAME = 'Ottoline Vasquez-Marchbanks';
const CANARY_NOTE = 'canary-k5: spoke about the orchard fire';
const secret = { passphrase: PASSPHRASE };
const cli = { id: 'cli' };

/** A new machine: an empty store, the key store installed, the vault unsealed, the backup restored. */
async function recoverOnto(fresh: TestContext, keys: KeyStoreFile, backup: Awaited<ReturnType<typeof createBackup>>, s: { passphrase: string } | { keyFile: Buffer } = secret) {
  const file = parseKeyStore(JSON.stringify(keys));
  await verifyKeyStore(file, s);
  await installKeyStore(fresh, file, cli);
  await unsealVault(fresh, s, cli);
  return restoreBackup(fresh, await openBackup(backup, s), () => {});
}

describe('key-store files', () => {
  let ctx: TestContext;
  let op: Principal;
  const others: TestContext[] = [];
  const fresh = async () => {
    const c = await testContext();
    others.push(c);
    return c;
  };
  beforeEach(async () => {
    ctx = await testContext();
    ({ operator: op } = await withPractice(ctx));
  });
  afterEach(async () => {
    for (const c of others.splice(0)) await c.cleanup();
    await ctx.cleanup();
  });

  it('recover onto a fresh store: export keys, back up, import, restore, read a note and an identity', async () => {
    const kept = await createClient(ctx, op, { name: CANARY_NAME, dob: '1981-03-04' });
    await addNote(ctx, op, kept.id, { text: CANARY_NOTE });
    await addNote(ctx, op, kept.id, { kind: 'process', text: 'process note' });
    const keys = await exportKeyStore(ctx, cli);
    const backup = await createBackup(ctx, () => {});

    const other = await fresh();
    const result = await recoverOnto(other, keys, backup);
    expect(result).toMatchObject({ keptErased: 0, missingKeys: 0 });
    expect((await getClient(other, op, kept.id)).identity).toMatchObject({ name: CANARY_NAME, dob: '1981-03-04' });
    expect((await listNotes(other, op, kept.id)).map((n) => n.text).sort()).toEqual([CANARY_NOTE, 'process note']);
    expect(await verifyAudit(other.db)).toMatchObject({ ok: true });
    // The import is on the record, after the backup's history.
    const actions = (await other.db.kysely.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);
    expect(actions.slice(-3)).toEqual(['keys.import', 'vault.unseal', 'backup.restore']);
    expect(actions).toContain('keys.export');
  });

  it('works for a vault sealed with a key file', async () => {
    const kf = await fresh();
    const keyFile = Buffer.from(newKeyFileContents());
    const practice = await initPractice(kf, { keyFile }, { name: 'Key-file practice' });
    const kop: Principal = { userId: 'cli', practiceId: practice.id, roles: ['operator'] };
    const c = await createClient(kf, kop, { name: 'Key File Client' });
    await addNote(kf, kop, c.id, { text: 'kept under a key file' });
    const keys = await exportKeyStore(kf, cli);
    const backup = await createBackup(kf, () => {});
    const other = await fresh();
    await expect(verifyKeyStore(keys, secret)).rejects.toThrow(/key file/);
    await recoverOnto(other, keys, backup, { keyFile });
    expect((await listNotes(other, kop, c.id)).map((n) => n.text)).toEqual(['kept under a key file']);
  });

  it('a client destroyed before the export stays destroyed after import and restore', async () => {
    const kept = await createClient(ctx, op, { name: 'Kept Client' });
    const gone = await createClient(ctx, op, { name: 'Destroyed Client' });
    await addNote(ctx, op, gone.id, { text: 'to be destroyed' });
    // An older backup still carries the destroyed client's ciphertext.
    const old = await createBackup(ctx, () => {});
    await eraseClient(ctx, op, gone.id, 'erasure_request');
    const keys = await exportKeyStore(ctx, cli);
    expect(keys.tombstones.map((t) => t.clientId)).toEqual([gone.id]);
    expect(keys.clientKeys.some((k) => k.clientId === gone.id)).toBe(false);

    const other = await fresh();
    const result = await recoverOnto(other, keys, old);
    expect(result.keptErased).toBe(1);
    await expect(getClient(other, op, gone.id)).rejects.toMatchObject({ code: 'erased' });
    await expect(listNotes(other, op, gone.id)).rejects.toMatchObject({ code: 'erased' });
    expect((await getClient(other, op, kept.id)).identity.name).toBe('Kept Client');
    const identity = await other.db.kysely.selectFrom('clients').select('identity_enc').where('id', '=', gone.id).executeTakeFirstOrThrow();
    expect(identity.identity_enc).toBeNull();
    expect(await verifyAudit(other.db)).toMatchObject({ ok: true });
  });

  it('refuses a tampered, re-sealed or truncated file with a clear error', async () => {
    await createClient(ctx, op, { name: 'Someone' });
    const keys = await exportKeyStore(ctx, cli);
    const text = JSON.stringify(keys);
    const flip = (s: string) => s.slice(0, -4) + (s.at(-4) === 'A' ? 'B' : 'A') + s.slice(-3);
    const tampered: KeyStoreFile[] = [
      { ...keys, clientKeys: keys.clientKeys.map((k, i) => (i === 0 ? { ...k, wrapped: flip(k.wrapped) } : k)) },
      { ...keys, createdAt: '2030-01-01T00:00:00.000Z' },
      { ...keys, tombstones: [] , clientKeys: keys.clientKeys.slice(1) },
      { ...keys, seal: flip(keys.seal) },
      { ...keys, extra: 'x' } as KeyStoreFile,
    ];
    for (const t of tampered) await expect(verifyKeyStore(parseKeyStore(JSON.stringify(t)), secret)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/altered or damaged/) });
    expect(() => parseKeyStore(text.slice(0, Math.floor(text.length / 2)))).toThrow(/damaged or incomplete/);
    expect(() => parseKeyStore(text.slice(0, text.length - 1))).toThrow(/damaged or incomplete/);
    expect(() => parseKeyStore(JSON.stringify({ ...keys, clientKeys: undefined }))).toThrow(/damaged or incomplete/);
    expect(() => parseKeyStore('{"format":"sanctum-backup"}')).toThrow(/not a Sanctum key-store file/);
    const greedy = { ...keys, sealedMaster: { ...keys.sealedMaster, kdf: { algorithm: 'argon2id', memoryKiB: 64 * 1024 * 1024, iterations: 3, parallelism: 1 } } };
    expect(() => parseKeyStore(JSON.stringify(greedy))).toThrow(/key-derivation settings Sanctum never uses/);
    await expect(verifyKeyStore(parseKeyStore(text), secret)).resolves.toBeUndefined();
  });

  it('refuses a wrong passphrase, and refuses to install into a store that already holds a vault', async () => {
    const keys = await exportKeyStore(ctx, cli);
    await expect(verifyKeyStore(keys, { passphrase: 'not the passphrase at all' })).rejects.toThrow(/not right/);
    await expect(installKeyStore(ctx, keys, cli)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already holds a vault/) });
    // A different practice's store is not empty either, even with no clients.
    const other = await fresh();
    await withPractice(other);
    await expect(installKeyStore(other, keys, cli)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a backup from another vault', async () => {
    const keys = await exportKeyStore(ctx, cli);
    const foreign = await fresh();
    await withPractice(foreign);
    const foreignBackup = await createBackup(foreign, () => {});
    const other = await fresh();
    await installKeyStore(other, keys, cli);
    await unsealVault(other, secret, cli);
    await expect(restoreBackup(other, await openBackup(foreignBackup, secret), () => {})).rejects.toThrow(/different vault/);
  });

  it('holds wrapped keys and ids only: no names, no note text, no record ciphertext', async () => {
    const c = await createClient(ctx, op, { name: CANARY_NAME, email: 'ottoline@example.net' });
    await addNote(ctx, op, c.id, { text: CANARY_NOTE });
    const keys = await exportKeyStore(ctx, cli);
    const text = JSON.stringify(keys);
    for (const canary of [CANARY_NAME, 'Ottoline', 'ottoline@example.net', CANARY_NOTE, 'orchard', 'Test Practice']) expect(text).not.toContain(canary);
    const ciphertexts = [
      ...(await ctx.db.kysely.selectFrom('notes').select('body_enc').execute()).map((r) => r.body_enc),
      ...(await ctx.db.kysely.selectFrom('clients').select('identity_enc').execute()).map((r) => r.identity_enc),
    ];
    for (const ct of ciphertexts) expect(text).not.toContain(String(ct).slice(3, 40));
    expect(Object.keys(keys).sort()).toEqual(['auditSigningKey', 'clientKeys', 'createdAt', 'format', 'id', 'seal', 'sealedMaster', 'tombstones', 'v', 'wrappedSystemKey']);
    expect(keys.clientKeys).toEqual([
      { clientId: c.id, purpose: 'clinical', wrapped: expect.stringMatching(/^v1:/) },
      { clientId: c.id, purpose: 'identity', wrapped: expect.stringMatching(/^v1:/) },
    ]);
  });

  it('records the last export and says when a disposal, a new client or a new passphrase has made it stale', async () => {
    const admin: Principal = { ...op, userId: 'admin-1', roles: ['admin'] };
    const a = await createClient(ctx, op, { name: 'First Client' });
    expect((await recoveryStatus(ctx, admin)).keyStore).toMatchObject({ lastMadeAt: null, upToDate: false });
    ctx.clock.advance(60_000);
    const keys = await exportKeyStore(ctx, cli);
    expect(await recoveryStatus(ctx, admin)).toEqual({
      backup: { lastMadeAt: null },
      keyStore: { lastMadeAt: keys.createdAt, via: 'export', clientsSince: 0, disposalsSince: 0, passphraseChangedSince: false, upToDate: true },
    });
    await createBackup(ctx, () => {});
    expect((await recoveryStatus(ctx, admin)).backup.lastMadeAt).toBe(ctx.clock.now().toISOString());

    await eraseClient(ctx, op, a.id, 'erasure_request');
    expect((await recoveryStatus(ctx, admin)).keyStore).toMatchObject({ disposalsSince: 1, clientsSince: 0, upToDate: false });
    await createClient(ctx, op, { name: 'Second Client' });
    expect((await recoveryStatus(ctx, admin)).keyStore).toMatchObject({ disposalsSince: 1, clientsSince: 1 });
    await exportKeyStore(ctx, cli);
    expect((await recoveryStatus(ctx, admin)).keyStore).toMatchObject({ upToDate: true });

    const { rotateMasterKey } = await import('../vault/vault.service.js');
    await rotateMasterKey(ctx, { passphrase: 'a brand new vault passphrase' }, cli);
    expect((await recoveryStatus(ctx, admin)).keyStore).toMatchObject({ passphraseChangedSince: true, upToDate: false });

    await expect(recoveryStatus(ctx, { ...op, userId: 'p-1', roles: ['practitioner'] })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('an imported key store counts as the current copy on the new machine', async () => {
    const admin: Principal = { ...op, userId: 'admin-1', roles: ['admin'] };
    const c = await createClient(ctx, op, { name: 'Client' });
    const keys = await exportKeyStore(ctx, cli);
    const backup = await createBackup(ctx, () => {});
    const other = await fresh();
    await recoverOnto(other, keys, backup);
    expect((await recoveryStatus(other, admin)).keyStore).toMatchObject({ lastMadeAt: keys.createdAt, via: 'import', upToDate: true });
    other.clock.advance(60_000);
    await eraseClient(other, op, c.id, 'erasure_request');
    expect((await recoveryStatus(other, admin)).keyStore).toMatchObject({ disposalsSince: 1, upToDate: false });
  });

  it('a backup newer than the key-store file restores, and says which clients it cannot open', async () => {
    const keys = await exportKeyStore(ctx, cli);
    const late = await createClient(ctx, op, { name: 'Added After The Export' });
    const backup = await createBackup(ctx, () => {});
    const other = await fresh();
    const result = await recoverOnto(other, keys, backup);
    expect(result.missingKeys).toBe(1);
    await expect(getClient(other, op, late.id)).rejects.toBeTruthy();
  });
});
