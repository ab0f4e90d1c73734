/**
 * Bank holidays of England & Wales, Scotland and Northern Ireland, computed from the rules of the
 * Banking and Financial Dealings Act 1971 Schedule 1 (as amended), the customary proclamations
 * (Boxing Day and the spring holiday in Scotland, the Twelfth in Northern Ireland, substitute days)
 * and the one-off days in rules/bank-holidays/one-off.json.
 *
 * Exported API:
 * - `UK_JURISDICTIONS`, `isUkJurisdiction(x)`, `divisionOf(jurisdiction)`
 * - `easterSunday(year)`: the Gregorian computus
 * - `bankHolidays(jurisdiction, year)` → `[{ date, name }]` in date order
 * - `isBankHoliday(date, jurisdiction)`, `isWorkingDay(date, jurisdiction)`,
 *   `nextWorkingDay(date, jurisdiction)` (the date itself when it is a working day)
 */
import { invalidInput } from '../../core/errors.js';
import { type CivilDate, addDays, daysInMonth, formatCivilDate, isWeekend, parseCivilDate, weekday } from './civil-date.js';
import { type Division, loadOneOffs } from './one-off-holidays.js';

export type { Division } from './one-off-holidays.js';

export const UK_JURISDICTIONS = ['GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR'] as const;
export type UkJurisdiction = (typeof UK_JURISDICTIONS)[number];

export const isUkJurisdiction = (x: unknown): x is UkJurisdiction =>
  typeof x === 'string' && (UK_JURISDICTIONS as readonly string[]).includes(x);

export function divisionOf(jurisdiction: UkJurisdiction): Division {
  if (jurisdiction === 'GB-SCT') return 'scotland';
  if (jurisdiction === 'GB-NIR') return 'northern-ireland';
  return 'england-and-wales';
}

export interface BankHoliday {
  date: CivilDate;
  name: string;
}

type Rule = { id: string; name: string; since?: number } & (
  | { kind: 'fixed'; month: number; day: number } // moves to the next free weekday when it falls at a weekend
  | { kind: 'easter'; offset: number }
  | { kind: 'monday'; month: number; which: 'first' | 'last' }
);

const NEW_YEAR: Rule = { id: 'new-year', name: "New Year's Day", kind: 'fixed', month: 1, day: 1 };
const GOOD_FRIDAY: Rule = { id: 'good-friday', name: 'Good Friday', kind: 'easter', offset: -2 };
const EASTER_MONDAY: Rule = { id: 'easter-monday', name: 'Easter Monday', kind: 'easter', offset: 1 };
const EARLY_MAY: Rule = { id: 'early-may', name: 'Early May bank holiday', kind: 'monday', month: 5, which: 'first' };
const SPRING: Rule = { id: 'spring', name: 'Spring bank holiday', kind: 'monday', month: 5, which: 'last' };
const CHRISTMAS: Rule = { id: 'christmas', name: 'Christmas Day', kind: 'fixed', month: 12, day: 25 };
const BOXING: Rule = { id: 'boxing', name: 'Boxing Day', kind: 'fixed', month: 12, day: 26 };

const RULES: Record<Division, Rule[]> = {
  'england-and-wales': [
    NEW_YEAR, GOOD_FRIDAY, EASTER_MONDAY, EARLY_MAY, SPRING,
    { id: 'summer', name: 'Summer bank holiday', kind: 'monday', month: 8, which: 'last' },
    CHRISTMAS, BOXING,
  ],
  scotland: [
    NEW_YEAR,
    { id: 'second-january', name: '2nd January', kind: 'fixed', month: 1, day: 2 },
    GOOD_FRIDAY, EARLY_MAY, SPRING,
    { id: 'summer', name: 'Summer bank holiday', kind: 'monday', month: 8, which: 'first' },
    { id: 'st-andrew', name: "St Andrew's Day", kind: 'fixed', month: 11, day: 30, since: 2007 },
    CHRISTMAS, BOXING,
  ],
  'northern-ireland': [
    NEW_YEAR,
    { id: 'st-patrick', name: "St Patrick's Day", kind: 'fixed', month: 3, day: 17 },
    GOOD_FRIDAY, EASTER_MONDAY, EARLY_MAY, SPRING,
    { id: 'boyne', name: "Battle of the Boyne (Orangemen's Day)", kind: 'fixed', month: 7, day: 12 },
    { id: 'summer', name: 'Summer bank holiday', kind: 'monday', month: 8, which: 'last' },
    CHRISTMAS, BOXING,
  ],
};

