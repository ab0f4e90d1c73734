import { P, span, type EntityType, type Span } from '../deid.types.js';
import { gazetteer } from '../gazetteer.js';
import { isWord } from '../lexicon.js';
import type { Token } from '../tokens.js';

const PLACE_PREPS = new Set(['in', 'to', 'from', 'near', 'at', 'around', 'outside', 'into', 'via']);
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Does /\b(?:in|to|…|via)\s+$/i match the 12 characters before pos? Read backwards, without a regex. */
function afterPlacePreposition(t: string, pos: number): boolean {
  const from = Math.max(0, pos - 12);
  let j = pos;
  while (j > from && /\s/.test(t[j - 1])) j--;
  if (j === pos) return false;
  let k = j;
  while (k > from && isWordChar(t.charCodeAt(k - 1))) k--;
  return k < j && PLACE_PREPS.has(t.slice(k, j).toLowerCase());
}

/**
 * The last layer: a word that is not ordinary English (nor a listed clinical term) is treated as
 * an identifier, capitalised or not. Recall comes first; a reviewer restores what was not needed.
 */
export function findUnknownWords(t: string, tokens: Token[]): Span[] {
  const g = gazetteer();
  const out: Span[] = [];
  for (const tok of tokens) {
    const doubleBarrelled = tok.capital && tok.text.includes('-') && /^\p{Lu}\p{Ll}+-\p{Lu}/u.test(tok.text); // Kerry-Ann, Mensah-Bonsu
    if (tok.text.length < 2 || (isWord(tok.lower) && !doubleBarrelled)) continue;
    if (!tok.capital && tok.text.length < 3) continue;
    if (/^[\p{Ll}]+[\p{Lu}]/u.test(tok.text)) continue; // iPhone, eBay: brands, not people
    let type: EntityType = 'PERSON';
    if (g.places.has(tok.lower) || afterPlacePreposition(t, tok.start)) type = 'LOCATION';
    if (g.firsts.has(tok.lower) || g.lasts.has(tok.lower)) type = 'PERSON';
    // Beside a house or street number it is a street name ("45 aðalgata 37", "Bem rkp. 97").
    if (/^\.? \d{1,5}\b/.test(t.slice(tok.end, tok.end + 8)) || /(?:^|[\s,])\d{1,5} $/.test(t.slice(Math.max(0, tok.start - 7), tok.start))) type = 'ADDRESS';
    out.push(span(tok.start, tok.end, type, P.safetyNet, 'unknown-word'));
  }
  return out;
}
