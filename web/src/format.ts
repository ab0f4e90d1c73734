/** Dates shown in the reader's own locale and time zone; civil dates are never shifted. */

const dateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A 'YYYY-MM-DD' civil date, e.g. a session date or date of birth. */
export function civilDate(d: string | null | undefined): string {
  if (!d) return '';
  const t = new Date(`${d.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t.getTime()) ? d : dateFmt.format(t);
}

/** An ISO-8601 instant, e.g. when a note was signed. */
export function instant(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : dateTimeFmt.format(t);
}

/** The date an instant fell on, in this browser's time zone, as 'YYYY-MM-DD'. */
export function todayCivil(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export function humanise(code: string): string {
  const s = code.replace(/[_.]/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
