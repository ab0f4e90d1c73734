import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRAGMENTS, HOSTILE_PATTERNS, repeatTo } from '../../../test/support/hostile-text.js';
import { deidentify } from './deid.js';
import { phoneWork } from './recognisers/phones.js';

/** Text spliced from fragments that trip recognisers, and arbitrary Unicode including lone surrogates. */
const hostile = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 400 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.tuple(fc.constantFrom(...Object.values(HOSTILE_PATTERNS)), fc.integer({ min: 1, max: 4000 })).map(([unit, n]) => repeatTo(unit, n)),
);

/** Identifiers no text around them may hide, each set off by sentence breaks. */
const PLANTED = ['943 476 5919', 'sarah.jones@example.com', 'LS1 4AP', '07700 900123', 'AB 12 34 56 C'];
/** Filler that does not itself hold a planted identifier (glued into other text, it need not be one). */
const filler = hostile.filter((f) => !PLANTED.some((id) => f.includes(id)));

describe('de-identification under hostile input', () => {
  it('never throws, and its entities are in-bounds, ordered, disjoint and rebuild the output', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const r = deidentify(text);
        let at = 0;
        let rebuilt = '';
        for (const e of r.entities) {
          expect(e.start).toBeGreaterThanOrEqual(at);
          expect(e.end).toBeGreaterThan(e.start);
          expect(e.end).toBeLessThanOrEqual(text.length);
          expect(e.text).toBe(text.slice(e.start, e.end));
          expect(e.replacement).toMatch(/^\[[A-Z]+-\d+\]$/);
          rebuilt += text.slice(at, e.start) + e.replacement;
          at = e.end;
        }
        expect(rebuilt + text.slice(at)).toBe(r.text);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves none of the planted identifiers in the output, whatever surrounds them', () => {
    fc.assert(
      fc.property(fc.array(filler, { minLength: PLANTED.length, maxLength: PLANTED.length }), (fillers) => {
        const text = fillers.map((f, i) => `${f} . ${PLANTED[i]} . `).join('');
        const out = deidentify(text).text;
        for (const id of PLANTED) expect(out).not.toContain(id);
      }),
      { numRuns: 60 },
    );
  });

  it('reads digit-rich text with a bounded number of phone-library calls, however long', () => {
    // libphonenumber is the costly step (about 0.1 ms a call); before the bound, 100 kB of "+44 " or of
    // spaced digits handed it one window of the whole text and took about a second.
    for (const unit of ['+44 ', '943 476 5919 ', '1 ', '7', '0161 496 0000 / ']) {
      for (const size of [10_000, 100_000]) {
        const [calls, chars] = [phoneWork.libphoneCalls, phoneWork.libphoneChars];
        deidentify(repeatTo(unit, size));
        expect(phoneWork.libphoneCalls - calls).toBeLessThanOrEqual(32 + size / 500);
        // Each call reads one bounded piece (at most 40 characters and one either side).
        expect(phoneWork.libphoneChars - chars).toBeLessThanOrEqual((32 + size / 500) * 42);
      }
    }
    // Distinct digit runs are each read once until the budget is spent; after that they are taken whole.
    const varied = Array.from({ length: 5000 }, (_, i) => String(1_000_000 + i * 7919).replace(/^(\d\d)(\d)(\d)(\d)(\d)(\d)$/, '$1 $2 $3 $4 $5 $6')).join(' ; ');
    const before = phoneWork.libphoneCalls;
    const r = deidentify(varied);
    expect(phoneWork.libphoneCalls - before).toBeLessThanOrEqual(32 + varied.length / 500);
    expect(r.text.match(/\d\d \d \d \d \d \d/g)?.length ?? 0).toBeLessThan(50);
  });
});
