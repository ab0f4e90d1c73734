import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluatePack } from './triage.engine.js';
import { PackError, clearPackCache, defaultPackDir, loadPacks } from './triage.packs.js';
import { SCENARIOS, request } from './triage.scenarios.js';
import { JURISDICTIONS, type Jurisdiction } from './triage.js';

const packs = loadPacks();

describe('rule packs', () => {
  it('provides a validated pack for every jurisdiction', () => {
    expect([...packs.keys()].sort()).toEqual([...JURISDICTIONS].sort());
    for (const pack of packs.values()) expect(pack.lastChecked).toBe('2026-11-21');
  });

  for (const j of JURISDICTIONS) {
    describe(j, () => {
      const pack = packs.get(j)!;
      for (const rule of pack.rules) {
        it(`${rule.id} has a citation and fires on its scenario`, () => {
          expect(rule.source.trim().length).toBeGreaterThan(5);
          expect(rule.text.trim().length).toBeGreaterThan(20);
          const mine = SCENARIOS.filter((s) => s.rule === rule.id && (!s.only || s.only.includes(j as Jurisdiction)));
          expect(mine.length, `rule ${rule.id} in ${j} has no scenario in triage.scenarios.ts`).toBeGreaterThan(0);
          for (const s of mine) {
            const out = evaluatePack(request(j, s.input), pack);
            const reason = out.reasons.find((r) => r.rule === rule.id);
            expect(reason, `${rule.id} did not fire in ${j} for ${JSON.stringify(s.input)}`).toBeDefined();
            expect(reason!.source).toBe(rule.source);
            if (s.expectBasis) expect(out.basis).toBe(s.expectBasis);
            expect(out.steps).toContain('document_decision');
          }
        });
      }
    });
  }

  it('has no scenario for a rule that exists in no pack', () => {
    const ids = new Set([...packs.values()].flatMap((p) => p.rules.map((r) => r.id)));
    expect(SCENARIOS.map((s) => s.rule).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('state packs layer on the federal pack and UK nations on the GB base', () => {
    expect(packs.get('US-CA')!.chain).toEqual(['US-CA', 'US-HIPAA']);
    expect(packs.get('GB-ENG')!.chain).toEqual(['GB-ENG', 'GB-EW', 'GB']);
    expect(packs.get('GB-SCT')!.chain).toEqual(['GB-SCT', 'GB']);
    // Replaced federal rules are gone, overridden GB rules keep their id with the nation's source.
    expect(packs.get('US-TX')!.rules.some((r) => r.id === 'us.risk.serious-threat')).toBe(false);
    expect(packs.get('GB-SCT')!.rules.find((r) => r.id === 'gb.police.no-court-order')!.pack).toBe('GB-SCT');
  });

  it('docs/triage.md lists every rule id', () => {
    const doc = readFileSync(join(defaultPackDir(), '..', '..', 'docs', 'triage.md'), 'utf8');
    const ids = new Set([...packs.values()].flatMap((p) => p.rules.map((r) => r.id)));
    expect([...ids].filter((id) => !doc.includes('`' + id + '`'))).toEqual([]);
  });

  it('marks unsettled law and always adds legal advice there', () => {
    const unsettled = [...packs.values()].flatMap((p) => p.rules.filter((r) => r.unsettled));
    expect(unsettled.length).toBeGreaterThan(0);
    for (const r of unsettled) expect(r.effect.addSteps).toContain('legal_advice');
  });
});

describe('invalid packs are refused at load with the file and rule named', () => {
  let dir = '';
  afterEach(() => {
    clearPackCache();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function brokenPack(edit: (pack: { rules: Array<Record<string, unknown>> } & Record<string, unknown>) => void) {
    dir = mkdtempSync(join(tmpdir(), 'sanctum-packs-'));
    cpSync(defaultPackDir(), dir, { recursive: true });
    const file = join(dir, 'US-TX.json');
    const pack = JSON.parse(readFileSync(file, 'utf8'));
    edit(pack);
    writeFileSync(file, JSON.stringify(pack));
    return () => loadPacks(dir);
  }

  it('rejects a schema violation', () => {
    const load = brokenPack((p) => ((p.rules[0].effect as Record<string, unknown>).basis = 'maybe'));
    expect(load).toThrow(PackError);
    expect(load).toThrow(/US-TX\.json: rule "tx\.child-abuse\.48-hours"/);
  });

  it('rejects a rule without a citation', () => {
    const load = brokenPack((p) => delete p.rules[1].source);
    expect(load).toThrow(/US-TX\.json: rule "tx\.adult-abuse\.report".*source/);
  });

  it('rejects a value the field cannot take', () => {
    const load = brokenPack((p) => (p.rules[2].when = { field: 'requester', equals: 'polce' }));
    expect(load).toThrow(/US-TX\.json: rule "tx\.risk\.imminent-injury": value "polce" is not valid for field "requester"/);
  });

  it('rejects an unknown named condition, an unknown replaced rule and unsettled law without legal advice', () => {
    expect(brokenPack((p) => (p.rules[0].when = { ref: 'nope' }))).toThrow(/unknown named condition "nope"/);
    clearPackCache();
    expect(brokenPack((p) => (p.rules[0].replaces = ['us.no-such-rule']))).toThrow(/replaces unknown rule/);
    clearPackCache();
    expect(brokenPack((p) => (p.rules[0].unsettled = true))).toThrow(/must add the legal_advice step/);
  });

  it('rejects a duplicate rule id and an unknown parent pack', () => {
    expect(brokenPack((p) => (p.rules[1].id = p.rules[0].id))).toThrow(/duplicate rule id/);
    clearPackCache();
    expect(brokenPack((p) => (p.extends = 'US-ZZ'))).toThrow(/extends unknown pack "US-ZZ"/);
  });
});
