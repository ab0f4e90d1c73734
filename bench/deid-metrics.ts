/**
 * Token-level, type-blind scoring. A token is a maximal run of letters, marks and digits
 * (whitespace and punctuation separate tokens and are never scored). A token is gold when it
 * overlaps a gold span, predicted when it overlaps a predicted span.
 */
export interface Doc {
  id: string;
  text: string;
  gold: Array<{ start: number; end: number; type: string }>;
}
export type Pred = Array<{ start: number; end: number }>;

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  recall: number;
  precision: number;
  f2: number;
  docsWithLeak: number;
  docs: number;
  byType: Record<string, { entities: number; fullyCovered: number }>;
}

const overlaps = (a: { start: number; end: number }, s: number, e: number) => a.start < e && s < a.end;

export function score(docs: Doc[], preds: Pred[]): Scores {
  let tp = 0, fp = 0, fn = 0, docsWithLeak = 0;
  const byType: Scores['byType'] = {};
  docs.forEach((d, i) => {
    const pred = preds[i];
    let leak = false;
    for (const m of d.text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
      const s = m.index!, e = s + m[0].length;
      const g = d.gold.some((x) => overlaps(x, s, e));
      const p = pred.some((x) => overlaps(x, s, e));
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) {
        fn++;
        leak = true;
      }
    }
    if (leak) docsWithLeak++;
    for (const gspan of d.gold) {
      const t = (byType[gspan.type] ??= { entities: 0, fullyCovered: 0 });
      t.entities++;
      let covered = true;
      for (let k = gspan.start; k < gspan.end && covered; k++) {
        if (!/[\p{L}\p{M}\p{N}]/u.test(d.text[k])) continue;
        covered = pred.some((x) => x.start <= k && k < x.end);
      }
      if (covered) t.fullyCovered++;
    }
  });
  const recall = tp / (tp + fn || 1);
  const precision = tp / (tp + fp || 1);
  const f2 = (5 * precision * recall) / (4 * precision + recall || 1);
  return { tp, fp, fn, recall, precision, f2, docsWithLeak, docs: docs.length, byType };
}
