import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../core/paths.js';
import { DESCRIBED_ACTIONS, describeAction, describeAuditEntry, hasDescription } from './audit.describe.js';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));

/** The string and template literals in one expression, cut at its first top-level comma. */
function literalsIn(src: string, from: number): string[] {
  const out: string[] = [];
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const ch = src[i];
    if (ch === "'" || ch === '`') {
      const end = src.indexOf(ch, i + 1);
      out.push(src.slice(i + 1, end));
      i = end;
    } else if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === ')' || ch === '}' || ch === ']') {
      if (depth-- === 0) break;
    } else if (ch === ',' && depth === 0) break;
  }
  return out;
}

/** Every audit action code written in src/: `action: …` properties and the helpers that take an action argument. */
function actionsInSource(): string[] {
  const found = new Set<string>();
  for (const f of files(join(packageRoot(), 'src'))) {
    const src = readFileSync(f, 'utf8');
    if (!/appendAudit|recordAudit|recordRead/.test(src)) continue;
    for (const m of src.matchAll(/\baction:\s*/g)) for (const l of literalsIn(src, (m.index ?? 0) + m[0].length)) found.add(l);
    // Helpers such as change(ctx, principal, id, 'sar.verify', …) and manage(ctx, …, 'user.disable', …).
    const helpers = [...src.matchAll(/function (\w+)(?:<[^>]*>)?\([^)]*\baction: string/g)].map((m) => m[1]);
    for (const h of helpers) for (const m of src.matchAll(new RegExp(`\\b${h}\\(ctx\\b([^;{]*?)(['\`])([a-z_]+\\.[^'\`]+)\\2`, 'g'))) found.add(m[3]);
  }
  // Only codes (a.b), not the consent warnings' own `action: 'sign'` hints.
  const WILD = /\$\{(?:[^{}]|\{[^}]*\})*\}/g;
  return [...found].filter((a) => /^[a-z_]+\.[a-z_.${}]/.test(a) && !a.replace(WILD, '').includes(' '));
}

describe('plain-English audit descriptions', () => {
  it('finds the actions in the source (the scan itself works)', () => {
    const found = actionsInSource();
    expect(found).toEqual(expect.arrayContaining(['record.open', 'request.restrict', 'request.restriction.lift', 'case.close', 'user.disable', 'sar.verify', 'sar.${status}', "sar.${row.right}_${status === 'completed' ? 'done' : 'refused'}"]));
  });

  it('describes every action code written anywhere in src', () => {
    const missing: string[] = [];
    for (const code of actionsInSource()) {
      if (code.includes('${')) {
        // A code built at run time: some described code must fit its shape.
        const shape = new RegExp(`^${code.replace(/\$\{(?:[^{}]|\{[^}]*\})*\}/g, '@').replace(/\./g, '\\.').replace(/@/g, '[a-z_]+')}$`);
        if (!DESCRIBED_ACTIONS.some((d) => shape.test(d))) missing.push(code);
      } else if (!hasDescription(code)) missing.push(code);
    }
    expect(missing).toEqual([]);
  });

  it('reads as words, with the purpose and a refusal spelled out', () => {
    expect(describeAction('client.create')).toBe('Created the record');
    expect(describeAuditEntry({ action: 'record.open', purpose: 'care', outcome: 'ok' })).toBe('Opened the record (to provide care)');
    expect(describeAuditEntry({ action: 'record.open', purpose: null, outcome: 'denied' })).toBe('Opened the record — refused');
    expect(describeAction('brand_new.thing')).toBe('Brand new thing');
    for (const d of DESCRIBED_ACTIONS) expect(describeAction(d)).not.toMatch(/[._]/);
  });
});
