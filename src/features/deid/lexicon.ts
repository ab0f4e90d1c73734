import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../../core/paths.js';

/**
 * Word lists loaded once per process. The English list (an-array-of-english-words) is American;
 * British spellings are folded onto it so "behaviour" counts as a word and not as a name.
 */
let english: Set<string> | undefined;
let common: Set<string> | undefined;

function dataFile(name: string): string[] {
  const text = readFileSync(join(packageRoot(), 'src', 'features', 'deid', 'data', name), 'utf8');
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

export function loadList(name: string): Set<string> {
  return new Set(dataFile(name));
}

function englishWords(): Set<string> {
  if (!english) {
    const require = createRequire(import.meta.url);
    english = new Set(require('an-array-of-english-words') as string[]);
  }
  return english;
}

function commonTerms(): Set<string> {
  common ??= loadList('common-terms.txt');
  return common;
}

const BRITISH: Array<[RegExp, string]> = [
  [/our(s|ed|ing|ite|ites|able|ful)?$/, 'or$1'],
  [/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/ll(ed|ing|er|ers|or|ors)$/, 'l$1'],
  [/tre(s)?$/, 'ter$1'],
  [/ence(s)?$/, 'ense$1'],
  [/ogue(s)?$/, 'og$1'],
  [/amme(s)?$/, 'am$1'],
  [/ae/, 'e'],
  [/oe/, 'e'],
];

const cache = new Map<string, boolean>();

/** Is this (any case) an ordinary English word, or a listed non-identifying term? */
export function isWord(token: string): boolean {
  const hit0 = cache.get(token);
  if (hit0 !== undefined) return hit0;
  let w = token.toLowerCase();
  if (w.includes('’')) w = w.replace(/’/g, "'");
  const hit = cache.get(w);
  if (hit !== undefined) return hit;
  const result = lookup(w);
  if (cache.size < 200_000) {
    cache.set(w, result);
    cache.set(token, result);
  }
  return result;
}

function lookup(w: string): boolean {
  const en = englishWords();
  if (en.has(w) || commonTerms().has(w)) return true;
  const contraction = /^(\w+)(?:n't|'d|'m|'re|'ve|'ll)$/.exec(w);
  if (contraction && (en.has(contraction[1]) || contraction[1] === 'i' || contraction[1] === 'wo' || contraction[1] === 'ca' || contraction[1] === 'sha')) return true;
  const base = w.replace(/'s$|s'$/, '');
  if (base !== w && (en.has(base) || commonTerms().has(base))) return true;
  if (w.includes('-')) return w.split('-').every((p) => p === '' || lookup(p));
  for (const [re, to] of BRITISH) {
    if (re.test(w)) {
      const v = w.replace(re, to);
      if (en.has(v)) return true;
    }
  }
  return false;
}
