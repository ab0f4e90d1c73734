import { useEffect, useRef } from 'react';
import { originalSegments, outputSegments, textOffset } from './segments.js';
import { type ReviewSpan, TYPE_LABELS } from './types.js';

export interface Selection {
  start: number;
  end: number;
  text: string;
}

const DECISION_WORD = { pending: 'to review', accepted: 'accepted', rejected: 'rejected' } as const;

/** Original and anonymised text side by side; selecting text in the original offers it for marking. */
export function TextPanes({ original, spans, label, onSelect }: { original: string; spans: ReviewSpan[]; label: string; onSelect: (s: Selection | null) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const handler = () => {
      const sel = document.getSelection();
      const box = ref.current;
      if (!sel || !box || sel.rangeCount === 0 || sel.isCollapsed) return;
      const r = sel.getRangeAt(0);
      if (!box.contains(r.startContainer) || !box.contains(r.endContainer)) return;
      const start = textOffset(box, r.startContainer, r.startOffset);
      const end = textOffset(box, r.endContainer, r.endOffset);
      if (start === null || end === null || end <= start) return;
      const text = original.slice(start, end);
      if (text.trim()) onSelect({ start, end, text });
    };
    document.addEventListener('selectionchange', handler);
    return () => document.removeEventListener('selectionchange', handler);
  }, [original, onSelect]);

  return (
    <div className="panes">
      <section className="pane" aria-label={`${label}: original`}>
        <h3 className="pane-title">Original</h3>
        <div className="pane-text" ref={ref} data-testid="original-text">
          {originalSegments(original, spans).map((seg, i) =>
            seg.span ? (
              <mark key={i} className={`span span-${seg.span.decision}`} data-span={seg.span.id}>
                {seg.text}
                <span className="span-type" data-skip aria-hidden="true">{TYPE_LABELS[seg.span.type]}</span>
                <span className="visually-hidden" data-skip> ({TYPE_LABELS[seg.span.type]}, {DECISION_WORD[seg.span.decision]})</span>
              </mark>
            ) : (
              <span key={i}>{seg.text}</span>
            ),
          )}
        </div>
      </section>
      <section className="pane" aria-label={`${label}: anonymised`}>
        <h3 className="pane-title">Anonymised</h3>
        <div className="pane-text" data-testid="anonymised-text">
          {outputSegments(original, spans).map((seg, i) =>
            seg.span ? (
              <mark key={i} className={`span span-out span-${seg.span.decision}`}>
                {seg.text}
                <span className="visually-hidden"> ({TYPE_LABELS[seg.span.type]})</span>
              </mark>
            ) : (
              <span key={i}>{seg.text}</span>
            ),
          )}
        </div>
      </section>
    </div>
  );
}
