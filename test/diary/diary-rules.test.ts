import { describe, expect, it } from 'vitest';
import { arrangingChannels, checkRange, diaryName, shortName } from '../../src/features/diary/diary.js';

describe('diary rules', () => {
  it('names a client by first name and initial, unless the practice chooses full names', () => {
    expect(shortName('Marguerite Okafor')).toBe('Marguerite O.');
    expect(shortName('  Ana María  de la Cruz ')).toBe('Ana C.');
    expect(shortName('Prince')).toBe('Prince');
    expect(shortName('jo van dyke')).toBe('jo D.');
    expect(diaryName('Marguerite Okafor', 'full')).toBe('Marguerite Okafor');
  });

  it('takes a range of real days, in order, at most 31 of them', () => {
    expect(checkRange('2026-12-01', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(checkRange('2027-02-28', '2027-02-28')).toEqual({ from: '2027-02-28', to: '2027-02-28' });
    expect(() => checkRange('2026-12-01', '2027-01-01')).toThrow(/at most 31 days/);
    expect(() => checkRange('2027-02-29', '2027-03-01')).toThrow(/real date/);
    expect(() => checkRange('2026-12-02', '2026-12-01')).toThrow(/before the first day/);
  });

  it('offers each agreed channel with the one detail it needs, and never video', () => {
    const who = { name: 'Sam Reyes', email: 'sam@example.org', phone: '07700 900001', address: '1 Mill Lane', gp: 'Dr Shah' };
    expect(arrangingChannels(['email', 'video', 'voicemail', 'post'], who)).toEqual([
      { channel: 'email', label: 'Email', value: 'sam@example.org' },
      { channel: 'voicemail', label: 'Voicemail message', value: '07700 900001' },
      { channel: 'post', label: 'Letters by post', value: '1 Mill Lane' },
    ]);
    expect(arrangingChannels(['sms'], { name: 'Sam Reyes' })).toEqual([{ channel: 'sms', label: 'Text message (SMS)', value: null }]);
    expect(arrangingChannels([], who)).toEqual([]);
  });
});
