import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatInstantDate, localeFor, zoneName } from './datetime.js';

const london = { locale: 'en-GB', timeZone: 'Europe/London' } as const;
const newYork = { locale: 'en-US', timeZone: 'America/New_York' } as const;

describe('one date and time format per locale', () => {
  it('writes civil dates the same way for screens and PDFs, never shifted by a zone', () => {
    expect(formatDate('2026-12-07', 'en-GB')).toBe('7 December 2026');
    expect(formatDate('2026-12-07', 'en-US')).toBe('December 7, 2026');
    expect(formatDate('', 'en-GB')).toBe('');
  });

  it('shows instants in the practice’s zone with the zone named, summer time included', () => {
    expect(formatDateTime('2026-12-07T17:03:00Z', london)).toMatch(/^7 December 2026,? (at )?17:03 GMT$/);
    expect(formatDateTime('2026-07-07T17:03:00Z', london)).toMatch(/^7 July 2026,? (at )?18:03 BST$/);
    expect(formatDateTime('2026-12-07T17:03:00Z', newYork)).toMatch(/^December 7, 2026,? (at )?12:03\sPM EST$/);
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(formatInstantDate('2026-06-30T23:30:00Z', london)).toBe('1 July 2026');
  });

  it('takes the locale from the jurisdiction and names the zone in words', () => {
    expect(localeFor('US-CA')).toBe('en-US');
    expect(localeFor('GB-SCT')).toBe('en-GB');
    expect(zoneName(london, new Date('2026-12-07T12:00:00Z'))).toBe('United Kingdom time (Europe/London)');
    expect(zoneName(newYork, new Date('2026-12-07T12:00:00Z'))).toBe('Eastern time (America/New_York)');
  });
});
