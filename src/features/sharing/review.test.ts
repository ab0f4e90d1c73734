import { describe, expect, it } from 'vitest';
import type { SupervisionConsent } from './consent-seam.js';
import { decideConsent } from './consent-policy.js';
import { dateForms, knownIdentifiers } from './known-identifiers.js';
import { flagSentences } from './residual.js';
import type { ReviewSpan } from './sharing.js';
import { addSpan, applySpans } from './spans.js';

let n = 0;
const newId = () => `s${++n}`;
const span = (start: number, end: number, replacement: string, decision: ReviewSpan['decision'] = 'pending'): ReviewSpan => ({ id: newId(), part: 0, start, end, type: 'PERSON', replacement, origin: 'engine', decision });

describe('applying review decisions', () => {
  const text = 'Ana met Ben.';
  it('replaces pending and accepted spans and restores rejected ones', () => {
    expect(applySpans(text, [span(0, 3, '[PERSON-1]'), span(8, 11, '[PERSON-2]', 'accepted')], 0)).toBe('[PERSON-1] met [PERSON-2].');
    expect(applySpans(text, [span(0, 3, '[PERSON-1]', 'rejected'), span(8, 11, '[PERSON-2]', 'accepted')], 0)).toBe('Ana met [PERSON-2].');
  });

  it('marks added words everywhere they occur, reusing an existing stand-in for the same words', () => {
    const texts = ['Kit works at Lowmoor.', 'Back at Lowmoor, Kit rested.'];
    const spans = [span(0, 3, '[PERSON-1]', 'accepted')];
    const added = addSpan(texts, spans, { part: 0, start: 13, end: 20, type: 'LOCATION' }, { surrogates: false, caseKey: 'k', newId });
    expect(added.map((s) => [s.part, s.start, s.replacement, s.decision])).toEqual([[0, 13, '[LOCATION-1]', 'accepted'], [1, 8, '[LOCATION-1]', 'accepted']]);
    const again = addSpan(texts, [...spans, ...added], { part: 1, start: 17, end: 20, type: 'PERSON' }, { surrogates: false, caseKey: 'k', newId });
    expect(again).toHaveLength(1);
    expect(again[0].replacement).toBe('[PERSON-1]');
  });

  it('refuses a selection overlapping a live change, or only spaces', () => {
    expect(() => addSpan(['Ana met Ben.'], [span(0, 3, '[PERSON-1]')], { part: 0, start: 1, end: 5, type: 'PERSON' }, { surrogates: false, caseKey: 'k', newId })).toThrow(/overlaps/);
    expect(() => addSpan(['Ana met Ben.'], [], { part: 0, start: 3, end: 4, type: 'PERSON' }, { surrogates: false, caseKey: 'k', newId })).toThrow(/spaces/);
  });
});

describe('known identifiers from the client record', () => {
  it('covers name, contacts, street without its number, postcode, GP parts, the emergency contact and parents', () => {
    const k = knownIdentifiers(
      { name: 'Jordan Ellis', dob: '1988-04-02', phone: '07700 900123', address: '14 Mill Lane, Bexley DA5 1AB', gp: 'Dr A. Shah, Riverside Surgery', emergencyContact: 'Sam Ellis (partner) 07700 900456' },
      [{ name: 'Rita Ellis', email: 'rita@example.org' }],
    );
    const has = (text: string, type: string) => k.some((x) => x.text === text && x.type === type);
    for (const [t, ty] of [['Jordan Ellis', 'PERSON'], ['07700900123', 'PHONE'], ['Mill Lane', 'ADDRESS'], ['DA5 1AB', 'POSTCODE'], ['Dr A. Shah', 'PERSON'], ['Riverside Surgery', 'ORGANISATION'], ['Sam Ellis', 'PERSON'], ['07700 900456', 'PHONE'], ['Rita Ellis', 'PERSON'], ['rita@example.org', 'EMAIL'], ['2 April 1988', 'DATE'], ['02/04/1988', 'DATE']]) {
      expect(has(t, ty), `${t} as ${ty}`).toBe(true);
    }
  });

  it('writes a date of birth the common ways', () => {
    expect(dateForms('1990-11-23')).toEqual(expect.arrayContaining(['23/11/1990', '23 November 1990', '23rd November 1990', 'November 23, 1990', '23 Nov 1990']));
  });
});

describe('residual-risk flags', () => {
  it('flags numbers, listed occupations, unusual events and superlatives, not stand-ins or plain sentences', () => {
    const flags = flagSentences(['She is 34. [PERSON-1] rang on [DATE-2]. He is a retired judge. The fire at the mill changed everything. She was the youngest. They talked about interest rates.']);
    expect(flags.map((f) => [f.sentence, f.reasons])).toEqual([
      ['She is 34.', ['number']],
      ['He is a retired judge.', ['occupation']],
      ['The fire at the mill changed everything.', ['event']],
      ['She was the youngest.', ['superlative']],
    ]);
  });
});

describe('consent held against the consent records', () => {
  const found = (lookup: SupervisionConsent['lookup']): SupervisionConsent => ({ lookup, consentId: lookup === 'unavailable' || lookup === 'not_asked' ? null : 'c1', recordedAt: null });
  it('links an active supervision consent to a yes for supervision, not for training', () => {
    expect(decideConsent('supervisor', 'yes', null, found('consented'))).toEqual({ answer: 'yes', consentId: 'c1', lookup: 'consented' });
    expect(decideConsent('training', 'yes', null, found('consented')).consentId).toBeNull();
  });
  it('refuses supervision after a refusal or withdrawal, and publication without consent', () => {
    expect(() => decideConsent('peer_group', 'no', 'reason', found('withdrawn'))).toThrow(/withdrawn/);
    expect(() => decideConsent('supervisor', 'yes', null, found('expired'))).toThrow(/expired/);
    expect(() => decideConsent('publication', 'not_needed', 'disguised', found('unavailable'))).toThrow(/Publishing/);
    expect(decideConsent('research', 'no', 'archived case', found('unavailable'))).toEqual({ answer: 'no', consentId: null, lookup: 'unavailable' });
  });
});
