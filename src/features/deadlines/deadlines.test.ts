import { describe, expect, it } from 'vitest';
import { hipaaAccountingDeadline, hipaaBreach, sarDeadline, ukGdprBreach } from './deadlines.js';

const uk = (received: string, jurisdiction?: 'GB-ENG' | 'GB-WLS' | 'GB-SCT' | 'GB-NIR') =>
  sarDeadline({ regime: 'uk-gdpr', received, jurisdiction });

describe('UK GDPR subject access deadlines (ICO method)', () => {
  it('matches the contract example', () => {
    expect(uk('2026-01-31')).toEqual({ due: '2026-03-02', extendedDue: '2026-04-30' });
  });

  it('handles month ends and leap years', () => {
    expect(uk('2025-01-31').due).toBe('2025-02-28'); // a Friday
    expect(uk('2028-01-31').due).toBe('2028-02-29'); // leap year, a Tuesday
    expect(uk('2026-01-29').due).toBe('2026-03-02'); // 28 Feb 2026 is a Saturday
    expect(uk('2026-03-31').due).toBe('2026-04-30');
    expect(uk('2026-08-31').due).toBe('2026-09-30');
    expect(uk('2026-05-30').due).toBe('2026-06-30');
    expect(uk('2026-11-30').extendedDue).toBe('2027-03-01'); // 28 Feb 2027 is a Sunday
  });

  it('moves past Good Friday and Easter Monday (not Easter Monday in Scotland)', () => {
    expect(uk('2026-03-03').due).toBe('2026-04-07');
    expect(uk('2026-03-03', 'GB-SCT').due).toBe('2026-04-06');
    expect(uk('2027-02-26').due).toBe('2027-03-30'); // Good Friday 26 Mar, Easter Monday 29 Mar 2027
  });

  it('moves past Christmas substitute days (2027: 25 Dec is a Saturday)', () => {
    expect(uk('2027-11-25').due).toBe('2027-12-29');
    expect(uk('2027-11-27').due).toBe('2027-12-29');
    expect(uk('2027-11-28').due).toBe('2027-12-29');
    expect(uk('2027-11-29').due).toBe('2027-12-29');
  });

  it('differs between Scotland and England', () => {
    expect(uk('2026-10-30').due).toBe('2026-11-30');
    expect(uk('2026-10-30', 'GB-SCT').due).toBe('2026-12-01'); // St Andrew's Day
    expect(uk('2026-12-02').due).toBe('2027-01-04');
    expect(uk('2026-12-02', 'GB-SCT').due).toBe('2027-01-05'); // 2 January substitute
    expect(uk('2025-12-01').due).toBe('2026-01-02');
    expect(uk('2025-12-01', 'GB-SCT').due).toBe('2026-01-05');
    expect(uk('2026-07-03').due).toBe('2026-08-03');
    expect(uk('2026-07-03', 'GB-SCT').due).toBe('2026-08-04'); // first Monday of August
    expect(uk('2026-07-31').due).toBe('2026-09-01'); // last Monday of August
    expect(uk('2026-07-31', 'GB-SCT').due).toBe('2026-08-31');
    expect(uk('2026-05-15', 'GB-SCT').due).toBe('2026-06-16'); // the 2026 World Cup holiday
  });

  it("knows Northern Ireland's St Patrick's Day and the Twelfth", () => {
    expect(uk('2026-02-17').due).toBe('2026-03-17');
    expect(uk('2026-02-17', 'GB-NIR').due).toBe('2026-03-18');
    expect(uk('2026-06-12').due).toBe('2026-07-13'); // 12 July 2026 is a Sunday
    expect(uk('2026-06-12', 'GB-NIR').due).toBe('2026-07-14'); // the Twelfth is substituted to Monday 13
  });

  it('treats Wales as England', () => {
    for (const d of ['2026-03-03', '2027-11-25', '2026-07-31']) expect(uk(d, 'GB-WLS')).toEqual(uk(d, 'GB-ENG'));
  });

  it('rejects bad input naming the field', () => {
    expect(() => uk('2026-02-30')).toThrow(/real calendar date/);
    expect(() => sarDeadline({ regime: 'gdpr' as 'hipaa', received: '2026-01-01' })).toThrow(/uk-gdpr, hipaa/);
    expect(() => uk('2026-01-01', 'US-CA' as 'GB-ENG')).toThrow(/GB-ENG/);
  });
});

describe('HIPAA right of access', () => {
  it('is 30 calendar days with one 30-day extension, weekends included', () => {
    expect(sarDeadline({ regime: 'hipaa', received: '2026-03-01' })).toEqual({ due: '2026-03-31', extendedDue: '2026-04-30' });
    expect(sarDeadline({ regime: 'hipaa', received: '2028-02-01' })).toEqual({ due: '2028-03-02', extendedDue: '2028-04-01' });
    expect(sarDeadline({ regime: 'hipaa', received: '2026-12-15' }).due).toBe('2027-01-14');
  });

  it('gives the accounting of disclosures 60 days, extendable by 30', () => {
    expect(hipaaAccountingDeadline({ received: '2026-01-01' })).toEqual({ due: '2026-03-02', extendedDue: '2026-04-01' });
  });
});

describe('breach clocks', () => {
  it('gives the ICO 72 hours from awareness, in UTC', () => {
    expect(ukGdprBreach({ aware: '2026-05-01T09:00:00Z' })).toEqual({ regulator: '2026-05-04T09:00:00Z' });
    // Elapsed hours, not wall-clock hours: the clocks going forward on 29 March change nothing in UTC.
    expect(ukGdprBreach({ aware: '2026-03-28T09:00:00+00:00' })).toEqual({ regulator: '2026-03-31T09:00:00Z' });
    expect(ukGdprBreach({ aware: '2026-06-30T10:15:30.250+01:00' })).toEqual({ regulator: '2026-07-03T09:15:30.250Z' });
    expect(() => ukGdprBreach({ aware: '2026-05-01 09:00' })).toThrow(/ISO-8601/);
    expect(() => ukGdprBreach({ aware: '2026-02-30T09:00:00Z' })).toThrow(/ISO-8601/);
  });

  it('matches the HIPAA contract example for a small breach', () => {
    expect(hipaaBreach({ discovered: '2026-05-01', affected: 20 })).toEqual({ individuals: '2026-06-30', hhs: '2027-03-01', media: null });
  });

  it('reports 500 or more to HHS and the media with the individuals', () => {
    const d = { individuals: '2027-01-14', hhs: '2027-01-14', media: '2027-01-14' };
    expect(hipaaBreach({ discovered: '2026-11-15', affected: 500 })).toEqual(d);
    expect(hipaaBreach({ discovered: '2026-11-15', affected: 499 })).toEqual({ individuals: '2027-01-14', hhs: '2027-03-01', media: null });
  });

  it('uses the calendar year of discovery for the annual HHS log, leap years included', () => {
    expect(hipaaBreach({ discovered: '2026-12-31', affected: 3 })).toEqual({ individuals: '2027-03-01', hhs: '2027-03-01', media: null });
    expect(hipaaBreach({ discovered: '2027-01-01', affected: 3 }).hhs).toBe('2028-02-29');
    expect(hipaaBreach({ discovered: '2027-12-31', affected: 0 }).hhs).toBe('2028-02-29');
  });

  it('rejects a negative or fractional count', () => {
    expect(() => hipaaBreach({ discovered: '2026-01-01', affected: -1 })).toThrow(/whole number/);
    expect(() => hipaaBreach({ discovered: '2026-01-01', affected: 1.5 })).toThrow(/whole number/);
  });
});
