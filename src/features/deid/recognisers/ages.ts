import { P, span, type Span } from '../deid.types.js';

/**
 * Ages over 89 (HIPAA Safe Harbor aggregates them as "90 or older"): so few people reach them that
 * an exact age narrows the field. Younger ages are left in place; the note needs them.
 */
const NUMERIC = [
  /\b(?:aged?|age:?|turned|turning|turns)\s+(\d{2,3})\b/gi,
  /\b(\d{2,3})(?:[- ]|\s*)(?:years?|yrs?|y)[- ]?(?:old|o\b|of age)/gi,
  /\b(\d{2,3})\s*(?:y\/o|yo|y\.o\.)(?!\w)/gi,
  /\b(\d{2,3})(?:st|nd|rd|th)\s+birthday\b/gi,
  /(?<=[\p{L}][,(]\s?|\p{L} \()(\d{2,3})(?=\s?[,).;])/gu,
  /\b(?:is|was|now|nearly|almost)\s+(\d{2,3})\b(?=\s*(?:years|and|,|\.|;|$))/gi,
];

const WORDS =
  /\b(?:ninety|one hundred|a hundred|hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|and \w+))?(?=[- ](?:years?|year-old|th birthday)|\b)|\bin (?:his|her|their) (?:nineties|hundreds|late nineties|early nineties|mid-nineties)\b|\b(?:nonagenarian|centenarian|supercentenarian)\b/gi;

/** Every numeric pattern reads a whole run of two or three digits, so a note without 90-125 has none. */
const OLD_NUMBER = /(?<!\d)(?:9\d|1[01]\d|12[0-5])(?!\d)/;
const OLD_WORD = /ninety|hundred|nonagenarian|centenarian/i;

export function findAges(t: string): Span[] {
  const out: Span[] = [];
  for (const re of OLD_NUMBER.test(t) ? NUMERIC : []) {
    for (const m of t.matchAll(re)) {
      const n = Number(m[1]);
      if (n < 90 || n > 125) continue;
      const at = m.index! + m[0].indexOf(m[1]);
      out.push(span(at, at + m[1].length, 'AGE', P.structured, 'age'));
    }
  }
  if (!OLD_WORD.test(t)) return out;
  for (const m of t.matchAll(WORDS)) {
    if (/^(?:ninety|one hundred|a hundred|hundred)$/i.test(m[0]) && !/^[- ](?:years?|year-old)/i.test(t.slice(m.index! + m[0].length, m.index! + m[0].length + 6))) continue;
    out.push(span(m.index!, m.index! + m[0].length, 'AGE', P.structured, 'age-words'));
  }
  return out;
}
