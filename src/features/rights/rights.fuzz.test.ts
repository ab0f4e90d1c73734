import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRAGMENTS, HOSTILE_PATTERNS, repeatTo } from '../../../test/support/hostile-text.js';
import { context, overlapIndex } from './rights.context.js';
import { RIGHTS, detectRight } from './rights.detect.js';
import { HEDGE_BEFORE, NEGATED_BEFORE } from './rights.guards.js';
import { normalise } from './rights.normalise.js';

const hostile = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 300 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.tuple(fc.constantFrom(...Object.values(HOSTILE_PATTERNS)), fc.integer({ min: 1, max: 4000 })).map(([unit, n]) => repeatTo(unit, n)),
);

describe('rights detection under hostile input', () => {
  it('never throws and answers in its contract: a known right, a confidence in [0, 1], cues quoted from the message', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const d = detectRight(text);
        expect(RIGHTS).toContain(d.right);
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        for (const cue of d.cues) expect(text).toContain(cue);
        expect(d.also).not.toContain(d.right);
        if (d.right === 'none') expect(d.cues).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('reads the words before a cue exactly as the sentence slice it replaces', () => {
    // The guards once sliced "the sentence so far" afresh for every cue (quadratic in a long
    // message); the index must give the same answer at every word start.
    fc.assert(
      fc.property(hostile, (raw) => {
        const text = normalise(raw).text;
        const ctx = context(text);
        for (let at = 0; at <= text.length; at++) {
          if (at > 0 && text[at - 1] !== ' ') continue;
          const sentence = text.slice(0, at).split(' . ').pop() ?? '';
          expect(ctx.sentenceStart(at)).toBe(at - sentence.length);
          const tail = ctx.tail(at, 8);
          expect(NEGATED_BEFORE.test(tail)).toBe(NEGATED_BEFORE.test(sentence));
          // What a guard reads is the last few words, however long the sentence.
          expect(tail.split(' ').length).toBeLessThanOrEqual(9);
          expect(ctx.hedgedBefore(at)).toBe(HEDGE_BEFORE.test(sentence));
        }
      }),
      { numRuns: 120 },
    );
  });

  it('finds overlapping intervals as a scan of every interval would', () => {
    const interval = fc.tuple(fc.nat(200), fc.nat(40)).map(([a, len]) => [a, a + len + 1] as [number, number]);
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), interval, (all, [from, to]) => {
        expect(overlapIndex(all)(from, to)).toBe(all.some(([a, b]) => from < b && a < to));
      }),
      { numRuns: 500 },
    );
  });
});
