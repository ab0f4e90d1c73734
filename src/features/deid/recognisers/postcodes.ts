import { P, span, type Span } from '../deid.types.js';

/** UK postcodes in the Royal Mail format (letters barred from each position are barred here too). */
const UK = /(?<![\w])(?:GIR ?0AA|(?:[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?)) ?\d[ABD-HJLNP-UW-Z]{2})(?![\w])/g;

const US_STATES =
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC';

const STATE_BEFORE = new RegExp(`\\b(?:${US_STATES.replace(/ /g, '|')})\\.?,?\\s*$`);

export function findUkPostcodes(t: string): Span[] {
  if (!/[A-Z]\d|GIR/.test(t)) return [];
  return [...t.matchAll(UK)].map((m) => span(m.index!, m.index! + m[0].length, 'POSTCODE', P.structured, 'uk-postcode'));
}

/**
 * US ZIP codes need context: a state abbreviation, "ZIP", or a place name and line end before or
 * around them. A bare five-digit number in prose is more often a sum.
 */
export function findZips(t: string): Span[] {
  const out: Span[] = [];
  if (!/\d{5}/.test(t)) return out;
  const re = /(?<![\w$£€.,-])\d{5}(?:-\d{4})?(?![\w]|[.,]\d)/g;
  for (const m of t.matchAll(re)) {
    const at = m.index!;
    const before = t.slice(Math.max(0, at - 40), at);
    const after = t.slice(at + m[0].length, at + m[0].length + 3);
    const stateBefore = STATE_BEFORE.test(before);
    const zipWord = /\b(?:zip|zip code|zipcode|postal code|postcode)\b\W*$/i.test(before);
    const placeBefore = /[\p{Lu}][\p{L}'.-]+,?\s+$/u.test(before) && /^\s*(?:$|\n|[.,;)]|\s+in\b)/.test(after + ' ');
    const lineStart = /(?:^|\n)\s*(?:,\s*\w*\s*)?$/.test(before);
    if (stateBefore || zipWord || placeBefore || lineStart)
      out.push(span(at, at + m[0].length, 'POSTCODE', P.structured - 5, 'us-zip'));
  }
  return out;
}

export const findPostcodes = (t: string) => [...findUkPostcodes(t), ...findZips(t)];
