/**
 * npm run bench [-- name…]: runs every bench/*.bench.ts (or the named ones), prints progress, and
 * writes the sections into docs/benchmarks.md (sections not run this time are kept from before).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/core/paths.js';

const root = packageRoot();
const benchDir = join(root, 'bench');
const docPath = join(root, 'docs', 'benchmarks.md');
const wanted = process.argv.slice(2);
const files = readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts')).sort().filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)));

const START = '<!-- bench:';
const sections = new Map<string, string>();
if (existsSync(docPath)) {
  for (const part of readFileSync(docPath, 'utf8').split(START).slice(1)) {
    const name = part.slice(0, part.indexOf(' -->'));
    sections.set(name, START + part.trimEnd());
  }
}

for (const f of files) {
  const name = f.replace('.bench.ts', '');
  process.stderr.write(`\n▶ ${name}\n`);
  const mod = (await import(pathToFileURL(join(benchDir, f)).href)) as { run: (p: (m: string) => void) => Promise<string> };
  const started = Date.now();
  const md = await mod.run((m) => process.stderr.write(`  ${m}\n`));
  process.stderr.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  sections.set(name, `${START}${name} -->\n${md.trim()}\n\n_Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC._`);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
const header = `# Benchmarks\n\nMeasured by \`npm run bench\` on ${machine}. Timings are never asserted in tests; this file is the record.\nEach section says how it was measured.\n\n`;
writeFileSync(docPath, header + [...sections.values()].join('\n\n') + '\n');
process.stderr.write(`\nWrote ${docPath}\n`);
