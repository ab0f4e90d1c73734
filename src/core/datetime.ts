/**
 * The one way dates and times are shown to people, on screens and in PDFs alike: the practice's
 * locale (en-GB or en-US, from its jurisdiction) and its time zone, with the zone named wherever a
 * time is shown. Pure and free of Node imports, so the web app uses this very module.
 *
 *   en-GB: "7 December 2026"    "7 December 2026 at 17:03 GMT"
 *   en-US: "December 7, 2026"   "December 7, 2026 at 12:03 PM EST"
 *
 * Civil dates (a session date, a date of birth, a deadline) are never shifted by a zone.
 */
export type DisplayLocale = 'en-GB' | 'en-US';

export interface DisplayZone {
  locale: DisplayLocale;
  /** IANA name, e.g. Europe/London. */
  timeZone: string;
}

export const localeFor = (jurisdiction: string | null | undefined): DisplayLocale => (jurisdiction?.startsWith('US-') ? 'en-US' : 'en-GB');

export const displayZoneFor = (practice: { jurisdiction: string; timeZone: string }): DisplayZone => ({ locale: localeFor(practice.jurisdiction), timeZone: practice.timeZone });

// Intl formatters are costly to build and a long export formats thousands of times.
const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, opts);
    cache.set(key, f);
  }
  return f;
}

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** A 'YYYY-MM-DD' civil date (or the date part of an instant taken as written), e.g. "7 December 2026". */
export function formatDate(civil: string | null | undefined, locale: DisplayLocale): string {
  if (!civil) return '';
  const t = new Date(`${civil.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(t.getTime()) ? civil : fmt(locale, { ...DATE, timeZone: 'UTC' }).format(t);
}

/** An instant in the practice's zone, with the zone named: "7 December 2026 at 17:03 GMT". */
export function formatDateTime(iso: string | null | undefined, z: DisplayZone): string {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return fmt(z.locale, { ...DATE, hour: 'numeric', minute: '2-digit', timeZone: z.timeZone, timeZoneName: 'short' }).format(t);
}

/** The date an instant fell on in the practice's zone, formatted: "7 December 2026". */
export function formatInstantDate(iso: string | null | undefined, z: DisplayZone): string {
  if (!iso) return '';
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : fmt(z.locale, { ...DATE, timeZone: z.timeZone }).format(t);
}

/** The zone in words, for a heading note such as "Times are United Kingdom time (Europe/London)". */
export function zoneName(z: DisplayZone, at: Date = new Date()): string {
  const part = fmt(z.locale, { timeZone: z.timeZone, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  const words = part?.value ?? z.timeZone;
  return `${words.replace(/ Time$/, ' time')} (${z.timeZone})`;
}
