import type { ReviewSpan } from './types.js';

export interface Segment {
  text: string;
  span?: ReviewSpan;
}

/** The original text cut at every change shown (a rejected change gives way to one that overlaps it). */
export function originalSegments(text: string, spans: ReviewSpan[]): Segment[] {
  const ordered = [...spans].sort((a, b) => Number(a.decision === 'rejected') - Number(b.decision === 'rejected') || a.start - b.start);
  const shown: ReviewSpan[] = [];
  for (const s of ordered) if (!shown.some((x) => x.start < s.end && s.start < x.end)) shown.push(s);
  return cut(text, shown.sort((a, b) => a.start - b.start), (s) => text.slice(s.start, s.end));
}

/** The anonymised text as the server builds it: every change not rejected, in order. */
export function outputSegments(text: string, spans: ReviewSpan[]): Segment[] {
  const live = spans.filter((s) => s.decision !== 'rejected').sort((a, b) => a.start - b.start);
  const shown: ReviewSpan[] = [];
  for (const s of live) if (!shown.length || s.start >= shown[shown.length - 1].end) shown.push(s);
  return cut(text, shown, (s) => s.replacement);
}

function cut(text: string, spans: ReviewSpan[], show: (s: ReviewSpan) => string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ text: show(s), span: s });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Where a DOM position falls in the container's own text, not counting decorations marked data-skip. */
export function textOffset(container: Node, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  const before = range.cloneContents();
  before.querySelectorAll('[data-skip]').forEach((e) => e.remove());
  return before.textContent?.length ?? 0;
}
