import { loadList } from './lexicon.js';

/** Name, place and employer lists (lower case), built by scripts/build-deid-gazetteers.ts. */
export interface Gazetteer {
  firsts: Set<string>;
  lasts: Set<string>;
  places: Set<string>;
  employers: Set<string>;
  /** Longest entry, in words, of places and employers (bounds the phrase lookup). */
  maxWords: number;
  /** First words of multi-word places and employers. */
  phraseStarts: Set<string>;
}

let cached: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  if (!cached) {
    const places = loadList('places.txt');
    const employers = loadList('employers.txt');
    let maxWords = 1;
    const phraseStarts = new Set<string>();
    for (const p of [...places, ...employers]) {
      const words = p.split(' ');
      maxWords = Math.max(maxWords, words.length);
      if (words.length > 1) phraseStarts.add(words[0]);
    }
    cached = { phraseStarts, firsts: loadList('first-names.txt'), lasts: loadList('surnames.txt'), places, employers, maxWords: Math.min(maxWords, 4) };
  }
  return cached;
}

export const FIRST = 1;
export const LAST = 2;
export const PLACE = 4;
export const EMPLOYER = 8;
export const PHRASE_START = 16;

const flagMemo = new Map<string, number>();

/**
 * Which lists a lower-case word is in, as bits. The lists are large and every capitalised word
 * asks several of them; one small memo of the words actually seen stays in cache where five
 * lookups into the large sets would not.
 */
export function gazetteerFlags(lower: string): number {
  const hit = flagMemo.get(lower);
  if (hit !== undefined) return hit;
  const g = gazetteer();
  const f =
    (g.firsts.has(lower) ? FIRST : 0) |
    (g.lasts.has(lower) ? LAST : 0) |
    (g.places.has(lower) ? PLACE : 0) |
    (g.employers.has(lower) ? EMPLOYER : 0) |
    (g.phraseStarts.has(lower) ? PHRASE_START : 0);
  if (flagMemo.size < 200_000) flagMemo.set(lower, f);
  return f;
}
