/**
 * Retention periods under named policies (data in rules/retention/<name>.json).
 *
 * Exported API:
 * - `retentionPolicyNames()` → the names available
 * - `loadRetentionPolicy(name)` → the parsed policy (throws invalid_input on an unknown name)
 * - `retainUntil({ policy, born?, lastContact })` → `{ retainUntil, rule, ageAtLastContact }`
 * - `retainUntilUnder(policyData, { born?, lastContact })`: the same under a policy given as data
 *
 * Anniversaries of 29 February fall on 1 March in common years (see `anniversary`): a record is
 * then kept one day longer, never one day shorter. When a child's own rule and the adult period
 * both apply, the later date wins.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { invalidInput } from '../../core/errors.js';
import { packageRoot } from '../../core/paths.js';
import { type CivilDate, ageOn, anniversary, compareDates, laterOf, parseCivilDate } from './civil-date.js';

export interface RetentionPolicy {
  name: string;
  title: string;
  adult: { yearsAfterLastContact: number };
  minor: null | {
    ageOfMajority: number;
    untilBirthday: number;
    untilBirthdayByAgeAtLastContact: Record<string, number>;
    alsoAdultPeriod: boolean;
  };
  sources: string[];
  lastChecked: string;
}

export interface RetentionInput {
  policy: string;
  born?: CivilDate | null;
  lastContact: CivilDate;
}

export interface RetentionResult {
  retainUntil: CivilDate;
  /** Which limb decided the date. */
  rule: 'adult' | 'minor';
  ageAtLastContact: number | null;
}

const dir = () => join(packageRoot(), 'rules', 'retention');

export function retentionPolicyNames(): string[] {
  return readdirSync(dir())
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function loadRetentionPolicy(name: string): RetentionPolicy {
  const names = retentionPolicyNames();
  if (!names.includes(name)) throw invalidInput('policy', `expected one of ${names.join(', ')}`);
  return JSON.parse(readFileSync(join(dir(), `${name}.json`), 'utf8')) as RetentionPolicy;
}

export function retainUntil(input: RetentionInput): RetentionResult {
  return retainUntilUnder(loadRetentionPolicy(input.policy), input);
}

/** The same rule under a policy given as data (e.g. a practice's own edited periods). */
export function retainUntilUnder(policy: Pick<RetentionPolicy, 'adult' | 'minor'>, input: Omit<RetentionInput, 'policy'>): RetentionResult {
  parseCivilDate(input.lastContact, 'lastContact');
  const adultUntil = anniversary(input.lastContact, policy.adult.yearsAfterLastContact);
  if (input.born === undefined || input.born === null) {
    return { retainUntil: adultUntil, rule: 'adult', ageAtLastContact: null };
  }
  parseCivilDate(input.born, 'born');
  if (compareDates(input.born, input.lastContact) > 0) {
    throw invalidInput('born', 'date of birth is after the last contact');
  }
  const age = ageOn(input.born, input.lastContact);
  const minor = policy.minor;
  if (!minor || age >= minor.ageOfMajority) {
    return { retainUntil: adultUntil, rule: 'adult', ageAtLastContact: age };
  }
  const birthday = minor.untilBirthdayByAgeAtLastContact[String(age)] ?? minor.untilBirthday;
  const minorUntil = anniversary(input.born, birthday);
  const until = minor.alsoAdultPeriod ? laterOf(minorUntil, adultUntil) : minorUntil;
  return { retainUntil: until, rule: until === minorUntil ? 'minor' : 'adult', ageAtLastContact: age };
}
