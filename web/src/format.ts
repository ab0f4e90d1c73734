/**
 * Dates and times on screen: the same formatter as the server's PDFs (src/core/datetime.ts), in
 * the practice's locale and time zone, with the zone named where a time is shown. The app sets
 * the practice's zone once it knows it; until then, en-GB and the browser's own zone.
 */
import { type DisplayZone, displayZoneFor, formatDate, formatDateTime, zoneName } from '../../src/core/datetime.js';

let zone: DisplayZone = { locale: 'en-GB', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/London' };

export function setPracticeZone(practice: { jurisdiction: string; timeZone: string }): void {
  zone = displayZoneFor(practice);
}

export const practiceZone = (): DisplayZone => zone;

/** A 'YYYY-MM-DD' civil date, e.g. a session date or date of birth. */
export function civilDate(d: string | null | undefined): string {
  return formatDate(d, zone.locale);
}

/** An ISO-8601 instant, e.g. when a note was signed, in the practice's zone with the zone named. */
export function instant(iso: string | null | undefined): string {
  return formatDateTime(iso, zone);
}

/** "United Kingdom time (Europe/London)", for a note beside a list of times. */
export const zoneLabel = (): string => zoneName(zone);

/** Today in the practice's zone, as 'YYYY-MM-DD'. */
export function todayCivil(): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function humanise(code: string): string {
  const s = code.replace(/[_.]/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
