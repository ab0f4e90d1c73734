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
  // recogniser (checksummed and record numbers, dates) already cover: it costs about 0.1 ms a call,
  // too much to run over every number in a note, and a long or crafted stretch of digits would
  // otherwise cost it seconds. So it reads bounded pieces, each once per distinct text, within a
  // budget that grows with the note; past the budget a piece is taken whole as a number.
  const covered = coverage([...out, ...prior.filter((p) => p.priority >= P.phone)]);
  const memo = new Map<string, Array<{ startsAt: number; endsAt: number }>>();
  let budget = LIBPHONE_CALLS_BASE + Math.floor(t.length / LIBPHONE_CHARS_PER_CALL);
  for (const run of t.matchAll(/\+?[(\d][\d ().\-\/x+]{5,}\d/g)) {
    for (const [at, end] of pieces(t, run.index!, run.index! + run[0].length)) {
      const piece = t.slice(at, end);
      if (countDigits(piece) < 7 || /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(piece.trim())) continue;
      if (covered(at, end)) continue;
      const from = Math.max(0, at - 1);
      const window = t.slice(from, end + 1);
      let found = memo.get(window);
      if (!found) {
        if (budget <= 0) {
          out.push(span(at, end, 'PHONE', P.phone - 5, 'phone-run'));
          continue;
        }
        budget--;
        found = libphone(window);
        memo.set(window, found);
      }
      for (const n of found) out.push(span(from + n.startsAt, from + n.endsAt, 'PHONE', P.phone, 'libphonenumber'));
    }
  }
  return out;
}

/** libphonenumber calls allowed per note: enough for every number of a real note, bounded for any text. */
const LIBPHONE_CALLS_BASE = 32;
const LIBPHONE_CHARS_PER_CALL = 500;
/** Longer than any phone number written with its prefix and extension ("+44 (0)20 7946 0958 x1234"). */
const MAX_PIECE = 40;

/** Calls made to libphonenumber since start-up, and the characters handed to it: the costly step, counted so tests can bound it. */
export const phoneWork = { libphoneCalls: 0, libphoneChars: 0 };

function libphone(window: string): Array<{ startsAt: number; endsAt: number }> {
  phoneWork.libphoneCalls++;
  phoneWork.libphoneChars += window.length;
  // libphonenumber throws and catches an error for every candidate it rejects; the stack trace each
  // one captures costs more than the parse itself, and nothing reads it.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const found: Array<{ startsAt: number; endsAt: number }> = [];
    for (const country of ['GB', 'US'] as const) {
      found.push(...(findNumbers(window, { defaultCountry: country, v2: true, leniency: 'POSSIBLE' } as never) as unknown as Array<{ startsAt: number; endsAt: number }>));
    }
    return found;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * A run cut where libphonenumber could not carry one number on (a plus sign after a digit: a
 * plus only leads a number), and then at spaces so that no piece is longer than MAX_PIECE. Real
 * runs are one short piece, read exactly as before.
 */
function* pieces(t: string, start: number, end: number): Generator<[number, number]> {
  const isDigit = (c: number) => c >= 48 && c <= 57;
  let at = start;
  let lastSpace = -1;
  let lastDigit = -1;
  for (let i = start; i < end; i++) {
    const c = t.charCodeAt(i);
    let cut = -1;
    if (c === 43 && i > at && lastDigit >= 0 && /^ *$/.test(t.slice(lastDigit + 1, i))) cut = i;
    else if (i - at >= MAX_PIECE) cut = lastSpace > at ? lastSpace : i;
    if (cut >= 0) {
      yield [at, trimEnd(t, at, cut)];
      at = cut;
      while (at < end && t.charCodeAt(at) === 32) at++;
      lastSpace = -1;
      lastDigit = -1;
      i = at - 1;
      continue;
    }
    if (c === 32) lastSpace = i;
    else if (isDigit(c)) lastDigit = i;
  }
  if (end > at) yield [at, end];
}

const trimEnd = (t: string, start: number, end: number) => {
  while (end > start && t.charCodeAt(end - 1) === 32) end--;
  return end;
};

/**
 * Is [start, end) inside one of the spans? Spans sorted by start with a running maximum of their
 * ends answer each question by binary search, instead of a scan of every span per run.
 */
function coverage(spans: Span[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  let max = -1;
  for (const s of sorted) reach.push((max = Math.max(max, s.end)));
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] >= end;
  };
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
