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

const LETTER = /^[\p{L}\p{M}]+$/u;
/** Letter-or-mark answers for the BMP, filled on first sight: 0 unknown, 1 yes, 2 no. */
const bmp = new Uint8Array(65536);

/** Length of the letter (or combining mark) at i: 0, 1, or 2 for an astral letter. */
function letterAt(t: string, i: number): number {
  const c = t.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) return LETTER.test(t.slice(i, i + 2)) ? 2 : 0;
  let k = bmp[c];
  if (k === 0) bmp[c] = k = LETTER.test(t[i]) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

// " ' ‘ “ ( [ * • - – space tab CR, and . ! ? : ; newline, as character codes.
const OPENERS = new Set([34, 39, 0x2018, 0x201c, 40, 91, 42, 0x2022, 45, 0x2013, 32, 9, 13]);
const ENDERS = new Set([46, 33, 63, 58, 59, 10]);

/**
 * Words are runs of letters and marks joined by apostrophes or hyphens ("O'Neil", "Kerry-Ann"),
 * read with a hand-written scanner: this runs over every character of every note.
 */
export function tokenize(t: string): Token[] {
  const out: Token[] = [];
  const { headings, lineStarts } = lines(t);
  let line = 0;
  let lineStart = 0;
  let heading = headings.has(0);
  const n = t.length;
  let i = 0;
  while (i < n) {
    let len = letterAt(t, i);
    if (len === 0) {
      i++;
      continue;
    }
    const start = i;
    // Lower-case ASCII words (most of a note) need no toLowerCase copy.
    let plain = true;
    for (;;) {
      while (i < n && (len = letterAt(t, i)) > 0) {
        if (plain) {
          const c = t.charCodeAt(i);
          if (c < 97 || c > 122) plain = false;
        }
        i += len;
      }
      const c = t.charCodeAt(i);
      if ((c === 39 || c === 0x2019 || c === 45) && i + 1 < n && letterAt(t, i + 1) > 0) {
        if (c === 0x2019) plain = false;
        i++;
        continue;
      }
      break;
    }
    let end = i;
    if (line + 1 < lineStarts.length && lineStarts[line + 1] <= start) {
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= start) line++;
      lineStart = lineStarts[line];
      heading = headings.has(lineStart);
    }
    if (end - start > 3) {
      const a = t.charCodeAt(end - 2);
      const b = t.charCodeAt(end - 1);
      if ((a === 39 || a === 0x2019) && (b === 115 || (b === 83 && a === 39))) end -= 2; // 's, ’s, 'S
    }
    const text = t.slice(start, end);
    let k = start - 1;
    while (k >= 0 && OPENERS.has(t.charCodeAt(k))) k--;
    const sentenceStart = k < 0 || ENDERS.has(t.charCodeAt(k)) || k < lineStart;
    const code = text.charCodeAt(0);
    const capital = code < 128 ? code >= 65 && code <= 90 : text[0] !== text[0].toLowerCase();
    const lower = plain ? text : text.toLowerCase();
    out.push({
      start,
      end,
      text,
      lower,
      sentenceStart,
      caps: capital && text.length > 1 && text === text.toUpperCase(),
      capital,
      heading,
    });
  }
  return out;
}

/**
 * Where each line starts, and which lines read as headings: short, title case or ending in a colon.
 * Line starts come from the one split, not from a search for the next newline per word: on a long
 * text without line breaks V8 was seen to take time proportional to the whole text for that search.
 */
function lines(t: string): { headings: Set<number>; lineStarts: number[] } {
  const headings = new Set<number>();
  const lineStarts: number[] = [];
  let at = 0;
  for (const line of t.split('\n')) {
    lineStarts.push(at);
    const s = line.length <= 80 ? line.trim() : '';
    const words = s ? (s.match(/[\p{L}]+/gu) ?? []) : [];
    if (s && words.length <= 6 && (/:$/.test(s) || (words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w) || w.length <= 3))) && !/[.?!,]$/.test(s))
      headings.add(at);
    at += line.length + 1;
  }
  return { headings, lineStarts };
}
