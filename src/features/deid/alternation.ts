/**
 * A regex source matching any of the given literal words, factored by shared prefixes
 * ("mother|mum|mam" → "m(?:other|um|am)"). A flat alternation of a hundred words is tried word by
 * word at every position; the factored form is tried letter by letter, which is much cheaper, and
 * it matches the same text because longer words are kept ahead of their prefixes.
 */
interface Node {
  children: Map<string, Node>;
  end: boolean;
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function alternation(words: readonly string[]): string {
  const root: Node = { children: new Map(), end: false };
  for (const w of words) {
    let n = root;
    for (const c of w) {
      let next = n.children.get(c);
      if (!next) n.children.set(c, (next = { children: new Map(), end: false }));
      n = next;
    }
    n.end = true;
  }
  return `(?:${source(root)})`;
}

function source(n: Node): string {
  const branches = [...n.children].map(([c, child]) => escape(c) + source(child));
  // Longer continuations first, then the word ending here: the same preference as longest-first.
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
  return n.end ? `(?:${body})?` : body;
}
