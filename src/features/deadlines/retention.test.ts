import { describe, expect, it } from 'vitest';
import { retainUntil, retentionPolicyNames } from './retention.js';

const uk = (born: string | undefined, lastContact: string) => retainUntil({ policy: 'uk-default', born, lastContact });

describe('retention under uk-default', () => {
  it('matches the contract example (16 at the last contact: the 25th birthday)', () => {
    expect(uk('2010-06-01', '2027-05-01')).toEqual({ retainUntil: '2035-06-01', rule: 'minor', ageAtLastContact: 16 });
  });

  it('keeps an adult 7 years after the last contact, with or without a date of birth', () => {
    expect(uk('1980-01-01', '2026-05-01').retainUntil).toBe('2033-05-01');
    expect(uk(undefined, '2026-05-01')).toEqual({ retainUntil: '2033-05-01', rule: 'adult', ageAtLastContact: null });
  });

  it('keeps a 17-year-old until the 26th birthday', () => {
    expect(uk('2010-03-15', '2027-06-01')).toMatchObject({ retainUntil: '2036-03-15', rule: 'minor', ageAtLastContact: 17 });
  });

  it('turns on the birthday itself', () => {
    expect(uk('2009-05-01', '2027-04-30')).toMatchObject({ retainUntil: '2035-05-01', ageAtLastContact: 17 });
    expect(uk('2009-05-01', '2027-05-01')).toMatchObject({ retainUntil: '2034-05-01', rule: 'adult', ageAtLastContact: 18 });
  });

  it('treats a 29 February birthday as falling on 1 March in common years (the longer retention)', () => {
    expect(uk('2008-02-29', '2026-02-28')).toMatchObject({ retainUntil: '2034-03-01', ageAtLastContact: 17 });
    expect(uk('2008-02-29', '2026-03-01')).toMatchObject({ retainUntil: '2033-03-01', ageAtLastContact: 18 });
    expect(uk('1990-07-01', '2024-02-29').retainUntil).toBe('2031-03-01');
    expect(uk('2012-02-29', '2020-06-01').retainUntil).toBe('2037-03-01');
  });

  it('rejects impossible input', () => {
    expect(() => uk('2027-01-01', '2026-01-01')).toThrow(/after the last contact/);
    expect(() => uk('2010-02-30', '2026-01-01')).toThrow(/real calendar date/);
    expect(() => retainUntil({ policy: 'nope', lastContact: '2026-01-01' })).toThrow(/uk-default/);
  });
});

describe('other policies', () => {
  it('lists the policies shipped as data', () => {
    expect(retentionPolicyNames()).toEqual(['uk-default', 'us-ca-psychologist', 'us-hipaa-documentation']);
  });

  it('California psychologists: 7 years from discharge, or a minor until 25 when later', () => {
    const ca = (born: string | undefined, lastContact: string) => retainUntil({ policy: 'us-ca-psychologist', born, lastContact });
    expect(ca('2015-01-10', '2026-06-01').retainUntil).toBe('2040-01-10');
    expect(ca('2009-01-01', '2026-06-01').retainUntil).toBe('2034-01-01'); // no 26th-birthday limb
    expect(ca('1970-01-01', '2026-06-01').retainUntil).toBe('2033-06-01');
    expect(ca('2008-07-01', '2026-06-01')).toMatchObject({ retainUntil: '2033-07-01', rule: 'minor' });
  });

  it('HIPAA documentation: 6 years whatever the age', () => {
    expect(retainUntil({ policy: 'us-hipaa-documentation', born: '2015-01-01', lastContact: '2026-05-01' }).retainUntil).toBe('2032-05-01');
  });
});
