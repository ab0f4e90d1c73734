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
    await expect(openWithPassphrase(greedy, 'a long passphrase here')).rejects.toThrow(/unreasonable/);
  });

  it('makes readable passphrases', () => {
    expect(newExportPassphrase()).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){5}$/);
  });
});
