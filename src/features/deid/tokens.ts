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

export function tokenize(t: string): Token[] {
  const out: Token[] = [];
  const headings = headingLines(t);
  for (const m of t.matchAll(WORD)) {
    let text = m[0];
    if (/['’]s$/i.test(text) && text.length > 3) text = text.slice(0, -2);
    const start = m.index!;
    const prev = t.slice(Math.max(0, start - 4), start).replace(/["'‘“(\[*•\-–\s]+$/u, '');
    const sentenceStart = start === 0 || prev === '' || /[.!?:;\n]$/.test(prev) || /\n\s*["'‘“(\[*•\-–]*\s*$/.test(t.slice(Math.max(0, start - 6), start));
    const capital = /^\p{Lu}/u.test(text);
    out.push({
      start,
      end: start + text.length,
      text,
      lower: text.toLowerCase(),
      sentenceStart,
      caps: text.length > 1 && text === text.toUpperCase() && /\p{Lu}/u.test(text),
      capital,
      heading: headings.has(lineIndexOf(t, start, headings)),
    });
  }
  return out;
}

/** Line start offsets of lines that read as headings: short, title case or ending in a colon. */
function headingLines(t: string): Set<number> {
  const set = new Set<number>();
  let at = 0;
  for (const line of t.split('\n')) {
    const s = line.trim();
    const words = s.match(/[\p{L}]+/gu) ?? [];
    if (s && words.length <= 6 && (/:$/.test(s) || (words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w) || w.length <= 3))) && !/[.?!,]$/.test(s))
      set.add(at);
    at += line.length + 1;
  }
  return set;
}

function lineIndexOf(t: string, pos: number, headings: Set<number>): number {
  if (headings.size === 0) return -1;
  return t.lastIndexOf('\n', pos - 1) + 1;
}
