import { isWord } from '../lexicon.js';
import { P, span, type Span } from '../deid.types.js';

/**
 * In letters and forms an address runs on over short lines below the street line (town, county,
 * postcode, country). Those lines carry no sentence, so every line of the block is taken.
 */
export function addressBlocks(t: string, found: Span[]): Span[] {
  const out: Span[] = [];
  // A numbered line ("63 30 N. Stadion") followed by an address-like line starts a block too.
  for (const m of t.matchAll(/(?:^|\n|:[ \t]+)[ \t]*(\d{1,5}(?:[ \t]+\d{1,5})?[ \t]+[\p{L}][^\n]{2,40})(?=\n)/gu)) {
    const at = m.index! + m[0].length - m[1].length;
    const next = t.slice(at + m[1].length + 1).split('\n')[0].trim();
    if (next && addressLike(next) && addressLike(m[1])) found = [...found, span(at, at + m[1].length, 'ADDRESS', P.address - 10, 'address-block')];
  }
  for (const s of found) {
    if (s.type !== 'ADDRESS') continue;
    const lineStart = t.lastIndexOf('\n', s.start - 1) + 1;
    const lineEnd = t.indexOf('\n', s.end);
    const endsLine = lineEnd >= 0 && /^[\s.,\d]*$/.test(t.slice(s.end, lineEnd));
    if (!/^[\s\d,]*$/.test(t.slice(lineStart, s.start)) && !endsLine) continue;
    let pos = t.indexOf('\n', s.end);
    for (let n = 0; n < 5 && pos >= 0; n++) {
      const next = t.indexOf('\n', pos + 1);
      const raw = t.slice(pos + 1, next < 0 ? t.length : next);
      let line = raw.split(/[.?!]\s/)[0];
      const lead = line.length - line.trimStart().length;
      line = line.trim();
      if (!line || !addressLike(line)) break;
      const at = pos + 1 + lead;
      out.push(span(at, at + line.replace(/[.,;]+$/, '').length, 'ADDRESS', P.address - 10, 'address-block'));
      if (s.source === 'address-block' && !out.includes(s)) out.push(s);
      pos = next;
    }
  }
  return out;
}

function addressLike(line: string): boolean {
  if (line.length > 60 || /:/.test(line)) return false;
  if (/^(?:dear|re|yours|tel|phone|mobile|fax|email|date|ref)\b/i.test(line)) return false;
  const tokens = line.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  if (tokens.length === 0 || tokens.length > 7) return false;
  const prose = tokens.filter((w) => /^\p{Ll}/u.test(w) && isWord(w)).length;
  return prose <= 1;
}
