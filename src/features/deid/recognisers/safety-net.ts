import { P, span, type EntityType, type Span } from '../deid.types.js';
import { gazetteer } from '../gazetteer.js';
import { isWord } from '../lexicon.js';
import type { Token } from '../tokens.js';

const PLACE_PREP = /\b(?:in|to|from|near|at|around|outside|into|via)\s+$/i;

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
    if (g.places.has(tok.lower) || PLACE_PREP.test(t.slice(Math.max(0, tok.start - 12), tok.start))) type = 'LOCATION';
    if (g.firsts.has(tok.lower) || g.lasts.has(tok.lower)) type = 'PERSON';
    // Beside a house or street number it is a street name ("45 aðalgata 37", "Bem rkp. 97").
    if (/^\.? \d{1,5}\b/.test(t.slice(tok.end, tok.end + 8)) || /(?:^|[\s,])\d{1,5} $/.test(t.slice(Math.max(0, tok.start - 7), tok.start))) type = 'ADDRESS';
    out.push(span(tok.start, tok.end, type, P.safetyNet, 'unknown-word'));
  }
  return out;
}
