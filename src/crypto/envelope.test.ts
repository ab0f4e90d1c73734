import { describe, expect, it } from 'vitest';
import { DecryptError, associatedData, decryptField, encryptField, newDataKey, open, seal, unwrapKey, wrapKey } from './envelope.js';

const ref = { table: 'notes', id: 'n1', field: 'body', subject: 'client-1' };

describe('envelope encryption', () => {
  it('round-trips and uses a fresh nonce every time', () => {
    const key = newDataKey();
    const a = encryptField(key, 'Session text', ref);
    const b = encryptField(key, 'Session text', ref);
    expect(a).not.toBe(b);
    expect(a.startsWith('v1:')).toBe(true);
    expect(decryptField(key, a, ref)).toBe('Session text');
  });

  it('refuses a ciphertext moved to another row, field, table or client', () => {
    const key = newDataKey();
    const ct = encryptField(key, 'secret', ref);
    for (const moved of [{ ...ref, id: 'n2' }, { ...ref, field: 'title' }, { ...ref, table: 'note_addenda' }, { ...ref, subject: 'client-2' }]) {
      expect(() => decryptField(key, ct, moved)).toThrow(DecryptError);
    }
  });

  it('detects any flipped bit and refuses unknown versions', () => {
    const key = newDataKey();
    const ct = encryptField(key, 'secret', ref);
    const raw = Buffer.from(ct.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => decryptField(key, `v1:${raw.toString('base64')}`, ref)).toThrow(DecryptError);
    expect(() => decryptField(key, `v9:${ct.slice(3)}`, ref)).toThrow(/unknown ciphertext format/);
    expect(() => decryptField(newDataKey(), ct, ref)).toThrow(DecryptError);
  });

  it('binds the format version into the associated data', () => {
    expect(associatedData(ref).toString()).toContain('v1');
    const key = newDataKey();
    const sealed = seal(key, Buffer.from('x'), Buffer.from('a'));
    expect(() => open(key, sealed, Buffer.from('b'))).toThrow(DecryptError);
  });

  it('wraps keys under a label so a key cannot be passed off as another', () => {
    const kek = newDataKey();
    const dek = newDataKey();
    const w = wrapKey(kek, dek, 'client/a/clinical');
    expect(unwrapKey(kek, w, 'client/a/clinical').equals(dek)).toBe(true);
    expect(() => unwrapKey(kek, w, 'client/a/identity')).toThrow(DecryptError);
  });
});
