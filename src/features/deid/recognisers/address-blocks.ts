import { isWord } from '../lexicon.js';
import { P, span, type Span } from '../deid.types.js';

/**
 * In letters and forms an address runs on over short lines below the street line (town, county,
 * postcode, country). Those lines carry no sentence, so every line of the block is taken.
 *
 * Everything asked of "the rest of this line" is answered from tables built once per text, so a
 * long line holding thousands of addresses costs its length once, not once per address.
 */
export function addressBlocks(t: string, found: Span[]): Span[] {
  const out: Span[] = [];
  const numbered: Span[] = [];
  // A numbered line ("63 30 N. Stadion") followed by an address-like line starts a block too.
  for (const m of t.matchAll(/(?:^|\n|:[ \t]+)[ \t]*(\d{1,5}(?:[ \t]+\d{1,5})?[ \t]+[\p{L}][^\n]{2,40})(?=\n)/gu)) {
    const at = m.index! + m[0].length - m[1].length;
    const from = at + m[1].length + 1;
    const end = t.indexOf('\n', from);
    const next = t.slice(from, end < 0 ? t.length : end).trim();
    if (next && addressLike(next) && addressLike(m[1])) numbered.push(span(at, at + m[1].length, 'ADDRESS', P.address - 10, 'address-block'));
  }
  const spans = numbered.length ? found.concat(numbered) : found;
  if (!spans.some((s) => s.type === 'ADDRESS')) return out;
  const lines = lineTable(t);
  const kept = new Set<Span>();
  // Each following line is read once, however many addresses above it reach it, and taken once.
  const read = new Map<number, { at: number; end: number } | null>();
  const taken = new Set<number>();
  const lineAfter = (pos: number, next: number) => {
    let got = read.get(pos);
    if (got !== undefined) return got;
    const raw = t.slice(pos + 1, next < 0 ? t.length : next);
    const cut = raw.search(/[.?!]\s/);
    let line = cut < 0 ? raw : raw.slice(0, cut);
    const lead = line.length - line.trimStart().length;
    line = line.trim();
    const at = pos + 1 + lead;
    got = line && addressLike(line) ? { at, end: at + line.replace(/[.,;]+$/, '').length } : null;
    read.set(pos, got);
    return got;
  };
  for (const s of spans) {
    if (s.type !== 'ADDRESS') continue;
    const lineStart = lines.startOf(s.start);
    const lineEnd = lines.endOf(s.end);
    const endsLine = lineEnd >= 0 && lines.onlyTail(s.end, lineEnd);
    if (!lines.onlyLead(lineStart, s.start) && !endsLine) continue;
    let pos = lineEnd;
    for (let n = 0; n < 5 && pos >= 0; n++) {
      const next = lines.endOf(pos + 1);
      const line = lineAfter(pos, next);
      if (!line) break;
      // The same line reached again adds an identical span, which merging would fold anyway.
      if (!taken.has(line.at)) {
        taken.add(line.at);
        out.push(span(line.at, line.end, 'ADDRESS', P.address - 10, 'address-block'));
      }
      if (s.source === 'address-block' && !kept.has(s)) {
        kept.add(s);
        out.push(s);
      }
      pos = next;
    }
  }
  return out;
}

const TAIL = /[\s.,\d]/; // what may follow an address to the end of its line
const LEAD = /[\s\d,]/; // what may come before it from the start of its line

/** Newlines by binary search, and where the last character outside TAIL / LEAD falls. */
function lineTable(t: string) {
  const newlines: number[] = [];
  for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) newlines.push(i);
  // nextNotTail[i]: first index >= i whose character is not allowed after an address (n if none).
  const nextNotTail = new Int32Array(t.length + 1);
  nextNotTail[t.length] = t.length;
  for (let i = t.length - 1; i >= 0; i--) nextNotTail[i] = TAIL.test(t[i]) ? nextNotTail[i + 1] : i;
  // prevNotLead[i]: last index < i whose character is not allowed before an address (-1 if none).
  const prevNotLead = new Int32Array(t.length + 1);
  prevNotLead[0] = -1;
  for (let i = 1; i <= t.length; i++) prevNotLead[i] = LEAD.test(t[i - 1]) ? prevNotLead[i - 1] : i - 1;
  const firstAtOrAfter = (pos: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    /** As t.lastIndexOf('\n', pos - 1) + 1. */
    startOf: (pos: number) => {
      if (pos <= 0) return t.charCodeAt(0) === 10 ? 1 : 0;
      const i = firstAtOrAfter(pos) - 1;
      return i >= 0 ? newlines[i] + 1 : 0;
    },
    /** As t.indexOf('\n', pos). */
    endOf: (pos: number) => {
      const i = firstAtOrAfter(Math.max(0, pos));
      return i < newlines.length ? newlines[i] : -1;
    },
    /** As /^[\s.,\d]*$/.test(t.slice(from, to)). */
    onlyTail: (from: number, to: number) => from >= to || nextNotTail[from] >= to,
    /** As /^[\s\d,]*$/.test(t.slice(from, to)). */
    onlyLead: (from: number, to: number) => from >= to || prevNotLead[to] < from,
  };
}

function addressLike(line: string): boolean {
  if (line.length > 60 || /:/.test(line)) return false;
  if (/^(?:dear|re|yours|tel|phone|mobile|fax|email|date|ref)\b/i.test(line)) return false;
  const tokens = line.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  if (tokens.length === 0 || tokens.length > 7) return false;
  const prose = tokens.filter((w) => /^\p{Ll}/u.test(w) && isWord(w)).length;
  return prose <= 1;
}