/** The rules as they stand date from 1978 (the early May holiday); earlier years had other days. */
export const FIRST_SUPPORTED_YEAR = 1978;
export const LAST_SUPPORTED_YEAR = 2999;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatCivilDate(year, month, day);
}

function monday(year: number, month: number, which: 'first' | 'last'): CivilDate {
  if (which === 'first') {
    const first = formatCivilDate(year, month, 1);
    return addDays(first, (8 - weekday(first)) % 7);
  }
  const last = formatCivilDate(year, month, daysInMonth(year, month));
  return addDays(last, -((weekday(last) + 6) % 7));
}

function ruleDate(rule: Rule, year: number): CivilDate {
  switch (rule.kind) {
    case 'fixed':
      return formatCivilDate(year, rule.month, rule.day);
    case 'easter':
      return addDays(easterSunday(year), rule.offset);
    case 'monday':
      return monday(year, rule.month, rule.which);
  }
}

function computeYear(division: Division, year: number): BankHoliday[] {
  const { moved, additional } = loadOneOffs();
  const taken = new Map<CivilDate, string>();
  const waiting: BankHoliday[] = [];
  for (const rule of RULES[division]) {
    if (rule.since !== undefined && year < rule.since) continue;
    let date = ruleDate(rule, year);
    const move = moved.find((mv) => mv.holiday === rule.id && mv.from === date && mv.divisions.includes(division));
    if (move) date = move.to;
    if (rule.kind === 'fixed' && isWeekend(date)) waiting.push({ date, name: rule.name });
    else taken.set(date, rule.name);
  }
  for (const extra of additional) {
    if (extra.date.startsWith(`${year}-`) && extra.divisions.includes(division)) taken.set(extra.date, extra.name);
  }
  // Substitute days go to the first weekday not already a holiday, in date order: Christmas on a
  // Saturday gives Monday 27 and Boxing Day Tuesday 28; Christmas on a Sunday gives Tuesday 27.
  for (const h of waiting.sort((p, q) => (p.date < q.date ? -1 : 1))) {
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.set(d, `${h.name} (substitute day)`);
  }
  return [...taken.entries()]
    .map(([date, name]) => ({ date, name }))
    .sort((p, q) => (p.date < q.date ? -1 : 1));
}

const cache = new Map<string, BankHoliday[]>();

export function bankHolidays(jurisdiction: UkJurisdiction, year: number): BankHoliday[] {
  if (!isUkJurisdiction(jurisdiction)) {
    throw invalidInput('jurisdiction', `expected one of ${UK_JURISDICTIONS.join(', ')}`);
  }
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw invalidInput('year', `expected a year from ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}`);
  }
  const division = divisionOf(jurisdiction);
  const key = `${division}:${year}`;
  let list = cache.get(key);
  if (!list) {
    list = computeYear(division, year);
    cache.set(key, list);
  }
  return list.map((h) => ({ ...h }));
}

export function isBankHoliday(date: CivilDate, jurisdiction: UkJurisdiction): boolean {
  const { y } = parseCivilDate(date);
  return bankHolidays(jurisdiction, y).some((h) => h.date === date);
}

export const isWorkingDay = (date: CivilDate, jurisdiction: UkJurisdiction): boolean =>
  !isWeekend(date) && !isBankHoliday(date, jurisdiction);

export function nextWorkingDay(date: CivilDate, jurisdiction: UkJurisdiction): CivilDate {
  let d = date;
  while (!isWorkingDay(d, jurisdiction)) d = addDays(d, 1);
  return d;
}
