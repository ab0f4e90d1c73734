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
export function propagate(text: string, tokens: Token[], spans: Span[]): Span[] {
  const out: Span[] = [];
  const mask = new Uint8Array(text.length + 1);
  for (const s of spans) mask.fill(1, s.start, s.end);
  const covered = (tok: Token) => mask[tok.start] === 1 || mask[tok.end - 1] === 1;
  const named = new Map<string, Span['type']>();
  for (const s of spans) {
    if (!NAMEISH.has(s.type) || s.priority < P.gazetteer) continue;
    for (const w of text.slice(s.start, s.end).match(/[\p{L}\p{M}'’-]{3,}/gu) ?? []) {
      if (/^\p{Lu}/u.test(w) && !STOP.has(w.toLowerCase())) named.set(w.replace(/['’]s$/, ''), s.type);
    }
  }
  for (const tok of tokens) {
    if (!tok.capital) continue;
    const type = named.get(tok.text);
    if (type && !covered(tok)) out.push(span(tok.start, tok.end, type, P.gazetteer - 1, 'propagated'));
  }
  const personEnds = new Set<number>();
  const personStarts = new Set<number>();
  for (const s of spans) if (s.type === 'PERSON' && s.priority >= P.safetyNet) {
    personEnds.add(s.end);
    personStarts.add(s.start);
  }
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok.capital || tok.caps) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (!(prev && personEnds.has(prev.end)) && !(next && personStarts.has(next.start))) continue;
    if (STOP.has(tok.lower) || covered(tok)) continue;
    const afterPerson = prev && prev.end + 1 === tok.start && text[prev.end] === ' ' && personEnds.has(prev.end);
    const beforePerson = next && tok.end + 1 === next.start && text[tok.end] === ' ' && personStarts.has(next.start) && !tok.sentenceStart;
    if ((afterPerson && !tok.sentenceStart) || beforePerson) out.push(span(tok.start, tok.end, 'PERSON', P.gazetteer - 1, 'name-extension'));
  }
  return out;
}
