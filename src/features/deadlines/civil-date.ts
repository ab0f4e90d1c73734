/**
 * Civil dates: 'YYYY-MM-DD' strings with no time of day and no time zone.
 *
 * Exported API:
 * - `isCivilDate(s)`, `parseCivilDate(s, field)` (throws invalid_input naming `field`), `formatCivilDate(y, m, d)`
 * - `addDays(date, n)`, `addMonths(date, n)` (ICO style: the corresponding date, else the last day of the
 *   shorter month), `anniversary(date, years)` (29 February → 1 March in a common year: the later date)
 * - `weekday(date)` (0 = Sunday … 6 = Saturday), `compareDates(a, b)`, `laterOf(a, b)`, `daysBetween(a, b)`
 * - `isLeapYear(y)`, `daysInMonth(y, m)`, `ageOn(born, date)` (whole years, leap-day birthdays on 1 March)
 * - `civilDateIn(instant, timeZone)`: the civil date of an instant in an IANA time zone.
 *
 * All arithmetic goes through a day number (days since 1970-01-01, computed with Date.UTC) so that no
 * local time zone or daylight-saving change can shift a date.
 */
import { invalidInput } from '../../core/errors.js';

export type CivilDate = string;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function toYmd(s: string): Ymd | null {
  const match = PATTERN.exec(s);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export const isCivilDate = (s: unknown): s is CivilDate => typeof s === 'string' && toYmd(s) !== null;

export function parseCivilDate(s: unknown, field = 'date'): Ymd {
  const ymd = typeof s === 'string' ? toYmd(s) : null;
  if (!ymd) throw invalidInput(field, `expected a real calendar date as YYYY-MM-DD, got ${JSON.stringify(s)}`);
  return ymd;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const formatCivilDate = (y: number, m: number, d: number): CivilDate =>
  `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

export function toDayNumber(date: CivilDate): number {
  const { y, m, d } = parseCivilDate(date);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // Date.UTC would read years 0–99 as 1900–1999
  return Math.round(t.getTime() / MS_PER_DAY);
}

export function fromDayNumber(n: number): CivilDate {
  const t = new Date(n * MS_PER_DAY);
  return formatCivilDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export const addDays = (date: CivilDate, n: number): CivilDate => fromDayNumber(toDayNumber(date) + n);

export const daysBetween = (from: CivilDate, to: CivilDate): number => toDayNumber(to) - toDayNumber(from);

/** The corresponding date n months on; where that month is shorter, its last day (the ICO's method). */
export function addMonths(date: CivilDate, n: number): CivilDate {
  const { y, m, d } = parseCivilDate(date);
  const index = y * 12 + (m - 1) + n;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return formatCivilDate(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/**
 * The date `years` years on. A 29 February with no counterpart becomes 1 March, never 28 February:
 * for retention and ages the later date is the safe side (records are kept a day longer, a child is
 * treated as a child a day longer).
 */
export function anniversary(date: CivilDate, years: number): CivilDate {
  const { y, m, d } = parseCivilDate(date);
  const ty = y + years;
  if (m === 2 && d === 29 && !isLeapYear(ty)) return formatCivilDate(ty, 3, 1);
  return formatCivilDate(ty, m, d);
}

/** Whole years of age on `date`; someone born on 29 February turns a year older on 1 March in common years. */
export function ageOn(born: CivilDate, date: CivilDate): number {
  const b = parseCivilDate(born);
  const t = parseCivilDate(date);
  let age = t.y - b.y;
  if (compareDates(anniversary(born, age), date) > 0) age -= 1;
  return age;
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: CivilDate): number => (((toDayNumber(date) + 4) % 7) + 7) % 7;

export const isWeekend = (date: CivilDate): boolean => {
  const w = weekday(date);
  return w === 0 || w === 6;
};

/** Lexical order is date order for zero-padded four-digit years. */
export const compareDates = (a: CivilDate, b: CivilDate): number => (a < b ? -1 : a > b ? 1 : 0);

export const laterOf = (a: CivilDate, b: CivilDate): CivilDate => (compareDates(a, b) >= 0 ? a : b);

/** The civil date of an instant in an IANA time zone, e.g. a request received at 23:30Z in British Summer Time. */
export function civilDateIn(instant: Date | string, timeZone: string): CivilDate {
  const t = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(t.getTime())) throw invalidInput('instant', 'expected an ISO-8601 timestamp');
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(t);
  } catch {
    throw invalidInput('timeZone', `unknown time zone ${JSON.stringify(timeZone)}`);
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return formatCivilDate(get('year'), get('month'), get('day'));
}
