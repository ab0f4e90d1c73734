import { createRequire } from 'node:module';
import { P, span, type Span } from '../deid.types.js';

/**
 * Phone numbers: phone shapes first (they also catch fictional ranges, extensions and foreign
 * layouts: a phone-shaped number leaks as much whether or not the range is allocated), then
 * libphonenumber-js findNumbers for GB and US on whatever digit runs the shapes left.
 */
// The full metadata is large; it loads with the first text that has digits to check, not at start-up.
const require = createRequire(import.meta.url);
type FindNumbers = (text: string, options: unknown) => unknown;
let finder: FindNumbers | undefined;
const findNumbers: FindNumbers = (text, options) => (finder ??= (require('libphonenumber-js/max') as { findNumbers: FindNumbers }).findNumbers)(text, options);

export function findPhones(t: string, prior: readonly Span[] = []): Span[] {
  const out: Span[] = [];
  if (!/\d{2}/.test(t)) return out;
  const shape = /(?<![\w+.\/-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{2,5}(?:[ .-]\d{2,6}){1,4}(?:\s?(?:x|ext\.?|extension)\s?\d{1,6})?(?![\w\/]|[.-]\d)/gi;
  for (const m of t.matchAll(shape)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 7 || digits > 16) continue;
    if (/^\d{1,2}[ .-]\d{1,2}[ .-]\d{2,4}$/.test(m[0])) continue; // a date, left to the date recogniser
    if (/^\d{4}[ -]\d{4}$/.test(m[0]) && /^(19|20)\d\d[ -](19|20)\d\d$/.test(m[0])) continue; // a year range
    out.push(span(m.index!, m.index! + m[0].length, 'PHONE', P.phone - 5, 'phone-shape'));
  }
  // A bracketed area code alone before the number: "(96) 627-277".
  for (const m of t.matchAll(/(?<![\w])\(\d{2,5}\)\s?\d{3,4}[ -]?\d{3,4}(?!\w)/g)) {
    out.push(span(m.index!, m.index! + m[0].length, 'PHONE', P.phone - 5, 'phone-shape'));
  }
  // libphonenumber reads the digit-rich stretches that neither the shapes above nor a stronger
  // recogniser (checksummed and record numbers, dates) already cover: it costs about 0.2 ms a call,
  // too much to run over every number in a note.
  for (const run of t.matchAll(/\+?[(\d][\d ().\-\/x+]{5,}\d/g)) {
    if (countDigits(run[0]) < 7 || /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(run[0].trim())) continue;
    const runEnd = run.index! + run[0].length;
    if (out.some((p) => p.start <= run.index! && p.end >= runEnd)) continue;
    if (prior.some((p) => p.priority >= P.phone && p.start <= run.index! && p.end >= runEnd)) continue;
    const from = Math.max(0, run.index! - 1);
    const window = t.slice(from, run.index! + run[0].length + 1);
    for (const country of ['GB', 'US'] as const) {
      for (const n of findNumbers(window, { defaultCountry: country, v2: true, leniency: 'POSSIBLE' } as never) as unknown as Array<{ startsAt: number; endsAt: number }>) {
        out.push(span(from + n.startsAt, from + n.endsAt, 'PHONE', P.phone, 'libphonenumber'));
      }
    }
  }
  return out;
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
