import { findNumbers } from 'libphonenumber-js/max';
import { P, span, type Span } from '../deid.types.js';

/**
 * Phone numbers: libphonenumber-js for GB and US (valid and possible numbers, international forms),
 * then a looser shape for what it declines (fictional ranges, extensions, foreign layouts): a
 * phone-shaped number leaks as much whether or not the range is allocated.
 */
export function findPhones(t: string): Span[] {
  const out: Span[] = [];
  if (!/\d{2}/.test(t)) return out;
  for (const country of ['GB', 'US'] as const) {
    for (const n of findNumbers(t, { defaultCountry: country, v2: true, leniency: 'POSSIBLE' } as never) as unknown as Array<{ startsAt: number; endsAt: number }>) {
      out.push(span(n.startsAt, n.endsAt, 'PHONE', P.phone, 'libphonenumber'));
    }
  }
  const shape = /(?<![\w+.\/-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{2,5}(?:[ .-]\d{2,5}){1,4}(?:\s?(?:x|ext\.?|extension)\s?\d{1,6})?(?![\w\/]|[.-]\d)/gi;
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
  return out;
}
