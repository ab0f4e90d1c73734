import { P, span, type Span } from './deid.types.js';
import { NOT_NAMES } from './recognisers/names.js';
import type { Token } from './tokens.js';

const NAMEISH = new Set(['PERSON', 'LOCATION', 'ORGANISATION']);
const STOP = new Set([...NOT_NAMES, 'dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'dear', 'present', 'client', 'supervisee', 'supervisor', 'child', 'the', 'at', 'in', 'on']);

/**
 * Two document-wide passes after the recognisers. A word found once as a name is a name wherever
 * it appears capitalised in the same note ("Ruby said…" after "her daughter Ruby"); and a
 * capitalised word right beside a person's name is part of it ("Kinsley Baker").
 */
const COVERED = 1;
const PERSON_END = 2;
const PERSON_START = 4;
const NAME_WORDS = /[\p{L}\p{M}'’-]{3,}/gu;
const UPPER_FIRST = /^\p{Lu}/u;
/** Marks per character, reused from note to note (a fresh array per note costs more than the pass). */
let marks = new Uint8Array(4096);

export function propagate(text: string, tokens: Token[], spans: Span[]): Span[] {
  const out: Span[] = [];
  if (marks.length < text.length + 1) marks = new Uint8Array(2 * text.length + 1);
  else marks.fill(0, 0, text.length + 1);
  const named = new Map<string, Span['type']>();
  for (const s of spans) {
    marks.fill(COVERED, s.start, s.end);
  }
  for (const s of spans) {
    if (s.type === 'PERSON' && s.priority >= P.safetyNet) {
      marks[s.end] |= PERSON_END;
      marks[s.start] |= PERSON_START;
    }
    if (!NAMEISH.has(s.type) || s.priority < P.gazetteer) continue;
    // Most spans are whole words with nothing but spaces between them: read their tokens.
    const first = firstTokenFrom(tokens, s.start);
    let aligned = first < tokens.length && tokens[first].start === s.start && !/['’-]/.test(text.slice(s.start, s.end));
    let last = first;
    while (aligned && last < tokens.length && tokens[last].end < s.end) last++;
    aligned &&= last < tokens.length && tokens[last].end === s.end;
    if (aligned) {
      for (let k = first; k <= last; k++) {
        const tok = tokens[k];
        if (tok.capital && tok.end - tok.start >= 3 && !STOP.has(tok.lower)) named.set(tok.text, s.type);
      }
      continue;
    }
    for (const m of text.slice(s.start, s.end).matchAll(NAME_WORDS)) {
      const w = m[0];
      const c = w.charCodeAt(0);
      const upper = c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(w);
      if (upper && !STOP.has(w.toLowerCase())) named.set(w.replace(/['’]s$/, ''), s.type);
    }
  }
  const covered = (tok: Token) => (marks[tok.start] & COVERED) !== 0 || (marks[tok.end - 1] & COVERED) !== 0;
  const personEnd = (pos: number) => (marks[pos] & PERSON_END) !== 0;
  const personStart = (pos: number) => (marks[pos] & PERSON_START) !== 0;
  for (const tok of tokens) {
    if (!tok.capital) continue;
    const type = named.get(tok.text);
    if (type && !covered(tok)) out.push(span(tok.start, tok.end, type, P.gazetteer - 1, 'propagated'));
  }
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok.capital || tok.caps) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (!(prev && personEnd(prev.end)) && !(next && personStart(next.start))) continue;
    if (STOP.has(tok.lower) || covered(tok)) continue;
    const afterPerson = prev && prev.end + 1 === tok.start && text[prev.end] === ' ' && personEnd(prev.end);
    const beforePerson = next && tok.end + 1 === next.start && text[tok.end] === ' ' && personStart(next.start) && !tok.sentenceStart;
    if ((afterPerson && !tok.sentenceStart) || beforePerson) out.push(span(tok.start, tok.end, 'PERSON', P.gazetteer - 1, 'name-extension'));
  }
  return out;
}

/** Index of the first token ending after pos (tokens are in text order). */
function firstTokenFrom(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
