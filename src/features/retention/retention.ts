/**
 * Retention policies as data and the disposal dates they give. Pure apart from reading the
 * shipped default policies through the deadline engine.
 */
import { invalidInput } from '../../core/errors.js';
import { type CivilDate, anniversary, compareDates } from '../deadlines/civil-date.js';
import { type RetentionPolicy, loadRetentionPolicy, retainUntilUnder } from '../deadlines/retention.js';

/** The shipped policy each jurisdiction starts from. States without their own file start from the UK-style periods and say so. */
const BASE: Record<string, string> = { 'US-CA': 'us-ca-psychologist' };
export const basePolicyName = (jurisdiction: string): string => BASE[jurisdiction] ?? 'uk-default';
export const needsLocalCheck = (jurisdiction: string): boolean => jurisdiction.startsWith('US-') && !(jurisdiction in BASE);

export interface PracticePolicy {
  jurisdiction: string;
  basePolicy: string;
  title: string;
  /** Adults: years after the last contact. */
  adultYears: number;
  /** Children: until this birthday… */
  minorUntilBirthday: number;
  /** …or this one if they were 17 when the work ended. */
  minorUntilBirthdayAt17: number;
  /** Process notes kept for fewer years after the last contact (null: as long as the rest). */
  processNotesYears: number | null;
  reason: string | null;
  isDefault: boolean;
  needsLocalCheck: boolean;
  sources: string[];
  updatedBy: string | null;
  updatedAt: string | null;
}

export function defaultPolicy(jurisdiction: string): PracticePolicy {
  const base = loadRetentionPolicy(basePolicyName(jurisdiction));
  const untilBirthday = base.minor?.untilBirthday ?? 18 + base.adult.yearsAfterLastContact;
  return {
    jurisdiction, basePolicy: base.name, title: base.title, adultYears: base.adult.yearsAfterLastContact,
    minorUntilBirthday: untilBirthday, minorUntilBirthdayAt17: base.minor?.untilBirthdayByAgeAtLastContact['17'] ?? untilBirthday,
    processNotesYears: null, reason: null, isDefault: true, needsLocalCheck: needsLocalCheck(jurisdiction), sources: base.sources, updatedBy: null, updatedAt: null,
  };
}

export interface PolicyInput {
  adultYears: number;
  minorUntilBirthday: number;
  minorUntilBirthdayAt17: number;
  processNotesYears: number | null;
  reason?: string | null;
}

const whole = (v: unknown, field: string, min: number, max: number): number => {
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) throw invalidInput(field, `expected a whole number from ${min} to ${max}`);
  return v as number;
};

/** A practice may keep records longer or shorter than the default, but must say why. */
export function checkPolicyInput(jurisdiction: string, input: PolicyInput): Omit<PracticePolicy, 'updatedBy' | 'updatedAt'> {
  const d = defaultPolicy(jurisdiction);
  const adultYears = whole(input.adultYears, 'adultYears', 1, 100);
  const minorUntilBirthday = whole(input.minorUntilBirthday, 'minorUntilBirthday', 18, 100);
  const minorUntilBirthdayAt17 = whole(input.minorUntilBirthdayAt17, 'minorUntilBirthdayAt17', minorUntilBirthday, 100);
  const processNotesYears = input.processNotesYears === null || input.processNotesYears === undefined ? null : whole(input.processNotesYears, 'processNotesYears', 0, adultYears);
  const differs = adultYears !== d.adultYears || minorUntilBirthday !== d.minorUntilBirthday || minorUntilBirthdayAt17 !== d.minorUntilBirthdayAt17 || processNotesYears !== null;
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (differs && reason.length < 10) throw invalidInput('reason', 'Say why the practice departs from the default periods.');
  if (reason.length > 2000) throw invalidInput('reason', 'The reason is longer than 2000 characters.');
  return { ...d, adultYears, minorUntilBirthday, minorUntilBirthdayAt17, processNotesYears, reason: differs ? reason : null, isDefault: !differs };
}

/** The practice's periods in the deadline engine's shape. */
export function enginePolicy(p: PracticePolicy): Pick<RetentionPolicy, 'adult' | 'minor'> {
  const base = loadRetentionPolicy(p.basePolicy);
  return {
    adult: { yearsAfterLastContact: p.adultYears },
    minor: { ageOfMajority: base.minor?.ageOfMajority ?? 18, untilBirthday: p.minorUntilBirthday, untilBirthdayByAgeAtLastContact: { '17': p.minorUntilBirthdayAt17 }, alsoAdultPeriod: base.minor?.alsoAdultPeriod ?? true },
  };
}

export interface DisposalDate {
  retainUntil: CivilDate;
  rule: 'adult' | 'minor';
  ageAtLastContact: number | null;
  /** When process notes may go, if the practice keeps them for less time. */
  processNotesUntil: CivilDate | null;
}

export function disposalDate(p: PracticePolicy, facts: { born: CivilDate | null; lastContact: CivilDate }): DisposalDate {
  const r = retainUntilUnder(enginePolicy(p), { born: facts.born, lastContact: facts.lastContact });
  let processNotesUntil: CivilDate | null = null;
  if (p.processNotesYears !== null) {
    const early = anniversary(facts.lastContact, p.processNotesYears);
    processNotesUntil = compareDates(early, r.retainUntil) < 0 ? early : null;
  }
  return { retainUntil: r.retainUntil, rule: r.rule, ageAtLastContact: r.ageAtLastContact, processNotesUntil };
}
