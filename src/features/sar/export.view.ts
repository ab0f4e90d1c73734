/** The export as the client will read it: accepted redactions applied, each one listed with its ground. */
import type { Assembly } from './assembly.js';
import { applyRedactions } from './redaction.js';
import { GROUNDS, type Ground } from './redaction.grounds.js';
import { type Redaction, sourcesOf } from './redaction.service.js';

export interface ViewText {
  id: string;
  text: string;
}

export interface ExportView {
  a: Assembly;
  /** Redacted text by source id (notes, addenda, text documents). */
  texts: Map<string, string>;
  withheld: { source: string; ground: Ground; reason: string }[];
  grounds: { ground: Ground; reason: string; count: number }[];
}

export function buildView(a: Assembly, redactions: Redaction[]): ExportView {
  const accepted = redactions.filter((r) => r.status === 'accepted');
  const texts = new Map<string, string>();
  const withheld: ExportView['withheld'] = [];
  for (const s of sourcesOf(a)) {
    const mine = accepted.filter((r) => r.sourceId === s.id);
    const { text } = applyRedactions(s.text, mine);
    texts.set(s.id, text);
    for (const g of new Set(mine.map((r) => r.ground as Ground))) withheld.push({ source: s.label, ground: g, reason: GROUNDS[g]?.text ?? g });
  }
  const counts = new Map<Ground, number>();
  for (const r of accepted) counts.set(r.ground as Ground, (counts.get(r.ground as Ground) ?? 0) + 1);
  return { a, texts, withheld, grounds: [...counts].map(([ground, count]) => ({ ground, reason: GROUNDS[ground]?.text ?? ground, count })) };
}

export const textOf = (v: ExportView, id: string, fallback: string): string => v.texts.get(id) ?? fallback;
