import { describe, expect, it } from 'vitest';
import { evaluate, loadSet } from '../../../bench/rights-eval.js';
import { RIGHTS, detectRight } from './rights.detect.js';

describe('detectRight', () => {
  it('matches the contract example', () => {
    const d = detectRight('Please send me everything you hold about me.');
    expect(d.right).toBe('access');
    expect(d.cues).toContain('everything you hold about me');
    expect(d.confidence).toBeGreaterThan(0.9);
  });

  it('recognises access in everyday words, typos and shorthand', () => {
    for (const text of [
      'can I see what you wrote about me',
      'I want my file',
      'copy of my notes please',
      'what do you have on me?',
      'I would like to request my records',
      'pls send me a copy of my recods',
      'can u send me wat u wrote abt me',
      'I’d like to see my counselling notes',
      'I still haven’t received my records, please send them',
    ]) {
      expect(detectRight(text).right, text).toBe('access');
    }
  });

  it('reports cues that are exact phrases of the input', () => {
    const text = 'Hi!\nCould you   DELTE all my infomation from your files? Thanks';
    const d = detectRight(text);
    expect(d.right).toBe('erasure');
    expect(d.cues.length).toBeGreaterThan(0);
    for (const c of d.cues) expect(text).toContain(c);
  });

  it('keeps ordinary business and negated mentions clean', () => {
    for (const text of [
      'Could you send me a copy of the invoice for March?',
      'I filed my notes for the course',
      'Can we go back to how it was, with sessions on Mondays?',
      "I'm not asking for my notes, just saying thanks.",
      'I need a receipt for my insurance.',
      'Can you tell me who else might see my notes? Just curious how it works.',
    ]) {
      expect(detectRight(text).right, text).toBe('none');
    }
  });

  it('tells the other rights apart and reports a second right as also', () => {
    expect(detectRight('Please correct my records, my date of birth is wrong.').right).toBe('rectification');
    expect(detectRight('Please transfer my records to my new therapist.').right).toBe('portability');
    expect(detectRight('Please stop using my data until the complaint is resolved.').right).toBe('restriction');
    expect(detectRight('I object to my notes being used for research.').right).toBe('objection');
    const both = detectRight('Send me a copy of my notes, then delete all my data.');
    expect(both.right).toBe('access');
    expect(both.also).toContain('erasure');
  });

  it('does not treat a police request about a client as the client’s own request', () => {
    expect(detectRight('This is DC Smith. As part of an investigation please provide copies of her records.').right).toBe('none');
    expect(detectRight('I act for Ms Jones and enclose her signed authority. Please provide copies of her records.').right).toBe('access');
  });

  it('always answers with a known right and a confidence between 0 and 1', () => {
    for (const text of ['', '...', 'ok', 'x'.repeat(10_000)]) {
      const d = detectRight(text);
      expect(RIGHTS).toContain(d.right);
      expect(d.confidence).toBeGreaterThanOrEqual(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('evaluation sets', () => {
  const sets = ['rights-messages.json', 'rights-messages-heldout.json', 'rights-messages-heldout2.json', 'rights-messages-blind.json', 'rights-messages-blind2.json'];
  for (const file of sets) {
    it(`${file}: never misses an access request`, () => {
      const e = evaluate(loadSet(file));
      const missed = e.errors.filter((x) => x.right === 'access');
      expect(missed.map((x) => x.text)).toEqual([]);
      expect(e.perRight.access.recall).toBe(1);
    });
  }

  for (const file of ['rights-messages-blind.json', 'rights-messages-blind2.json']) {
    it(`${file}: raises no access request on a message that is not a rights request`, () => {
      const falseAccess = loadSet(file).filter((m) => m.right === 'none' && detectRight(m.text).right === 'access');
      expect(falseAccess.map((m) => m.text)).toEqual([]);
    });
  }

  it('the tuning set has at least 250 messages and every right', () => {
    const set = loadSet('rights-messages.json');
    expect(set.length).toBeGreaterThanOrEqual(250);
    for (const r of RIGHTS) expect(set.some((m) => m.right === r), r).toBe(true);
  });
});
