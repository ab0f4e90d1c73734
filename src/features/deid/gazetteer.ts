import { loadList } from './lexicon.js';

/** Name, place and employer lists (lower case), built by scripts/build-deid-gazetteers.ts. */
export interface Gazetteer {
  firsts: Set<string>;
  lasts: Set<string>;
  places: Set<string>;
  employers: Set<string>;
  /** Longest entry, in words, of places and employers (bounds the phrase lookup). */
  maxWords: number;
}

let cached: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  if (!cached) {
    const places = loadList('places.txt');
    const employers = loadList('employers.txt');
    let maxWords = 1;
    for (const p of [...places, ...employers]) maxWords = Math.max(maxWords, p.split(' ').length);
    cached = { firsts: loadList('first-names.txt'), lasts: loadList('surnames.txt'), places, employers, maxWords: Math.min(maxWords, 4) };
  }
  return cached;
}
