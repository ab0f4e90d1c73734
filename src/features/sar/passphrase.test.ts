import { describe, expect, it } from 'vitest';
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_WORDS, newReadablePassphrase } from './passphrase.js';

describe('readable passphrases for the client’s copy', () => {
  it('uses distinct, plain lower-case words that read out unambiguously', () => {
    expect(new Set(PASSPHRASE_WORDS).size).toBe(PASSPHRASE_WORDS.length);
    for (const w of PASSPHRASE_WORDS) expect(w).toMatch(/^[a-z]{3,9}$/);
    // Near-homophones would be misheard on the phone: never both of a pair.
    for (const pair of [['sea', 'see'], ['flour', 'flower'], ['pair', 'pear'], ['cereal', 'serial'], ['dairy', 'diary'], ['desert', 'dessert'], ['ferry', 'fairy']]) {
      expect(pair.filter((w) => PASSPHRASE_WORDS.includes(w)).length).toBeLessThan(2);
    }
    // Words spelled differently in British and American English would be mistyped.
    for (const w of ['harbor', 'harbour', 'armor', 'armour', 'color', 'colour', 'theater', 'theatre']) expect(PASSPHRASE_WORDS).not.toContain(w);
  });

  it('gives five words within the length every PDF reader takes, and does not repeat itself', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const p = newReadablePassphrase();
      expect(p.split(' ')).toHaveLength(5);
      expect(p.length).toBeLessThanOrEqual(PASSPHRASE_MAX_LENGTH);
      for (const w of p.split(' ')) expect(PASSPHRASE_WORDS).toContain(w);
      seen.add(p);
    }
    expect(seen.size).toBe(500);
  });
});
