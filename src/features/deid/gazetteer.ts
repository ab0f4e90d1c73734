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
