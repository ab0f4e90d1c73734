/**
 * Organisations, pure: the rules for teams, cover, supervision and emergency access ("break-glass"),
 * and their plain words.
 */
import { invalidInput } from '../../core/errors.js';
import { addDays, daysBetween, isCivilDate } from '../deadlines/civil-date.js';

/** Why a clinical lead needs emergency access: a category, always with free text as well. */
export const BREAK_GLASS_CATEGORIES = ['risk_to_life', 'safeguarding', 'continuity_of_care', 'legal_duty', 'other'] as const;
export type BreakGlassCategory = (typeof BREAK_GLASS_CATEGORIES)[number];

export const BREAK_GLASS_WORDS: Record<BreakGlassCategory, string> = {
  risk_to_life: 'Risk to life or of serious harm',
  safeguarding: 'Safeguarding concern',
  continuity_of_care: 'Continuity of care (treating practitioner unavailable)',
  legal_duty: 'A legal duty with a deadline',
  other: 'Another reason',
};

/** Emergency access lasts 4 hours unless asked otherwise, and never more than 24. */
export const BREAK_GLASS_DEFAULT_HOURS = 4;
export const BREAK_GLASS_MAX_HOURS = 24;

/** Cover is for a period: leave, illness, a vacancy. Longer than this is a change of practitioner. */
export const COVER_MAX_DAYS = 92;

export function checkHours(hours: unknown): number {
  const h = hours === undefined || hours === null ? BREAK_GLASS_DEFAULT_HOURS : Number(hours);
  if (!Number.isInteger(h) || h < 1 || h > BREAK_GLASS_MAX_HOURS) throw invalidInput('hours', `Emergency access lasts from 1 to ${BREAK_GLASS_MAX_HOURS} hours.`);
  return h;
}

export function checkReason(reason: unknown, field = 'reason'): string {
  const r = typeof reason === 'string' ? reason.trim() : '';
  if (!r) throw invalidInput(field, 'Give the reason.');
  if (r.length > 2000) throw invalidInput(field, 'The reason is too long (at most 2,000 characters).');
  return r;
}

/** A relationship's dates: from today or later; cover always ends, within COVER_MAX_DAYS. */
export function checkPeriod(kind: 'cover' | 'supervision', startsOn: unknown, endsOn: unknown, today: string): { startsOn: string; endsOn: string | null } {
  const start = startsOn === undefined || startsOn === null || startsOn === '' ? today : String(startsOn);
  if (!isCivilDate(start)) throw invalidInput('startsOn', 'Give the first day as a date.');
  if (start < today) throw invalidInput('startsOn', 'The first day cannot be in the past.');
  const end = endsOn === undefined || endsOn === null || endsOn === '' ? null : String(endsOn);
  if (end !== null && !isCivilDate(end)) throw invalidInput('endsOn', 'Give the last day as a date.');
  if (end !== null && end < start) throw invalidInput('endsOn', 'The last day cannot be before the first.');
  if (kind === 'cover') {
    if (end === null) throw invalidInput('endsOn', 'Cover ends on a set day; give the last day.');
    if (daysBetween(start, end) > COVER_MAX_DAYS) throw invalidInput('endsOn', `Cover lasts at most ${COVER_MAX_DAYS} days (${addDays(start, COVER_MAX_DAYS)}); for longer, move the clients to another practitioner.`);
  }
  return { startsOn: start, endsOn: end };
}

/** Is a dated relationship in force on `today`? */
export const inForce = (r: { starts_on: string; ends_on: string | null; ended_at: string | null }, today: string): boolean =>
  r.ended_at === null && r.starts_on <= today && (r.ends_on === null || r.ends_on >= today);
