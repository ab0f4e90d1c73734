/** Word tokens with offsets; a possessive 's is left outside the token so "Sarah's" gives "Sarah". */
export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** First word of a sentence or line, where capitals say nothing about names. */
  sentenceStart: boolean;
  /** All letters upper case (and at least two). */
  caps: boolean;
  /** First letter upper case. */
  capital: boolean;
  /** On a heading line ("Risk Assessment", "Plan:"), where capitals say nothing either. */
  heading: boolean;
}

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

const OPENERS = new Set(['"', "'", '‘', '“', '(', '[', '*', '•', '-', '–', ' ', '\t', '\r']);
const ENDERS = new Set(['.', '!', '?', ':', ';', '\n']);

export function tokenize(t: string): Token[] {
  const out: Token[] = [];
  const headings = headingLines(t);
  let lineStart = 0;
  let nextNewline = t.indexOf('\n');
  WORD.lastIndex = 0;
  for (let m = WORD.exec(t); m; m = WORD.exec(t)) {
    let text = m[0];
    const start = m.index;
    while (nextNewline >= 0 && nextNewline < start) {
      lineStart = nextNewline + 1;
      nextNewline = t.indexOf('\n', lineStart);
    }
    if (text.length > 3 && (text.endsWith("'s") || text.endsWith('’s') || text.endsWith("'S"))) text = text.slice(0, -2);
    let k = start - 1;
    while (k >= 0 && OPENERS.has(t[k])) k--;
    const sentenceStart = k < 0 || ENDERS.has(t[k]) || k < lineStart;
    const first = text[0];
    const code = first.charCodeAt(0);
    const capital = code < 128 ? code >= 65 && code <= 90 : first !== first.toLowerCase();
    out.push({
      start,
      end: start + text.length,
      text,
      lower: text.toLowerCase(),
      sentenceStart,
      caps: capital && text.length > 1 && text === text.toUpperCase(),
      capital,
      heading: headings.has(lineStart),
    });
  }
  return out;
}

/** Line start offsets of lines that read as headings: short, title case or ending in a colon. */
function headingLines(t: string): Set<number> {
  const set = new Set<number>();
  let at = 0;
  for (const line of t.split('\n')) {
    const s = line.length <= 80 ? line.trim() : '';
    const words = s ? (s.match(/[\p{L}]+/gu) ?? []) : [];
    if (s && words.length <= 6 && (/:$/.test(s) || (words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w) || w.length <= 3))) && !/[.?!,]$/.test(s))
      set.add(at);
    at += line.length + 1;
  }
  return set;
}
