import { P, span, type KnownIdentifier, type Span } from './deid.types.js';

/** Name parts that are also grammatical glue ("Will", "May"): matched only when capitalised. */
const GLUE = new Set('will may can shall must might did do so an art ever mark bill sue pat rob'.split(' '));
const TITLE = /^(?:mr|mrs|ms|miss|mx|dr|prof|rev|sir|dame|lady|lord)\.?$/i;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Pattern {
  re: RegExp;
  type: KnownIdentifier['type'];
}

/**
 * Every form of the client's recorded identifiers: the whole value case-insensitively, and its
 * parts (name words, address lines), case-insensitively. The exception is a part that is also a
 * grammatical or everyday verb ("Will", "May", "Mark"): only its capitalised forms are matched, so
 * "I will" is left alone while "WILL" and "Will's" are caught.
 */
export function compileKnown(known: KnownIdentifier[]): Pattern[] {
  const out: Pattern[] = [];
  for (const k of known) {
    const value = k.text.trim();
    if (value.length < 2) continue;
    const variants = new Set<string>([value]);
    if (k.type === 'PERSON' || k.type === 'ORGANISATION') {
      for (const p of value.split(/\s+/)) if (p.replace(/\./g, '').length > 1 && !TITLE.test(p)) variants.add(p);
      for (const p of value.split(/[\s-]+/)) if (p.length > 2 && !TITLE.test(p)) variants.add(p);
    } else if (k.type === 'ADDRESS') {
      for (const p of value.split(/\s*[,\n]\s*/)) if (p.length > 2) variants.add(p);
    }
    for (const v of [...variants].sort((a, b) => b.length - a.length)) {
      const body = v.split(/\s+/).map(escape).join('[\\s,]+');
      const word = v.split(/\s+/).length === 1 && GLUE.has(v.toLowerCase());
      const flags = word ? 'gu' : 'giu';
      const src = word ? `(?:${cap(v)}|${escape(v.toUpperCase())})` : body;
      out.push({ re: new RegExp(`(?<![\\p{L}\\p{N}])${src}(?![\\p{L}\\p{N}])`, flags), type: k.type });
    }
  }
  return out;
}

const cap = (v: string) => escape(v[0].toUpperCase() + v.slice(1).toLowerCase());

export function findKnown(t: string, patterns: Pattern[]): Span[] {
  const out: Span[] = [];
  for (const p of patterns) {
    for (const m of t.matchAll(p.re)) out.push(span(m.index!, m.index! + m[0].length, p.type, P.known, 'known'));
  }
  return out;
}
