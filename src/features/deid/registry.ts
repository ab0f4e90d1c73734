import type { EntityType } from './deid.types.js';
import { hash32, prng, surrogateFor, surrogateNameWord } from './surrogates.js';

/**
 * The mapping from identifiers to stand-ins for one case. Pass the same state (or the same case
 * key) for every note of a case and "Sarah" stays [PERSON-1] (or "Helen") across all of them.
 */
interface Person {
  words: string[];
  replacement: string;
}

export interface DeidState {
  caseKey: string;
  counters: Partial<Record<EntityType, number>>;
  byKey: Map<string, string>;
  people: Person[];
  /** People by each word of their name, so a lookup stays cheap in a long batch. */
  byWord: Map<string, Person[]>;
  nameWords: Map<string, string>;
  /** Answers already given, by mode, type and exact text: a case's notes repeat the same names. */
  memo?: Map<string, string>;
}

export function createDeidState(caseKey = ''): DeidState {
  return { caseKey, counters: {}, byKey: new Map(), people: [], byWord: new Map(), nameWords: new Map(), memo: new Map() };
}

// Titles and kinship or role words that can lead a name span ("Sister Priya", "Uncle Dev"):
// not part of who the person is, so "Sister Priya" and "Priya" share one stand-in.
const TITLES = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|rev|sir|dame|lady|lord|sister|brother|aunt|auntie|aunty|uncle|nan|nana|nanna|gran|granny|grandma|grandad|grandpa|cousin|mum|mom|dad|nurse|pc|sgt|officer|cllr|councillor|judge|coach)\.?$/;

export function normalise(text: string): string {
  return text.toLowerCase().replace(/['’]s\b/g, '').replace(/[^\p{L}\p{N}@.:/+-]+/gu, ' ').trim();
}

const nameWords = (text: string) => normalise(text).split(' ').filter((w) => w && !TITLES.test(w) && w !== '.');

function tag(state: DeidState, type: EntityType): string {
  const n = (state.counters[type] ?? 0) + 1;
  state.counters[type] = n;
  return `[${type}-${n}]`;
}

function index(state: DeidState, p: Person): void {
  for (const w of p.words) {
    const list = state.byWord.get(w) ?? [];
    if (!list.includes(p)) list.push(p);
    state.byWord.set(w, list);
  }
}

function addPerson(state: DeidState, p: Person): void {
  state.people.push(p);
  index(state, p);
}

function personReplacement(state: DeidState, text: string, surrogates: boolean): string {
  const words = nameWords(text);
  if (words.length === 0) return tag(state, 'PERSON');
  if (surrogates) {
    return words
      .map((w, i) => {
        let s = state.nameWords.get(w);
        if (!s) {
          const first = i === 0 && (words.length > 1 || !(state.byWord.get(w) ?? []).some((p) => p.words.indexOf(w) > 0));
          s = surrogateNameWord(w, first, prng(hash32(`${state.caseKey}|name|${w}`)));
          state.nameWords.set(w, s);
        }
        return s;
      })
      .join(' ');
  }
  // Same person when one name's words are contained in the other's ("Sarah" within "Sarah Jones").
  const has = (big: string[], small: string[]) => small.every((w) => big.includes(w));
  const candidates = new Set(words.flatMap((w) => state.byWord.get(w) ?? []));
  const found = [...candidates].find((p) => has(p.words, words) || (has(words, p.words) && words[0] === p.words[0]));
  if (found) {
    if (words.length > found.words.length) {
      found.words = words;
      index(state, found);
    }
    return found.replacement;
  }
  const replacement = tag(state, 'PERSON');
  addPerson(state, { words, replacement });
  return replacement;
}

/** The stand-in for one identifier; the same text and type always give the same answer. */
export function replacementFor(state: DeidState, type: EntityType, text: string, surrogates: boolean): string {
  // Safe to remember: once given, the answer for the same text never changes (people only grow).
  const memoKey = `${surrogates ? 's' : 't'}${type}\u0000${text}`;
  const hit = state.memo?.get(memoKey);
  if (hit !== undefined) return hit;
  const value = freshReplacement(state, type, text, surrogates);
  if (state.memo && state.memo.size < 100_000) state.memo.set(memoKey, value);
  return value;
}

function freshReplacement(state: DeidState, type: EntityType, text: string, surrogates: boolean): string {
  if (type === 'PERSON') {
    const r = personReplacement(state, text, surrogates);
    if (!surrogates) return r;
    const ws = nameWords(text);
    if (ws.length && !(state.byWord.get(ws[0]) ?? []).some((p) => ws.every((w) => p.words.includes(w)))) addPerson(state, { words: ws, replacement: r });
    return r;
  }
  const key = `${type}|${normalise(text)}`;
  const known = state.byKey.get(key);
  if (known) return known;
  const value = surrogates ? surrogateFor(type, text, prng(hash32(`${state.caseKey}|${key}`))) : tag(state, type);
  state.byKey.set(key, value);
  return value;
}
