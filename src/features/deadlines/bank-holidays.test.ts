import { describe, expect, it } from 'vitest';
import { bankHolidays, easterSunday, isBankHoliday, nextWorkingDay } from './bank-holidays.js';

// Published GOV.UK lists (https://www.gov.uk/bank-holidays), month-day, including substitute days,
// the 2020 VE Day move, the 2022 Platinum Jubilee and state funeral, the 2023 coronation and the
// 2026 Scottish World Cup holiday.
const PUBLISHED: Record<'GB-ENG' | 'GB-SCT' | 'GB-NIR', Record<number, string>> = {
  'GB-ENG': {
    2020: '01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28',
    2021: '01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28',
    2022: '01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27',
    2023: '01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26',
    2024: '01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26',
    2025: '01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26',
    2026: '01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28',
    2027: '01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28',
  },
  'GB-SCT': {
    2020: '01-01 01-02 04-10 05-08 05-25 08-03 11-30 12-25 12-28',
    2021: '01-01 01-04 04-02 05-03 05-31 08-02 11-30 12-27 12-28',
    2022: '01-03 01-04 04-15 05-02 06-02 06-03 08-01 09-19 11-30 12-26 12-27',
    2023: '01-02 01-03 04-07 05-01 05-08 05-29 08-07 11-30 12-25 12-26',
    2024: '01-01 01-02 03-29 05-06 05-27 08-05 12-02 12-25 12-26',
    2025: '01-01 01-02 04-18 05-05 05-26 08-04 12-01 12-25 12-26',
    2026: '01-01 01-02 04-03 05-04 05-25 06-15 08-03 11-30 12-25 12-28',
    2027: '01-01 01-04 03-26 05-03 05-31 08-02 11-30 12-27 12-28',
  },
  'GB-NIR': {
    2020: '01-01 03-17 04-10 04-13 05-08 05-25 07-13 08-31 12-25 12-28',
    2021: '01-01 03-17 04-02 04-05 05-03 05-31 07-12 08-30 12-27 12-28',
    2022: '01-03 03-17 04-15 04-18 05-02 06-02 06-03 07-12 08-29 09-19 12-26 12-27',
    2023: '01-02 03-17 04-07 04-10 05-01 05-08 05-29 07-12 08-28 12-25 12-26',
    2024: '01-01 03-18 03-29 04-01 05-06 05-27 07-12 08-26 12-25 12-26',
    2025: '01-01 03-17 04-18 04-21 05-05 05-26 07-14 08-25 12-25 12-26',
    2026: '01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28',
    2027: '01-01 03-17 03-26 03-29 05-03 05-31 07-12 08-30 12-27 12-28',
  },
};

describe('bank holidays', () => {
  for (const [jurisdiction, years] of Object.entries(PUBLISHED)) {
    for (const [year, expected] of Object.entries(years)) {
      it(`${jurisdiction} ${year} matches the published list`, () => {
        const got = bankHolidays(jurisdiction as 'GB-ENG', Number(year)).map((h) => h.date.slice(5));
        expect(got.join(' ')).toBe(expected);
      });
    }
  }

  it('Wales shares the England list', () => {
    for (let y = 2020; y <= 2030; y++) expect(bankHolidays('GB-WLS', y)).toEqual(bankHolidays('GB-ENG', y));
  });

  it('computes Easter by the Gregorian computus', () => {
    const known: Record<number, string> = {
      2019: '2019-04-21', 2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05',
      2027: '2027-03-28', 2038: '2038-04-25', 2285: '2285-03-22', 2000: '2000-04-23',
    };
    for (const [y, d] of Object.entries(known)) expect(easterSunday(Number(y))).toBe(d);
  });

  it('names substitute days', () => {
    const names = bankHolidays('GB-ENG', 2027).filter((h) => h.date >= '2027-12-01').map((h) => h.name);
    expect(names).toEqual(['Christmas Day (substitute day)', 'Boxing Day (substitute day)']);
    expect(bankHolidays('GB-ENG', 2022).find((h) => h.date === '2022-12-27')?.name).toBe('Christmas Day (substitute day)');
  });

  it('moves holidays listed as one-offs rather than adding them twice', () => {
    expect(isBankHoliday('2020-05-04', 'GB-ENG')).toBe(false);
    expect(isBankHoliday('2022-05-30', 'GB-SCT')).toBe(false);
    expect(bankHolidays('GB-ENG', 2012).map((h) => h.date)).toContain('2012-06-05');
    expect(isBankHoliday('2012-05-28', 'GB-ENG')).toBe(false);
  });

  it("St Andrew's Day exists from 2007 only", () => {
    expect(isBankHoliday('2006-11-30', 'GB-SCT')).toBe(false);
    expect(isBankHoliday('2007-11-30', 'GB-SCT')).toBe(true);
  });

  it('finds the next working day past weekends and runs of holidays', () => {
    expect(nextWorkingDay('2027-12-25', 'GB-ENG')).toBe('2027-12-29');
    expect(nextWorkingDay('2026-04-03', 'GB-ENG')).toBe('2026-04-07');
    expect(nextWorkingDay('2026-04-03', 'GB-SCT')).toBe('2026-04-06');
    expect(nextWorkingDay('2026-11-23', 'GB-ENG')).toBe('2026-11-23');
  });

  it('rejects unknown jurisdictions and unsupported years', () => {
    expect(() => bankHolidays('GB-XX' as 'GB-ENG', 2026)).toThrow(/expected one of GB-ENG/);
    expect(() => bankHolidays('GB-ENG', 1900)).toThrow(/year/);
  });
});
