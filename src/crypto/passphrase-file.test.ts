import { describe, expect, it } from 'vitest';
import { TEST_KDF } from './kdf.js';
import { isPassphraseSealed, newExportPassphrase, openWithPassphrase, sealWithPassphrase } from './passphrase-file.js';

describe('passphrase-sealed files', () => {
  it('round-trips, and refuses a wrong passphrase or a changed header', async () => {
    const data = Buffer.from('records');
    const sealed = await sealWithPassphrase(data, 'a long passphrase here', TEST_KDF);
    expect(isPassphraseSealed(sealed)).toBe(true);
    expect((await openWithPassphrase(sealed, 'a long passphrase here')).toString()).toBe('records');
    await expect(openWithPassphrase(sealed, 'another passphrase')).rejects.toThrow(/wrong passphrase/);
    const tampered = Buffer.from(sealed.toString('latin1').replace('"iterations":1', '"iterations":2'), 'latin1');
    await expect(openWithPassphrase(tampered, 'a long passphrase here')).rejects.toThrow();
    const greedy = Buffer.from(sealed.toString('latin1').replace(`"memoryKiB":${TEST_KDF.memoryKiB}`, '"memoryKiB":99999999'), 'latin1');
    await expect(openWithPassphrase(greedy, 'a long passphrase here')).rejects.toThrow(/never uses/);
  });

  it('refuses, before any key derivation, a header asking for more work than Sanctum ever writes', async () => {
    const sealed = await sealWithPassphrase(Buffer.from('records'), 'a long passphrase here', TEST_KDF);
    const claim = (from: string, to: string) => Buffer.from(sealed.toString('latin1').replace(from, to), 'latin1');
    // Each of these was accepted before (bounds of 1 GiB and 20 passes) and cost seconds to minutes.
    for (const doctored of [
      claim(`"memoryKiB":${TEST_KDF.memoryKiB}`, '"memoryKiB":131072'),
      claim('"iterations":1', '"iterations":4'),
      claim('"iterations":1', '"iterations":1000000'),
      claim('"parallelism":1', '"parallelism":8'),
      claim(`"memoryKiB":${TEST_KDF.memoryKiB}`, '"memoryKiB":4194304'),
    ]) {
      await expect(openWithPassphrase(doctored, 'a long passphrase here')).rejects.toThrow(/never uses/);
    }
  });

  it('names a damaged header rather than failing somewhere inside', async () => {
    const sealed = await sealWithPassphrase(Buffer.from('records'), 'a long passphrase here', TEST_KDF);
    const noNonce = Buffer.from(sealed.toString('latin1').replace(/"nonce":"[^"]+"/, '"nonce":7'), 'latin1');
    await expect(openWithPassphrase(noNonce, 'a long passphrase here')).rejects.toThrow(/header is damaged/);
  });

  it('makes readable passphrases', () => {
    expect(newExportPassphrase()).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){5}$/);
  });
});
