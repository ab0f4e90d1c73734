import { describe, expect, it } from 'vitest';
import type { Audience } from './breaches.js';
import { breachClocks } from './clocks.js';
import { checkAssessment, requiredAudiences, suggestOutcome } from './risk.js';

const facts = (over: Partial<Parameters<typeof breachClocks>[0]> = {}) => ({
  regime: 'uk-gdpr' as const, discoveredAt: '2026-05-01T09:00:00.000Z', affectedCount: 3, outcome: null, status: 'open' as const,
  done: new Set<Audience>(), decidedNot: new Set<Audience>(), ...over,
});

describe('risk outcomes', () => {
  it('scores likelihood × severity under UK GDPR', () => {
    expect(suggestOutcome('uk-gdpr', 'remote', 'minimal')).toBe('unlikely');
    expect(suggestOutcome('uk-gdpr', 'remote', 'severe')).toBe('risk');
    expect(suggestOutcome('uk-gdpr', 'possible', 'severe')).toBe('high_risk');
  });

  it('presumes a HIPAA breach unless all four factors are low', () => {
    const low = { nature_extent: 'low', unauthorised_person: 'low', acquired_viewed: 'low', mitigation: 'low' };
    expect(suggestOutcome('hipaa', 'remote', 'minimal', low)).toBe('low_probability');
    expect(suggestOutcome('hipaa', 'remote', 'minimal', { ...low, acquired_viewed: 'medium' })).toBe('breach');
    expect(() => checkAssessment('hipaa', { likelihood: 'remote', severity: 'minimal', reasoning: 'A full sentence of reasoning here.', factors: { nature_extent: 'low' } })).toThrow(expect.objectContaining({ field: 'factors.unauthorised_person' }));
  });

  it('says who must be told', () => {
    expect(requiredAudiences('uk-gdpr', null, 1)).toEqual(['regulator']);
    expect(requiredAudiences('uk-gdpr', 'unlikely', 1)).toEqual([]);
    expect(requiredAudiences('uk-gdpr', 'high_risk', 1)).toEqual(['regulator', 'individual']);
    expect(requiredAudiences('hipaa', 'breach', 499)).toEqual(['individual', 'hhs']);
    expect(requiredAudiences('hipaa', 'breach', 500)).toEqual(['individual', 'hhs', 'media']);
    expect(requiredAudiences('hipaa', 'low_probability', 900)).toEqual([]);
  });
});

describe('breach clocks', () => {
  it('runs 72 hours from awareness and turns overdue after', () => {
    const before = breachClocks(facts(), new Date('2026-05-04T08:30:00Z'), 'Europe/London');
    expect(before).toEqual([expect.objectContaining({ audience: 'regulator', due: '2026-05-04T09:00:00Z', state: 'running', hoursLeft: 0 })]);
    const after = breachClocks(facts(), new Date('2026-05-04T12:00:00Z'), 'Europe/London');
    expect(after[0]).toMatchObject({ state: 'overdue', hoursLeft: -3 });
    expect(breachClocks(facts({ done: new Set(['regulator']) }), new Date('2026-05-09T00:00:00Z'), 'Europe/London')[0].state).toBe('done');
    expect(breachClocks(facts({ outcome: 'unlikely' }), new Date('2026-05-09T00:00:00Z'), 'Europe/London')[0].state).toBe('not_required');
  });

  it('gives HIPAA dates in the practice’s time zone, with the media at 500 or more', () => {
    const small = breachClocks(facts({ regime: 'hipaa', discoveredAt: '2026-05-01T03:00:00.000Z' }), new Date('2026-05-02T00:00:00Z'), 'America/Los_Angeles');
    expect(small.map((c) => [c.audience, c.due])).toEqual([['individual', '2026-06-29'], ['hhs', '2027-03-01']]);
    const large = breachClocks(facts({ regime: 'hipaa', affectedCount: 650, outcome: 'breach' }), new Date('2026-05-02T00:00:00Z'), 'America/New_York');
    expect(large.map((c) => [c.audience, c.due, c.required])).toEqual([['individual', '2026-06-30', true], ['hhs', '2026-06-30', true], ['media', '2026-06-30', true]]);
  });
});
