import { describe, expect, it } from 'vitest';
import { TEST_KDF } from './kdf.js';
import { Vault, newKeyFileContents } from './vault.js';

const secret = { passphrase: 'a long enough vault passphrase' };

describe('vault', () => {
  it('starts sealed, unseals with the right passphrase only', async () => {
    const v = new Vault();
    const { sealedMaster, wrappedSystemKey } = await v.initialise(secret, TEST_KDF);
    expect(sealedMaster.kdf).toMatchObject({ algorithm: 'argon2id' });
    v.seal();
    expect(v.isSealed).toBe(true);
    expect(() => v.newClientKeys('c1')).toThrow(/sealed/);
    await expect(v.unseal(sealedMaster, { passphrase: 'the wrong passphrase here' }, wrappedSystemKey)).rejects.toThrow(/not right/);
    await v.unseal(sealedMaster, secret, wrappedSystemKey);
    expect(v.isSealed).toBe(false);
  });

  it('refuses short passphrases and wrong-sized key files', async () => {
    await expect(new Vault().initialise({ passphrase: 'short' }, TEST_KDF)).rejects.toThrow(/at least 12/);
    await expect(new Vault().initialise({ keyFile: Buffer.from('abc') }, TEST_KDF)).rejects.toThrow(/32 random bytes/);
    await new Vault().initialise({ keyFile: Buffer.from(newKeyFileContents()) }, TEST_KDF);
  });

  it('gives each client separate identity and clinical keys, and treats a destroyed key as erased', async () => {
    const v = new Vault();
    await v.initialise(secret, TEST_KDF);
    const keys = v.newClientKeys('c1');
    const identity = v.clientKey('c1', 'identity', keys.identity);
    const clinical = v.clientKey('c1', 'clinical', keys.clinical);
    expect(identity.equals(clinical)).toBe(false);
    expect(() => v.clientKey('c2', 'identity', keys.identity)).toThrow();
    expect(() => v.clientKey('c1', 'identity', null)).toThrow(/destroyed/);
  });

  it('rotates the master key by re-wrapping, so data keys (and data) are unchanged', async () => {
    const v = new Vault();
    const init = await v.initialise(secret, TEST_KDF);
    const keys = v.newClientKeys('c1');
    const before = v.clientKey('c1', 'clinical', keys.clinical);
    const ct = v.encrypt(before, 'note', { table: 'notes', id: 'n', field: 'body', subject: 'c1' });
    const rotated = await v.rotate(secret, [{ clientId: 'c1', purpose: 'clinical', wrapped: keys.clinical }], init.wrappedSystemKey, TEST_KDF);
    rotated.adopt();
    const after = v.clientKey('c1', 'clinical', rotated.clientKeys[0].wrapped);
    expect(after.equals(before)).toBe(true);
    expect(v.decrypt(after, ct, { table: 'notes', id: 'n', field: 'body', subject: 'c1' })).toBe('note');
    expect(() => v.clientKey('c1', 'clinical', keys.clinical)).toThrow(); // the old wrapping is dead
    const fresh = new Vault();
    await fresh.unseal(rotated.sealedMaster, secret, rotated.wrappedSystemKey);
    expect(fresh.clientKey('c1', 'clinical', rotated.clientKeys[0].wrapped).equals(before)).toBe(true);
  });
});
