import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, ageOn, anniversary, civilDateIn, compareDates, daysBetween, isCivilDate, parseCivilDate, weekday,
} from './civil-date.js';

describe('civil dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isCivilDate('2028-02-29')).toBe(true);
    expect(isCivilDate('2000-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2027-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-2-1', '26-01-01', '2026-01-01T00:00Z', '']) {
      expect(isCivilDate(bad)).toBe(false);
    }
    expect(() => parseCivilDate('2026-02-30', 'received')).toThrow(/real calendar date/);
  });

  it('adds calendar months the ICO way: corresponding date, else the last day of the shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-01-29', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-29', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-30', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
    expect(addMonths('2026-04-30', 1)).toBe('2026-05-30');
    expect(addMonths('2026-12-31', 1)).toBe('2027-01-31');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('adds days across months, years and daylight-saving changes without drift', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 60)).toBe('2027-03-01');
    expect(addDays('2027-12-31', 60)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('knows weekdays and order', () => {
    expect(weekday('2026-11-21')).toBe(6);
    expect(weekday('2026-11-22')).toBe(0);
    expect(weekday('2000-01-01')).toBe(6);
    expect(weekday('1969-12-31')).toBe(3);
    expect(compareDates('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
  });

  it('puts the anniversary of 29 February on 1 March in common years (the later date)', () => {
    expect(anniversary('2024-02-29', 7)).toBe('2031-03-01');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
    expect(anniversary('2027-05-01', 7)).toBe('2034-05-01');
  });

  it('counts ages in whole years, a leap-day child turning older on 1 March', () => {
    expect(ageOn('2010-06-01', '2027-05-01')).toBe(16);
    expect(ageOn('2010-06-01', '2027-06-01')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('gives the civil date of an instant in the practice time zone', () => {
    // 31 March 2026 is in British Summer Time (from 29 March), so 23:30Z is already 1 April in London.
    expect(civilDateIn('2026-03-31T23:30:00Z', 'Europe/London')).toBe('2026-04-01');
    expect(civilDateIn('2026-03-31T23:30:00Z', 'UTC')).toBe('2026-03-31');
    // In winter London is on UTC.
    expect(civilDateIn('2026-01-31T23:30:00Z', 'Europe/London')).toBe('2026-01-31');
    expect(civilDateIn('2026-03-01T05:00:00Z', 'America/Los_Angeles')).toBe('2026-02-28');
    expect(civilDateIn('2026-03-01T05:00:00Z', 'America/New_York')).toBe('2026-03-01');
    expect(civilDateIn('2026-11-01T04:30:00Z', 'America/New_York')).toBe('2026-11-01');
    expect(civilDateIn('2026-11-01T03:30:00Z', 'America/New_York')).toBe('2026-10-31');
    expect(civilDateIn(new Date('2026-12-31T12:00:00Z'), 'Pacific/Auckland')).toBe('2027-01-01');
    expect(() => civilDateIn('2026-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(/time zone/);
  });
});
