import type { Block, Inline } from './types.js';

const runs = (xs: Inline[]) => xs.map((x, i) => (x.bold ? <strong key={i}>{x.text}</strong> : <span key={i}>{x.text}</span>));

/** An agreement's text, drawn from the same blocks the PDF uses. Headings start below the page's h1. */
export function Blocks({ blocks, base = 2 }: { blocks: Block[]; base?: 1 | 2 | 3 }) {
  return (
    <>
      {blocks.map((b, i) => {
        if (b.kind === 'heading') {
          const level = Math.min(6, base + b.level - 1);
          const H = `h${level}` as 'h1' | 'h2' | 'h3' | 'h4';
          return <H key={i} className="agreement-heading">{b.text}</H>;
        }
        if (b.kind === 'list') return <ul key={i}>{b.items.map((it, j) => <li key={j}>{runs(it)}</li>)}</ul>;
        return <p key={i}>{runs(b.inline)}</p>;
      })}
    </>
  );
}

/** A small client-side copy of the server's Markdown subset, for text already fetched as a string. */
export function toBlocks(text: string): Block[] {
  const out: Block[] = [];
  let para: string[] = [];
  let list: Inline[][] | null = null;
  const inline = (s: string): Inline[] => s.split(/(\*\*[^*]+\*\*)/g).filter(Boolean).map((p) => (p.startsWith('**') && p.endsWith('**') ? { text: p.slice(2, -2), bold: true } : { text: p }));
  const flush = () => {
    if (para.length) out.push({ kind: 'paragraph', inline: inline(para.join(' ')) });
    para = [];
    if (list) out.push({ kind: 'list', items: list });
    list = null;
  };
  for (const line of text.split('\n')) {
    const h = /^(#{1,3})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      out.push({ kind: 'heading', level: h[1].length as 1 | 2 | 3, text: h[2] });
    } else if (/^\s*-\s+/.test(line)) {
      if (para.length) {
        out.push({ kind: 'paragraph', inline: inline(para.join(' ')) });
        para = [];
      }
      (list ??= []).push(inline(line.replace(/^\s*-\s+/, '')));
    } else if (!line.trim()) flush();
    else {
      if (list) flush();
      para.push(line.trim());
    }
  }
  flush();
  return out;
}
