/**
 * Turns a message into normalised text for cue matching while keeping a map back to the original,
 * so that every cue reported is an exact phrase of the input.
 *
 * Normalisation: lower case; curly apostrophes; contractions expanded ("don't" → "do not");
 * texting shorthand ("u", "pls", "abt"); British spellings folded to one form ("counsellor" →
 * "counselor"); and typos in the words the cues rely on corrected when the token is not an English
 * word and is one edit away (two for long words) from a cue word ("recods" → "records").
 */
import { createRequire } from 'node:module';

export interface Token {
  start: number;
  end: number;
  norm: string;
}

export interface Normalised {
  tokens: Token[];
  /** Token norms joined by single spaces; sentence breaks appear as ".". */
  text: string;
  /** For each character of `text`, the index of its token (-1 for the joining spaces). */
  owner: number[];
}

const CONTRACTIONS: Record<string, string> = {
  "can't": 'cannot', cant: 'cannot', "won't": 'will not', wont: 'will not', "i'm": 'i am', im: 'i am',
  "i've": 'i have', ive: 'i have', "i'd": 'i would', "i'll": 'i will', "it's": 'it is', "that's": 'that is',
  thats: 'that is', "what's": 'what is', whats: 'what is', "there's": 'there is', "who's": 'who is',
  "you've": 'you have', "you're": 'you are', "you'd": 'you would', "we've": 'we have', "they've": 'they have',
  dont: 'do not', doesnt: 'does not', didnt: 'did not', isnt: 'is not', wasnt: 'was not', arent: 'are not',
  wouldnt: 'would not', shouldnt: 'should not', couldnt: 'could not', havent: 'have not', hasnt: 'has not',
};

const SHORTHAND: Record<string, string> = {
  u: 'you', ya: 'you', yu: 'you', ur: 'your', yr: 'your', r: 'are', pls: 'please', plz: 'please', pleez: 'please',
  abt: 'about', bout: 'about', wat: 'what', wot: 'what', wanna: 'want to', gimme: 'give me', info: 'information',
  infos: 'information', cud: 'could', cn: 'can', thx: 'thanks', ty: 'thanks', msg: 'message', ppl: 'people',
  'e-mail': 'email', 'e-mails': 'emails', 'e-mailed': 'emailed', everythin: 'everything', copys: 'copies',
  // Plurals of mass nouns, common in English written as a second language.
  informations: 'information', datas: 'data', datum: 'data', documentations: 'documentation',
};

const BRITISH: Record<string, string> = {
  counsellor: 'counselor', counsellors: 'counselors', counselling: 'counseling', counselled: 'counseled',
  organisation: 'organization', organisations: 'organizations', authorise: 'authorize', authorised: 'authorized',
  authorisation: 'authorization', anonymised: 'anonymized', anonymise: 'anonymize', anonymising: 'anonymizing',
  programme: 'program', centre: 'center', enquiry: 'inquiry', licence: 'license', behaviour: 'behavior',
  apologise: 'apologize', realise: 'realize', summarise: 'summarize', minimise: 'minimize', utilise: 'utilize',
  spelt: 'spelled', judgement: 'judgment', practise: 'practice', analyse: 'analyze', criticise: 'criticize',
  recognised: 'recognized', finalised: 'finalized', emphasise: 'emphasize', categorise: 'categorize',
};

/** The words cues are built from: typos are corrected towards these only. */
const CUE_VOCABULARY = [
  'access', 'records', 'record', 'notes', 'information', 'subject', 'request', 'requesting', 'delete', 'deleted',
  'erase', 'erasure', 'rectify', 'rectification', 'correct', 'corrected', 'inaccurate', 'incorrect', 'wrong', 'portability',
  'transfer', 'transferred', 'restrict', 'restriction', 'processing', 'object', 'objection', 'personal',
  'everything', 'about', 'copy', 'copies', 'file', 'data', 'wrote', 'written', 'please', 'therapist', 'counselor',
  'counseling', 'therapy', 'session', 'sessions', 'remove', 'destroy', 'consent', 'withdraw', 'provide', 'obtain',
  'marketing', 'research', 'newsletter', 'unsubscribe', 'forgotten', 'amend', 'amendment', 'machine', 'readable',
  'format', 'export', 'assessment', 'report', 'letter', 'psychotherapy', 'psychologist', 'medical', 'health',
  'hold', 'holding', 'keep', 'kept', 'stored', 'documents', 'correspondence', 'emails', 'anything', 'release',
];

let english: Set<string> | undefined;
const isEnglish = (w: string): boolean => {
  english ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  return english.has(w);
};

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early past `limit`, on three reused rows. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rows[0].length <= b.length) rows = [0, 1, 2].map(() => new Int32Array(2 * b.length + 2));
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

function correctTypo(w: string): string {
  if (w.length < 4 || !/^[a-z]+$/.test(w) || CUE_VOCABULARY.includes(w) || isEnglish(w)) return w;
  const limit = w.length >= 8 ? 2 : 1;
  let best = w;
  let bestDistance = limit + 1;
  for (const v of CUE_VOCABULARY) {
    const dist = distance(w, v, limit);
    if (dist < bestDistance) [best, bestDistance] = [v, dist];
  }
  return best;
}

/** Answers already given: messages repeat their words, and a word's form never changes. */
const wordMemo = new Map<string, string>();

function normaliseWord(raw: string): string {
  const hit = wordMemo.get(raw);
  if (hit !== undefined) return hit;
  const norm = normaliseFresh(raw);
  if (wordMemo.size < 50_000) wordMemo.set(raw, norm);
  return norm;
}

function normaliseFresh(raw: string): string {
  const w = raw.toLowerCase().replace(/[’‘`]/g, "'");
  const mapped = CONTRACTIONS[w] ?? SHORTHAND[w] ?? BRITISH[w];
  if (mapped) return mapped;
  if (w.endsWith("n't")) return `${w.slice(0, -3)} not`;
  if (w.endsWith("'s")) return normaliseWord(w.slice(0, -2));
  if (w.endsWith("'ve")) return `${w.slice(0, -3)} have`;
  if (w.endsWith("'d")) return `${w.slice(0, -2)} would`;
  if (w.endsWith("'ll")) return `${w.slice(0, -3)} will`;
  if (w.includes('-')) return w.split('-').map(normaliseWord).join(' ');
  return correctTypo(w);
}

const TOKEN = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|[.!?;\n]+/gu;

export function normalise(input: string): Normalised {
  const tokens: Token[] = [];
  for (const m of input.matchAll(TOKEN)) {
    const raw = m[0];
    const norm = /^[.!?;\n]+$/.test(raw) ? '.' : normaliseWord(raw);
    tokens.push({ start: m.index, end: m.index + raw.length, norm });
  }
  const owner: number[] = [];
  const parts: string[] = [];
  tokens.forEach((t, i) => {
    if (i > 0) owner.push(-1);
    for (let k = 0; k < t.norm.length; k++) owner.push(i);
    parts.push(t.norm);
  });
  return { tokens, text: parts.join(' '), owner };
}

/** The exact original phrase covered by a span of the normalised text. */
export function originalSpan(n: Normalised, input: string, from: number, to: number): { start: number; end: number; text: string } {
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    const o = n.owner[i];
    if (o < 0) continue;
    if (first < 0) first = o;
    last = o;
  }
  const start = n.tokens[first].start;
  const end = n.tokens[last].end;
  return { start, end, text: input.slice(start, end) };
}
