import { describe, expect, it } from 'vitest';
import { checkPolicyInput, defaultPolicy, disposalDate } from './retention.js';

const uk = defaultPolicy('GB-ENG');
const until = (born: string | null, lastContact: string) => disposalDate(uk, { born, lastContact });

describe('disposal dates under the default UK policy', () => {
  it('keeps an adult record 7 years after the last contact', () => {
    expect(until('1980-05-10', '2020-03-15')).toMatchObject({ retainUntil: '2027-03-15', rule: 'adult', ageAtLastContact: 39 });
    expect(until(null, '2020-03-15')).toMatchObject({ retainUntil: '2027-03-15', rule: 'adult', ageAtLastContact: null });
  });

  it('moves a 29 February anniversary to 1 March, never earlier', () => {
    expect(until(null, '2020-02-29').retainUntil).toBe('2027-03-01');
    expect(until(null, '2024-02-29').retainUntil).toBe('2031-03-01');
  });

  it("keeps a child's record until their 25th birthday", () => {
    expect(until('2005-06-01', '2020-09-01')).toMatchObject({ retainUntil: '2030-06-01', rule: 'minor', ageAtLastContact: 15 });
  });

  it('keeps it until the 26th birthday when they were 17 when therapy ended', () => {
    expect(until('2003-01-10', '2020-06-01')).toMatchObject({ retainUntil: '2029-01-10', rule: 'minor', ageAtLastContact: 17 });
    // The day before the 18th birthday is still 17 …
    expect(until('2002-06-02', '2020-06-01')).toMatchObject({ retainUntil: '2028-06-02', ageAtLastContact: 17 });
    // … and on the birthday itself they are an adult.
    expect(until('2002-06-01', '2020-06-01')).toMatchObject({ retainUntil: '2027-06-01', rule: 'adult', ageAtLastContact: 18 });
  });

  it('counts a leap-day birthday from 1 March in common years', () => {
    // Born 29 Feb 2004: still 16 on 28 Feb 2021, 17 on 1 Mar 2021.
    expect(until('2004-02-29', '2021-02-28')).toMatchObject({ retainUntil: '2029-03-01', ageAtLastContact: 16 });
    expect(until('2004-02-29', '2021-03-01')).toMatchObject({ retainUntil: '2030-03-01', ageAtLastContact: 17 });
    // 2028 is a leap year: the 24th birthday is a real 29 February, the 25th is not.
    expect(until('2004-02-29', '2019-02-28').retainUntil).toBe('2029-03-01');
  });

  it('takes the adult period when it ends later than the child rule', () => {
    // 17 at the end under a policy with a short child rule: the 7 years win.
    const p = checkPolicyInput('GB-ENG', { adultYears: 7, minorUntilBirthday: 19, minorUntilBirthdayAt17: 19, processNotesYears: null, reason: 'Board decision after legal advice' });
    expect(disposalDate({ ...p, updatedBy: null, updatedAt: null }, { born: '2003-01-10', lastContact: '2020-06-01' })).toMatchObject({ retainUntil: '2027-06-01', rule: 'adult' });
  });
});

describe("a practice's own periods", () => {
  it('needs a reason to depart from the default', () => {
    expect(() => checkPolicyInput('GB-ENG', { adultYears: 6, minorUntilBirthday: 25, minorUntilBirthdayAt17: 26, processNotesYears: null })).toThrow(expect.objectContaining({ field: 'reason' }));
    expect(() => checkPolicyInput('GB-ENG', { adultYears: 0, minorUntilBirthday: 25, minorUntilBirthdayAt17: 26, processNotesYears: null, reason: 'x'.repeat(20) })).toThrow(expect.objectContaining({ field: 'adultYears' }));
    const same = checkPolicyInput('GB-ENG', { adultYears: 7, minorUntilBirthday: 25, minorUntilBirthdayAt17: 26, processNotesYears: null });
    expect(same.isDefault).toBe(true);
  });

  it('gives process notes their own shorter date', () => {
    const p = { ...checkPolicyInput('GB-ENG', { adultYears: 7, minorUntilBirthday: 25, minorUntilBirthdayAt17: 26, processNotesYears: 2, reason: 'Process notes are working notes only' }), updatedBy: null, updatedAt: null };
    expect(disposalDate(p, { born: null, lastContact: '2020-03-15' })).toMatchObject({ retainUntil: '2027-03-15', processNotesUntil: '2022-03-15' });
    expect(disposalDate(p, { born: null, lastContact: '2020-02-29' }).processNotesUntil).toBe('2022-03-01');
  });

  it('starts California practices from the psychologists’ statute and flags states with no shipped default', () => {
    expect(defaultPolicy('US-CA')).toMatchObject({ basePolicy: 'us-ca-psychologist', adultYears: 7, minorUntilBirthday: 25, minorUntilBirthdayAt17: 25, needsLocalCheck: false });
    expect(defaultPolicy('US-TX').needsLocalCheck).toBe(true);
  });
});
