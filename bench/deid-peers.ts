/** The npm PII libraries we compare against, run offline on the same documents. */
import { createRequire } from 'node:module';
import type { Pred } from './deid-metrics.js';

const require = createRequire(import.meta.url);

/** openredaction reports positions directly. */
export async function openredaction(texts: string[]): Promise<Pred[]> {
  const { OpenRedaction } = (await import('openredaction')) as unknown as { OpenRedaction: new (o: object) => { detect(t: string): Promise<{ detections: Array<{ position: [number, number] }> }> } };
  const r = new OpenRedaction({ redactionMode: 'placeholder' });
  const out: Pred[] = [];
  for (const t of texts) out.push((await r.detect(t)).detections.map((d) => ({ start: d.position[0], end: d.position[1] })));
  return out;
}

/**
 * redact-pii returns only redacted text; with a marker as the replacement, the spans are
 * recovered by aligning the literal pieces between markers with the original, in order.
 */
export function redactPii(texts: string[]): Pred[] {
  const { SyncRedactor } = require('redact-pii') as { SyncRedactor: new (o: object) => { redact(t: string): string } };
  const MARK = '\u0001';
  const r = new SyncRedactor({ globalReplaceWith: MARK });
  return texts.map((t) => {
    const pieces = r.redact(t).split(MARK);
    const spans: Pred = [];
    let at = pieces[0].length;
    for (let i = 1; i < pieces.length; i++) {
      const next = i === pieces.length - 1 ? t.length - pieces[i].length : pieces[i] === '' ? at : t.indexOf(pieces[i], at + 1);
      const end = next < 0 ? t.length : next;
      if (end > at) spans.push({ start: at, end });
      at = end + pieces[i].length;
    }
    return spans;
  });
}
