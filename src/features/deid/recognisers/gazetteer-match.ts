import { P, span, type Span } from '../deid.types.js';
import { EMPLOYER, FIRST, gazetteer, gazetteerFlags, LAST, PHRASE_START, PLACE } from '../gazetteer.js';
import { isWord } from '../lexicon.js';
import type { Token } from '../tokens.js';
import { NOT_NAMES } from './names.js';

/** Capitalised words that are names in some list but almost never a person in a note. */
const COMMON_CAPS = new Set(
  'i god christmas easter english british american monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december mum dad mom nan gran year can'.split(' '),
);
/** Verbs that follow a person at the start of a sentence ("Hope said", "Ruby disclosed"). */
const ACTS = /^ (?:said|says|rang|phoned|called|texted|emailed|attended|presented|told|tells|disclosed|reported|reports|described|describes|explained|asked|cried|laughed|felt|feels|thinks|thought|wants|wanted|agreed|arrived|left|came|went|drew|built|played|shouted|admitted|denied|became|stated|mentioned|added|replied|spoke|talked|shared|noticed|seems|seemed|has|had|is|was|and [A-Z])\b/;
const PLACE_PREP = new Set('in to from near at around outside of into via toward towards'.split(' '));
const ORG_PREP = new Set('at for with joined joining'.split(' '));

/** Only spaces (or one hyphen) between two tokens. */
function adjacent(t: string, a: Token, b: Token): boolean {
  if (b.start - a.end === 1) return t[a.end] === ' ' || t[a.end] === '-' || t[a.end] === '\t';
  return /^[ \t]+$|^[ \t]*-[ \t]*$/.test(t.slice(a.end, b.start));
}

/** First names, surnames, places and employers from the gazetteers, with care for common words. */
export function findGazetteerMatches(t: string, tokens: Token[]): Span[] {
  const g = gazetteer();
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok.capital) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // Places and employers, longest phrase first.
    let phraseEnd = -1;
    const flags = gazetteerFlags(tok.lower);
    const maxN = flags & PHRASE_START ? Math.min(g.maxWords, tokens.length - i) : 1;
    for (let n = maxN; n >= 1 && phraseEnd < 0; n--) {
      const last = tokens[i + n - 1];
      let phrase = tok.lower;
      if (n > 1) {
        const words = tokens.slice(i, i + n);
        if (!words.every((w, k) => k === 0 || adjacent(t, words[k - 1], w))) continue;
        phrase = words.map((w) => w.lower).join(' ');
      }
      const isPlace = n === 1 ? (flags & PLACE) !== 0 : g.places.has(phrase);
      const isEmployer = (n === 1 ? (flags & EMPLOYER) !== 0 : g.employers.has(phrase)) || (last.end - tok.start !== phrase.length && g.employers.has(t.slice(tok.start, last.end).toLowerCase()));
      if (!isPlace && !isEmployer) continue;
      const common = n === 1 && isWord(tok.lower);
      const prep = prev && adjacent(t, prev, tok) ? prev.lower : '';
      if (common && !(isPlace ? PLACE_PREP : ORG_PREP).has(prep)) continue;
      const end = last.end;
      out.push(span(tok.start, end, isPlace ? 'LOCATION' : 'ORGANISATION', P.gazetteer, 'gazetteer'));
      phraseEnd = i + n - 1;
    }
    if (phraseEnd >= 0) {
      i = phraseEnd;
      continue;
    }
    if (!(flags & (FIRST | LAST))) continue;
    const common = isWord(tok.lower);
    const surnameNext = next && next.capital && !next.caps && adjacent(t, tok, next) && !COMMON_CAPS.has(next.lower) && !NOT_NAMES.has(next.lower);
    const actsNext = tok.sentenceStart && next && ACTS.test(t.slice(tok.end, tok.end + 14));
    if (common) {
      if (COMMON_CAPS.has(tok.lower) && !surnameNext) continue;
      if ((tok.sentenceStart || tok.heading || tok.caps) && !surnameNext && !actsNext) continue;
      if (!(flags & FIRST) && !surnameNext) continue;
    }
    let end = tok.end;
    if (surnameNext || (next && next.capital && adjacent(t, tok, next) && flags & FIRST && !isWord(next.lower))) {
      end = next.end;
      i++;
    }
    out.push(span(tok.start, end, 'PERSON', P.gazetteer, 'gazetteer'));
  }
  return out;
}
