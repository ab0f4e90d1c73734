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
  const covered = (tok: Token) => spans.some((s) => s.start < tok.end && tok.start < s.end);
  const named = new Map<string, Span['type']>();
  for (const s of spans) {
    if (!NAMEISH.has(s.type) || s.priority < P.gazetteer) continue;
    for (const w of text.slice(s.start, s.end).match(/[\p{L}\p{M}'’-]{3,}/gu) ?? []) {
      if (/^\p{Lu}/u.test(w) && !STOP.has(w.toLowerCase())) named.set(w.replace(/['’]s$/, ''), s.type);
    }
  }
  for (const tok of tokens) {
    const type = named.get(tok.text);
    if (type && !covered(tok)) out.push(span(tok.start, tok.end, type, P.gazetteer - 1, 'propagated'));
  }
  const persons = spans.filter((s) => s.type === 'PERSON' && s.priority >= P.safetyNet);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok.capital || tok.caps || STOP.has(tok.lower) || covered(tok)) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const afterPerson = prev && / $/.test(text.slice(prev.end, tok.start)) && text.slice(prev.end, tok.start).length === 1 && persons.some((s) => s.end === prev.end);
    const beforePerson = next && text.slice(tok.end, next.start) === ' ' && persons.some((s) => s.start === next.start) && !tok.sentenceStart;
    if ((afterPerson && !tok.sentenceStart) || beforePerson) out.push(span(tok.start, tok.end, 'PERSON', P.gazetteer - 1, 'name-extension'));
  }
  return out;
}
