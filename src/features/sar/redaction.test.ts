import { describe, expect, it } from 'vitest';
import { applyRedactions, nameSpans, proposeRedactions, sentences } from './redaction.js';

const base = { regime: 'uk-gdpr' as const, clientNames: ['Jordan Avery'], staffNames: [], personSpans: () => [] };

describe('redaction proposals', () => {
  it('finds full names and name parts, whole words only', () => {
    const t = 'Sam Carter came. Samuel did not. Sam’s view differed.';
    expect(nameSpans(t, 'Sam Carter').map(([s, e]) => t.slice(s, e))).toEqual(['Sam Carter', 'Sam']);
  });

  it('proposes a partner’s quoted words as a sentence and other mentions as names, never the client', () => {
    const t = 'Jordan and Sam arrived together. Sam said: "I am lonely." Jordan cried.';
    const p = proposeRedactions(t, { ...base, thirdParties: ['Sam Carter'] });
    expect(p.map((x) => [x.kind, t.slice(x.start, x.end)])).toEqual([
      ['third_party_name', 'Sam'],
      ['third_party_words', 'Sam said: "I am lonely."'],
    ]);
    expect(p.every((x) => x.ground === 'uk-dpa2018-sch2-16')).toBe(true);
  });

  it('proposes what a caller said in confidence, with the HIPAA confidential-source ground in the US', () => {
    const t = 'A neighbour rang and told me in confidence about the noise.';
    const [p] = proposeRedactions(t, { ...base, regime: 'hipaa', thirdParties: [] });
    expect(p).toMatchObject({ kind: 'third_party_confidence', ground: 'hipaa-164.524-a2-v', start: 0, end: t.length });
  });

  it('applies overlapping spans once, with a marker naming the ground', () => {
    const t = 'one two three four';
    expect(applyRedactions(t, [{ start: 4, end: 9, ground: 'uk-dpa2018-sch2-16' }, { start: 8, end: 13, ground: 'uk-dpa2018-sch2-16' }])).toEqual({ text: 'one [withheld: another person] four', withheld: 1 });
    expect(applyRedactions(t, [{ start: 10, end: 99, ground: 'x' }]).withheld).toBe(0);
  });

  it('splits sentences on stops and line breaks', () => {
    expect(sentences('One. Two!\nThree').length).toBe(3);
  });
});
