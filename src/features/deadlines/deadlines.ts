/**
 * Statutory clocks for subject access, breaches and accountings of disclosures. Pure functions of
 * their input: dates in, dates out, no clock read.
 *
 * Exported API:
 * - `sarDeadline({ regime: 'uk-gdpr' | 'hipaa', received, jurisdiction? })` → `{ due, extendedDue }`
 *   UK GDPR Art. 12(3) by the ICO's method (one calendar month, the corresponding date or the last
 *   day of a shorter month, then the next working day of the jurisdiction; the extension is three
 *   months from receipt on the same method). HIPAA §164.524(b)(2): 30 days, one 30-day extension.
 * - `ukGdprBreach({ aware })` → `{ regulator }`: Art. 33, 72 hours from awareness (ISO-8601 UTC).
 * - `hipaaBreach({ discovered, affected })` → `{ individuals, hhs, media }`: §§164.404–164.408.
 * - `hipaaAccountingDeadline({ received })` → `{ due, extendedDue }`: §164.528(c), 60 days + 30.
 *
 * `received`, `discovered` are civil dates in the practice's time zone: turn an instant into one
 * with `civilDateIn(instant, timeZone)` before calling.
 */
import { invalidInput } from '../../core/errors.js';
import { type UkJurisdiction, UK_JURISDICTIONS, isUkJurisdiction, nextWorkingDay } from './bank-holidays.js';
import { type CivilDate, addDays, addMonths, formatCivilDate, isCivilDate, parseCivilDate } from './civil-date.js';

export const SAR_REGIMES = ['uk-gdpr', 'hipaa'] as const;
export type SarRegime = (typeof SAR_REGIMES)[number];

export interface SarInput {
  regime: SarRegime;
  received: CivilDate;
  jurisdiction?: UkJurisdiction;
}

export interface SarDeadline {
  due: CivilDate;
  extendedDue: CivilDate;
}

export function sarDeadline(input: SarInput): SarDeadline {
  parseCivilDate(input.received, 'received');
  if (input.regime === 'hipaa') {
    return { due: addDays(input.received, 30), extendedDue: addDays(input.received, 60) };
  }
  if (input.regime !== 'uk-gdpr') throw invalidInput('regime', `expected one of ${SAR_REGIMES.join(', ')}`);
  const jurisdiction = input.jurisdiction ?? 'GB-ENG';
  if (!isUkJurisdiction(jurisdiction)) {
    throw invalidInput('jurisdiction', `expected one of ${UK_JURISDICTIONS.join(', ')}`);
  }
  // The extension is counted from receipt (one month + two further months), not from the first
  // due date, so a short first month cannot shorten the second period.
  return {
    due: nextWorkingDay(addMonths(input.received, 1), jurisdiction),
    extendedDue: nextWorkingDay(addMonths(input.received, 3), jurisdiction),
  };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with an explicit zone (a bare local time would be ambiguous) and a real calendar date (Date accepts 2026-02-30). */
export function parseInstant(s: unknown, field: string): Date {
  const ok = typeof s === 'string' && ISO_INSTANT.test(s) && isCivilDate(s.slice(0, 10));
  const t = ok ? new Date(s as string) : null;
  if (!t || Number.isNaN(t.getTime())) {
    throw invalidInput(field, `expected an ISO-8601 timestamp with a zone, e.g. 2026-05-01T09:00:00Z, got ${JSON.stringify(s)}`);
  }
  return t;
}

/** ISO-8601 UTC without milliseconds when they are zero: 2026-05-04T09:00:00Z. */
export const formatInstant = (t: Date): string => t.toISOString().replace('.000Z', 'Z');

export function ukGdprBreach(input: { aware: string }): { regulator: string } {
  const aware = parseInstant(input.aware, 'aware');
  return { regulator: formatInstant(new Date(aware.getTime() + 72 * 3_600_000)) };
}

export interface HipaaBreachDeadlines {
  individuals: CivilDate;
  hhs: CivilDate;
  /** Prominent media outlets: only when 500 or more residents of a state or jurisdiction are affected. */
  media: CivilDate | null;
}

export const HIPAA_LARGE_BREACH = 500;

export function hipaaBreach(input: { discovered: CivilDate; affected: number }): HipaaBreachDeadlines {
  const { y } = parseCivilDate(input.discovered, 'discovered');
  if (!Number.isInteger(input.affected) || input.affected < 0) {
    throw invalidInput('affected', 'expected a whole number of people, 0 or more');
  }
  const individuals = addDays(input.discovered, 60);
  if (input.affected >= HIPAA_LARGE_BREACH) return { individuals, hhs: individuals, media: individuals };
  // Smaller breaches go into the annual log: within 60 days after the end of the calendar year of discovery.
  return { individuals, hhs: addDays(formatCivilDate(y, 12, 31), 60), media: null };
}

export function hipaaAccountingDeadline(input: { received: CivilDate }): SarDeadline {
  parseCivilDate(input.received, 'received');
  return { due: addDays(input.received, 60), extendedDue: addDays(input.received, 90) };
}
