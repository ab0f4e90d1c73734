import { P, span, type Span } from '../deid.types.js';
import type { Token } from '../tokens.js';

const PREP = new Set('in at from near to into outside around'.split(' '));
const NOT_PLACES = new Set(
  'i christmas easter god mum dad nan gran home school work church hospital college university reception year english maths science art music french spanish german history geography therapy counselling session group court prison the a an my her his their our your this that these those first last next'.split(' '),
);

/**
 * A capitalised ordinary word right after a place preposition, mid-sentence ("arrived at Tilbury",
 * "grew up in Settle"), is taken as a place: capitals in the middle of a sentence are rarely idle.
 */
export function findPlacesAfterPrepositions(t: string, tokens: Token[]): Span[] {
  const out: Span[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const tok = tokens[i];
    const prev = tokens[i - 1];
    if (!tok.capital || tok.caps || tok.sentenceStart || tok.heading || !PREP.has(prev.lower)) continue;
    if (!/^[ \t]+$/.test(t.slice(prev.end, tok.start)) || NOT_PLACES.has(tok.lower)) continue;
    if (/^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(tok.text)) continue;
    out.push(span(tok.start, tok.end, 'LOCATION', P.safetyNet + 5, 'place-preposition'));
  }
  return out;
}
