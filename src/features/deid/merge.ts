import type { Span } from './deid.types.js';

const JOINABLE = new Set(['PERSON', 'LOCATION', 'ORGANISATION', 'ADDRESS']);

/**
 * Overlapping spans become one span covering them all (a leak at the edge is still a leak); its
 * type comes from the highest-priority member, then the longest. Neighbouring names of one type
 * separated by a space are joined ("Shelby" + "Araujo"), and numbers beside an address or place
 * are drawn in.
 */
export function mergeSpans(text: string, spans: Span[]): Span[] {
  const cleaned: Span[] = [];
  for (const s of spans) {
    const c = tidy(text, s);
    if (c.end > c.start) cleaned.push(c);
  }
  cleaned.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of cleaned) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      out[out.length - 1] = copy(better(s, last) ? s : last, last.start, Math.max(last.end, s.end));
    } else if (last && last.type === s.type && s.start - last.end === 1 && (text[last.end] === ' ' || text[last.end] === '\t') && JOINABLE.has(s.type)) {
      out[out.length - 1] = copy(better(s, last) ? s : last, last.start, s.end);
    } else out.push(copy(s, s.start, s.end));
  }
  for (let i = 0; i < out.length; i++) {
    const s = out[i];
    if (s.type !== 'ADDRESS' && s.type !== 'LOCATION') continue;
    // Only a space or full stop after it, or an address, can draw a number in.
    if (s.type === 'LOCATION' && (text[s.end] !== ' ' || !(text[s.end + 1] >= '0' && text[s.end + 1] <= '9'))) continue;
    const near = out.slice(Math.max(0, i - 1), i + 2);
    // After an abbreviated street word the number follows its full stop ("Bem rkp. 97").
    const abbreviated = s.type === 'ADDRESS' && /(?:^|\s)\p{Ll}{2,4}$/u.test(text.slice(Math.max(s.start, s.end - 5), s.end));
    const after = (abbreviated ? /^\.? \d{1,5}\b\.?/ : /^ \d{1,5}\b\.?/).exec(text.slice(s.end, s.end + 9));
    if (after && !overlapsAny(near, s.end, s.end + after[0].length, s)) s.end += after[0].replace(/\.$/, '').length;
    const before = s.type === 'ADDRESS' ? /(?:^|[\s,])(\d{1,5} )$/.exec(text.slice(Math.max(0, s.start - 7), s.start)) : null;
    if (s.type === 'ADDRESS' && before && !overlapsAny(near, s.start - before[1].length, s.start, s)) s.start -= before[1].length;
  }
  return out;
}

const copy = (s: Span, start: number, end: number): Span => ({ start, end, type: s.type, priority: s.priority, source: s.source });

/** A span that contains another names the whole thing (an email holding a name, an address holding a postcode). */
function better(a: Span, b: Span): boolean {
  const aHolds = a.start <= b.start && a.end >= b.end && a.end - a.start > b.end - b.start;
  const bHolds = b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start;
  if (aHolds && a.priority >= 40) return true;
  if (bHolds && b.priority >= 40) return false;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb && Math.min(a.priority, b.priority) >= 55) return la > lb;
  if (a.priority !== b.priority) return a.priority > b.priority;
  return a.end - a.start > b.end - b.start;
}

function overlapsAny(all: Span[], start: number, end: number, self: Span): boolean {
  return all.some((o) => o !== self && o.start < end && start < o.end);
}

const NAMED = new Set(['PERSON', 'LOCATION', 'ORGANISATION']);
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x3000;

/** Trim whitespace and trailing punctuation, and a possessive on names (runs on every span: no regex). */
function tidy(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  for (let c = text.charCodeAt(end - 1); end > start && (isSpace(c) || c === 44 || c === 59 || c === 58); c = text.charCodeAt(end - 1)) end--;
  if (s.type !== 'URL' && s.type !== 'ADDRESS' && s.type !== 'DATE') while (end > start && text.charCodeAt(end - 1) === 46) end--;
  if (NAMED.has(s.type) && end - start > 3 && text.charCodeAt(end - 1) === 115) {
    const q = text.charCodeAt(end - 2);
    if (q === 39 || q === 0x2019) end -= 2;
  }
  if (start === s.start && end === s.end) return s;
  return { ...s, start, end };
}
