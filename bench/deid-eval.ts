/**
 * De-identification evaluation: Sanctum's engine and the npm peers on the therapy-note set and the
 * Presidio smoke set, token-level and type-blind. Prints Markdown; with --write, replaces the
 * results block in docs/deid.md. Run: npm run eval:deid [-- --write] [-- --misses]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deidentify, type KnownIdentifier } from '../src/features/deid/deid.js';
import { score, type Doc, type Pred, type Scores } from './deid-metrics.js';
import { openredaction, redactPii } from './deid-peers.js';
import type { GoldNote } from './deid-generate.js';

const root = join(import.meta.dirname, '..');
// The public evaluation data sits in the shared folder beside the repository.
const SMOKE = process.env.SANCTUM_DEID_SMOKE ?? join(root, '..', 'shared', 'deid', 'presidio-smoke', 'generated_small.json');

/** Presidio labels → Sanctum types. TITLE and NRP are not identifiers for Sanctum (see docs). */
const PRESIDIO: Record<string, string | null> = {
  PERSON: 'PERSON', LOCATION: 'LOCATION', GPE: 'LOCATION', ADDRESS: 'ADDRESS', STREET_ADDRESS: 'ADDRESS', ORGANIZATION: 'ORGANISATION',
  DATE_TIME: 'DATE', PHONE_NUMBER: 'PHONE', EMAIL_ADDRESS: 'EMAIL', CREDIT_CARD: 'ID', IBAN_CODE: 'ID', US_SSN: 'ID',
  US_DRIVER_LICENSE: 'ID', IP_ADDRESS: 'IP', DOMAIN_NAME: 'URL', AGE: 'AGE', TITLE: null, NRP: null,
};

interface SmokeItem { full_text: string; spans: Array<{ entity_type: string; start_position: number; end_position: number }> }

function loadSmoke(): Doc[] {
  const items = JSON.parse(readFileSync(SMOKE, 'utf8')) as SmokeItem[];
  return items.map((it, i) => ({
    id: `smoke-${i}`,
    text: it.full_text,
    gold: it.spans.filter((s) => PRESIDIO[s.entity_type]).map((s) => ({ start: s.start_position, end: s.end_position, type: PRESIDIO[s.entity_type]! })),
  }));
}

function loadNotes(): Array<Doc & { known?: KnownIdentifier[] }> {
  const notes = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'deid', 'therapy-notes.json'), 'utf8')) as GoldNote[];
  return notes.map((n) => ({ id: n.id, text: n.text, gold: n.spans, known: n.known as KnownIdentifier[] | undefined }));
}

const sanctum = (docs: Array<Doc & { known?: KnownIdentifier[] }>, useKnown: boolean): Pred[] =>
  docs.map((d) => deidentify(d.text, { knownIdentifiers: useKnown ? d.known : undefined }).entities);

/** Documents where any word of the client's recorded name is still in the output. */
function nameSurvivals(docs: Array<Doc & { known?: KnownIdentifier[] }>): number {
  return docs.filter((d) => {
    if (!d.known) return false;
    const out = deidentify(d.text, { knownIdentifiers: d.known }).text;
    return d.known.some((k) => k.text.split(/\s+/).some((w) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'iu').test(out)));
  }).length;
}

const pct = (x: number) => (100 * x).toFixed(1) + '%';
const row = (name: string, s: Scores) =>
  `| ${name} | ${s.recall.toFixed(3)} | ${s.precision.toFixed(3)} | ${s.f2.toFixed(3)} | ${s.tp}/${s.fp}/${s.fn} | ${s.docsWithLeak}/${s.docs} |`;

function typeTable(systems: Array<[string, Scores]>): string {
  const types = [...new Set(systems.flatMap(([, s]) => Object.keys(s.byType)))].sort();
  const head = `| type | entities | ${systems.map(([n]) => n).join(' | ')} |\n|---|---|${systems.map(() => '---|').join('')}`;
  const lines = types.map((t) => `| ${t} | ${systems[0][1].byType[t]?.entities ?? 0} | ${systems.map(([, s]) => { const b = s.byType[t]; return b ? pct(b.fullyCovered / b.entities) : '–'; }).join(' | ')} |`);
  return [head, ...lines].join('\n');
}

async function evaluate(name: string, docs: Array<Doc & { known?: KnownIdentifier[] }>, withKnown: boolean): Promise<string> {
  const systems: Array<[string, Scores]> = [];
  if (withKnown) systems.push(['Sanctum (with known identifiers)', score(docs, sanctum(docs, true))]);
  systems.push(['Sanctum', score(docs, sanctum(docs, false))]);
  systems.push(['openredaction 1.1.5', score(docs, await openredaction(docs.map((d) => d.text)))]);
  systems.push(['redact-pii 3.4.0', score(docs, redactPii(docs.map((d) => d.text)))]);
  if (process.argv.includes('--misses')) printMisses(docs, sanctum(docs, withKnown));
  return [
    `### ${name} (${docs.length} documents, ${docs.reduce((n, d) => n + d.gold.length, 0)} gold entities)`,
    '',
    '| system | recall | precision | F2 | tokens TP/FP/FN | documents with a leak |',
    '|---|---|---|---|---|---|',
    ...systems.map(([n, s]) => row(n, s)),
    '',
    'Share of gold entities fully covered by predicted spans, per type:',
    '',
    typeTable(systems),
  ].join('\n');
}

function printMisses(docs: Doc[], preds: Pred[]): void {
  docs.forEach((d, i) => {
    for (const g of d.gold) {
      const missed = [...d.text.slice(g.start, g.end).matchAll(/[\p{L}\p{M}\p{N}]+/gu)].filter((m) => !preds[i].some((p) => p.start < g.start + m.index! + m[0].length && g.start + m.index! < p.end));
      if (missed.length) console.error(`MISS ${d.id} ${g.type}: ${JSON.stringify(d.text.slice(g.start, g.end))}`);
    }
    for (const p of preds[i]) if (!d.gold.some((g) => g.start < p.end && p.start < g.end)) console.error(`FP   ${d.id}: ${JSON.stringify(d.text.slice(p.start, p.end))}`);
  });
}

async function main(): Promise<void> {
  const notes = loadNotes();
  const md = [
    await evaluate('Therapy notes (test/fixtures/deid/therapy-notes.json)', notes, true),
    '',
    `Documents in which a word of the client's recorded name survives (with known identifiers): ${nameSurvivals(notes)}/${notes.filter((n) => n.known).length}.`,
    '',
    await evaluate('Presidio smoke set (generated_small.json, TITLE and NRP excluded)', loadSmoke(), false),
  ].join('\n');
  console.log(md);
  if (process.argv.includes('--write')) {
    const path = join(root, 'docs', 'deid.md');
    const doc = readFileSync(path, 'utf8');
    const out = doc.replace(/<!-- results:start -->[\s\S]*<!-- results:end -->/, `<!-- results:start -->\n${md}\n<!-- results:end -->`);
    writeFileSync(path, out);
  }
}

await main();
