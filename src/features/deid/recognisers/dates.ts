import { P, span, type Span } from '../deid.types.js';

export const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DAY = '(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)';
const ORD = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = "(?:\\d{4}(?![-/.]\\d)|['’]\\d{2})";
const TIME = '(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?::\\d{2})?(?:\\s?[ap]\\.?m\\.?)?)?';
const B = '(?<![\\w/.-])';
const E = '(?![\\w/]|[.-]\\d)';

const PATTERNS: RegExp[] = [
  // ISO dates and timestamps
  new RegExp(`${B}\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?${E}`, 'g'),
  // 12/03/2024, 5-20-2021, 21.5.21
  new RegExp(`${B}\\d{1,2}([/.-])\\d{1,2}\\1(?:\\d{4}|\\d{2})${TIME}${E}`, 'g'),
  // 05/2021, 5/21 (month and year or day and month)
  new RegExp(`${B}(?:0?[1-9]|[12]\\d|3[01])/(?:\\d{4}|\\d{2})${E}`, 'g'),
  // 5-May-2021, 21-May, May-2021, May-21
  new RegExp(`${B}(?:\\d{1,2}-${MONTH}(?:-\\d{2,4})?|${MONTH}-\\d{2,4})${E}`, 'gi'),
  // (Tuesday) 12th (of) March(,) 2024
  new RegExp(`\\b(?:${DAY}\\.?,?\\s+)?(?:the\\s+)?${ORD}\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+${YEAR})?${TIME}`, 'g'),
  // (Tuesday,) March 12th(,) 2024
  new RegExp(`\\b(?:${DAY}\\.?,?\\s+)?${MONTH}\\.?\\s+${ORD}\\b(?:,?\\s+${YEAR})?${TIME}`, 'g'),
  // March 2024, Christmas 2019
  new RegExp(`\\b(?:${MONTH}|Christmas|Easter|Eid|Diwali|Hanukkah|Thanksgiving)\\.?,?\\s+${YEAR}\\b`, 'g'),
  // in October, since last March (a month is part of a date in someone's life)
  new RegExp(`(?<=\\b(?:in|since|until|till|by|from|last|next|early|late|mid|of|during|before|after|that)[ -])(?:January|February|March|April|June|July|August|September|October|November|December)\\b`, 'g'),
  // Tues 3rd, Friday the 14th
  new RegExp(`\\b${DAY}\\.?\\s+(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)\\b`, 'g'),
];


/**
 * A literal each pattern cannot match without, tested first: a plain test is far cheaper than a
 * pattern tried at every position, and most notes lack most date forms.
 */
const MON = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const GATES: RegExp[] = [
  /\d{4}-\d\d-\d\d/,
  /\d[/.-]\d{1,2}[/.-]\d/,
  /\d\/\d/,
  /\d-[A-Za-z]|[A-Za-z]-\d/,
  new RegExp(`\\d\\s+(?:of\\s+)?${MON}|\\d(?:st|nd|rd|th)\\s+(?:of\\s+)?${MON}`),
  new RegExp(`${MON}[a-z]*\\.?\\s+\\d`),
  new RegExp(`(?:${MON}|Christmas|Easter|Eid|Diwali|Hanukkah|Thanksgiving)[a-z]*\\.?,?\\s+(?:\\d{4}|['’]\\d\\d)`),
  /(?:January|February|March|April|June|July|August|September|October|November|December)/,
  /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s+(?:the\s+)?\d/,
];

/** Read backwards from a year: is it preceded by a word that makes it a date in someone's life? */
const YEAR_BEFORE =
  /(?<=\b(?:in|since|from|until|till|by|during|of|born|died|summer|winter|spring|autumn|fall|year|class|graduated|married|divorced|moved|left|before|after|between|and|early|late|mid|around|circa|c\.)\s+(?:the\s+)?(?:(?:early|late|mid)[- ])?)/iy;
const YEAR_RUN = /(?<![\w])(?:19|20)\d{2}(?!\w|[,.]\d)/g;

export function findDates(t: string): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < PATTERNS.length; i++) {
    if (!GATES[i].test(t)) continue;
    for (const m of t.matchAll(PATTERNS[i])) {
      if (!plausible(m[0])) continue;
      out.push(span(m.index!, m.index! + m[0].length, 'DATE', P.date, 'date'));
    }
  }
  if (!/(?:19|20)\d\d/.test(t)) return out;
  // Years first, then the words before each: far fewer places to look than every word boundary.
  for (const m of t.matchAll(YEAR_RUN)) {
    const at = m.index!;
    YEAR_BEFORE.lastIndex = at;
    if (!YEAR_BEFORE.test(t)) continue;
    out.push(span(at, at + 4, 'DATE', P.date - 5, 'year'));
  }
  // A year range like 2015-2018 or 2015–18.
  for (const m of /(?:19|20)\d\d[-–]\d\d/.test(t) ? t.matchAll(/(?<![\w.-])((?:19|20)\d{2})[-–](?:(?:19|20)?\d{2})(?![\w-])/g) : []) {
    out.push(span(m.index!, m.index! + m[0].length, 'DATE', P.date - 5, 'year'));
  }
  return out;
}

/** Reject numeric shapes that cannot be dates (e.g. 45/67). */
function plausible(s: string): boolean {
  const m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?/.exec(s);
  if (!m) return true;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (m[3] === undefined) return a >= 1 && a <= 31;
  return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
}
