import { P, span, type EntityType, type Span } from '../deid.types.js';
import { isWord } from '../lexicon.js';
import { alternation } from '../alternation.js';
import { gazetteer } from '../gazetteer.js';

const ci = (w: string) => `[${w[0].toUpperCase()}${w[0].toLowerCase()}]${w.slice(1)}`;
const TITLES = 'Mr Mrs Ms Miss Mx Dr Prof Professor Rev Revd Reverend Sir Dame Lady Lord Cllr Councillor Judge Nurse Sister Father Pastor Rabbi Imam Officer Detective Sgt Sergeant Inspector Coach Mister Master'
  .split(' ').map(ci).join('|');
export const NAME_WORD = "[\\p{Lu}][\\p{L}\\p{M}'’]*(?:-[\\p{Lu}][\\p{L}\\p{M}'’]*)?";
const INITIAL = '[\\p{Lu}]\\.(?=\\s)';
const NAME_SEQ = `(?:${INITIAL}|${NAME_WORD})(?:\\s+(?:${INITIAL}|${NAME_WORD})){0,3}`;

const RELATIONS =
  'husband wife partner boyfriend girlfriend fiancé fiancée fiance fiancee spouse ex ex-husband ex-wife ex-partner son daughter child baby mother father mum mom mam dad stepfather stepmother stepdad stepmum stepmom stepson stepdaughter stepbrother stepsister brother sister sibling twin half-brother half-sister grandmother grandfather grandma grandpa gran granny grandad granddad nan nana grandson granddaughter aunt auntie aunty uncle cousin niece nephew friend friends colleague boss manager teacher tutor supervisor therapist counsellor counselor psychiatrist psychologist doctor consultant gp social worker caseworker key worker carer neighbour neighbor flatmate roommate housemate classmate teammate mentor pastor priest vicar imam rabbi lodger landlord landlady lover affair in-law mother-in-law father-in-law sister-in-law brother-in-law daughter-in-law son-in-law children kid kids sons daughters brothers sisters'
    .split(' ');

export const NOT_NAMES = new Set(
  'i i’m i\'m the she he they we it this that these those monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december year christmas easter english god mum dad mom nan gran and but or so if when then who what year reception nursery school college work home dear present re date ok yes no not one two three'.split(' '),
);

/** Would a capitalised word after a title or a relation plausibly be a name? */
export function plausibleName(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (NOT_NAMES.has(w)) return false;
  if (!isWord(w)) return true;
  const g = gazetteer();
  return g.firsts.has(w) || g.lasts.has(w);
}

function trimPossessive(text: string, start: number, end: number): number {
  return /['’]s$/.test(text.slice(start, end)) ? end - 2 : end;
}

function push(out: Span[], t: string, start: number, seq: string, type: EntityType, source: string, loose = false): void {
  const words = seq.split(/\s+/);
  // Keep the longest run of plausible words from the left.
  let len = 0;
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && !(loose ? !NOT_NAMES.has(words[i].toLowerCase()) : plausibleName(words[i])) && !/^\p{Lu}\.?$/u.test(words[i])) break;
    len = seq.indexOf(words[i], len) + words[i].length;
  }
  if (len === 0) return;
  let end = trimPossessive(t, start, start + len);
  end = start + t.slice(start, end).replace(/[.\s]+$/, '').length;
  if (end > start) out.push(span(start, end, type, P.context, source));
}

const PART_RE = new RegExp(`${NAME_WORD}(?:\\s+${NAME_WORD})?`, 'gu');
// Triggers are plain (non-Unicode) patterns, cheap to scan for; the name after each is then read
// with a sticky Unicode pattern at that one position.
const TITLE_TRIGGER = new RegExp(`\\b(?:${TITLES})\\.?\\s+`, 'g');
const REL_TRIGGER = new RegExp(`\\b${alternation(RELATIONS)}(?:['’]s)?,?\\s+(?:(?:called|named|is|was)\\s+)?`, 'g');
const VERB_TRIGGER = /\b(?:called|named|known as|name is|name's|name was|nicknamed|goes by|calls (?:him|her|them|me)(?:self)?|call me|spoke (?:to|with)|met with|talked to|married|marrying|dating|divorced|divorcing|texted|messaged|phoned|rang|said to)\s+/g;
const NAME_AT = new RegExp(NAME_SEQ, 'uy');
const NAMES_AT = new RegExp(`${NAME_SEQ}(?:(?:,\\s*|\\s+(?:and|&)\\s+)${NAME_WORD}(?:\\s+${NAME_WORD})?){0,4}`, 'uy');

/** Each trigger match followed by a name read at that point: [name start, name text]. */
function after(t: string, trigger: RegExp, name: RegExp): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  trigger.lastIndex = 0;
  for (let m = trigger.exec(t); m; m = trigger.exec(t)) {
    if (m[0].length === 0) trigger.lastIndex++;
    name.lastIndex = m.index + m[0].length;
    const n = name.exec(t);
    if (n) out.push([name.lastIndex - n[0].length, n[0]]);
  }
  return out;
}

/** Names found through titles ("Dr Okafor"), relations ("her husband Tom"), and verbs ("named Ava"). */
export function findNamesInContext(t: string): Span[] {
  const out: Span[] = [];
  for (const [at, seq] of after(t, TITLE_TRIGGER, NAME_AT)) {
    // After a title almost any capitalised word is a name ("Mrs Baker", "Dr Rivers").
    if (!NOT_NAMES.has(seq.split(/\s+/)[0].toLowerCase())) push(out, t, at, seq, 'PERSON', 'title', true);
  }
  for (const [base, seq] of after(t, REL_TRIGGER, NAMES_AT)) {
    for (const part of seq.matchAll(PART_RE)) {
      if (!NOT_NAMES.has(part[0].split(/\s+/)[0].toLowerCase())) push(out, t, base + part.index!, part[0], 'PERSON', 'relation', true);
    }
  }
  for (const [at, seq] of after(t, VERB_TRIGGER, NAME_AT)) {
    if (plausibleName(seq.split(/\s+/)[0])) push(out, t, at, seq, 'PERSON', 'verb');
  }
  return out;
}
