/**
 * Evaluates rights-request detection on the labelled message sets and prints, per set, overall
 * accuracy, per-right precision and recall, and the confusion matrix (rows: label, columns:
 * prediction). Run: npx tsx bench/rights-eval.ts [--errors]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/core/paths.js';
import { type Detected, RIGHTS, detectRight } from '../src/features/rights/rights.detect.js';

export interface Labelled {
  text: string;
  right: Detected;
}

export interface Evaluation {
  total: number;
  correct: number;
  matrix: Record<Detected, Record<Detected, number>>;
  perRight: Record<Detected, { precision: number; recall: number; support: number }>;
  errors: Array<Labelled & { predicted: Detected }>;
}

export function loadSet(name: string): Labelled[] {
  const doc = JSON.parse(readFileSync(join(packageRoot(), 'test', 'fixtures', name), 'utf8')) as { messages: Labelled[] };
  return doc.messages;
}

export function evaluate(messages: Labelled[]): Evaluation {
  const matrix = Object.fromEntries(RIGHTS.map((r) => [r, Object.fromEntries(RIGHTS.map((c) => [c, 0]))])) as Evaluation['matrix'];
  const errors: Evaluation['errors'] = [];
  for (const m of messages) {
    const predicted = detectRight(m.text).right;
    matrix[m.right][predicted] += 1;
    if (predicted !== m.right) errors.push({ ...m, predicted });
  }
  const perRight = {} as Evaluation['perRight'];
  for (const r of RIGHTS) {
    const tp = matrix[r][r];
    const predicted = RIGHTS.reduce((s, l) => s + matrix[l][r], 0);
    const support = RIGHTS.reduce((s, p) => s + matrix[r][p], 0);
    perRight[r] = { precision: predicted ? tp / predicted : 1, recall: support ? tp / support : 1, support };
  }
  return { total: messages.length, correct: messages.length - errors.length, matrix, perRight, errors };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export function report(title: string, e: Evaluation): string {
  const short = (r: string) => r.slice(0, 6).padStart(7);
  const lines = [`${title}: ${e.total} messages, accuracy ${pct(e.correct / e.total)}%`, ''];
  lines.push(`${'label \\ predicted'.padEnd(15)}${RIGHTS.map(short).join('')}`);
  for (const r of RIGHTS) lines.push(`${r.padEnd(15)}${RIGHTS.map((c) => String(e.matrix[r][c]).padStart(7)).join('')}`);
  lines.push('', `${'right'.padEnd(15)}${'precision'.padStart(10)}${'recall'.padStart(8)}${'n'.padStart(5)}`);
  for (const r of RIGHTS) {
    const p = e.perRight[r];
    lines.push(`${r.padEnd(15)}${pct(p.precision).padStart(10)}${pct(p.recall).padStart(8)}${String(p.support).padStart(5)}`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const showErrors = process.argv.includes('--errors');
  for (const [title, file] of [['Tuning set', 'rights-messages.json'], ['Held-out set 1', 'rights-messages-heldout.json'], ['Held-out set 2', 'rights-messages-heldout2.json'], ['Blind set 1', 'rights-messages-blind.json'], ['Blind set 2', 'rights-messages-blind2.json']]) {
    let set: Labelled[];
    try {
      set = loadSet(file);
    } catch {
      console.log(`${title}: ${file} not found\n`);
      continue;
    }
    const e = evaluate(set);
    console.log(report(title, e) + '\n');
    if (showErrors) for (const x of e.errors) console.log(`  [${x.right} → ${x.predicted}] ${x.text.replace(/\n/g, ' ⏎ ')}`);
  }
}
