/**
 * The agreements are written in a small subset of Markdown: #, ## and ### headings, "- " bullets,
 * **bold** and paragraphs. This parser turns them into blocks that the PDF renderer and the web
 * pages both draw, so the client sees the same structure everywhere.
 */
export type Inline = { text: string; bold?: boolean };
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'list'; items: Inline[][] };

export function inline(s: string): Inline[] {
  const out: Inline[] = [];
  const parts = s.split(/(\*\*[^*]+\*\*)/g);
  for (const p of parts) {
    if (!p) continue;
    if (p.startsWith('**') && p.endsWith('**')) out.push({ text: p.slice(2, -2), bold: true });
    else out.push({ text: p });
  }
  return out;
}

export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: Inline[][] | null = null;
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', inline: inline(para.join(' ')) });
    para = [];
    if (list) blocks.push({ kind: 'list', items: list });
    list = null;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    const h = line.match(/^(#{1,3})\s+(.*)$/);
    if (h) {
      flush();
      blocks.push({ kind: 'heading', level: h[1].length as 1 | 2 | 3, text: h[2] });
    } else if (/^\s*-\s+/.test(line)) {
      if (para.length) {
        blocks.push({ kind: 'paragraph', inline: inline(para.join(' ')) });
        para = [];
      }
      list ??= [];
      list.push(inline(line.replace(/^\s*-\s+/, '')));
    } else if (!line.trim()) flush();
    else if (list && /^\s+/.test(raw)) list[list.length - 1].push({ text: ' ' + line.trim() });
    else {
      if (list) flush();
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}
