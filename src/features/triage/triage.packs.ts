import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import AjvModule, { type ErrorObject } from 'ajv';
import { packageRoot } from '../../core/paths.js';
import { checkCondition, type Condition } from './triage.conditions.js';
import type { Basis, Jurisdiction, Recommendation, Step } from './triage.js';

/** One rule as written in a pack file (see rules/triage/pack.schema.json). */
export interface PackRule {
  id: string;
  priority: number;
  when: Condition;
  fallback?: boolean;
  replaces?: string[];
  unsettled?: boolean;
  effect: {
    basis?: Basis;
    recommendation?: Recommendation;
    addSteps?: Step[];
    removeSteps?: Step[];
    mustNotInformClient?: boolean;
  };
  text: string;
  source: string;
}

interface PackFile {
  id: string;
  title: string;
  version: string;
  lastChecked: string;
  selectable: boolean;
  extends?: string;
  notes?: string;
  conditions?: Record<string, Condition>;
  rules: PackRule[];
}

/** A pack with its `extends` chain applied: what the engine evaluates. */
export interface ResolvedPack {
  id: string;
  title: string;
  /** e.g. "US-CA 2026.11.1 + US-HIPAA 2026.11.1" */
  version: string;
  lastChecked: string;
  /** Pack ids, most specific first. */
  chain: string[];
  conditions: Record<string, Condition>;
  /** Each with the pack that defined it. */
  rules: Array<PackRule & { pack: string }>;
}

/** A broken rule pack: a deployment fault, never the user's input. */
export class PackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackError';
  }
}

export function defaultPackDir(): string {
  return join(packageRoot(), 'rules', 'triage');
}

const cache = new Map<string, Map<string, ResolvedPack>>();

/** Load, validate and resolve every pack in the directory; cached per directory. */
export function loadPacks(dir = defaultPackDir()): Map<string, ResolvedPack> {
  const hit = cache.get(dir);
  if (hit) return hit;
  const files = readPackFiles(dir);
  const resolved = new Map<string, ResolvedPack>();
  for (const [id, { pack }] of files) {
    if (pack.selectable) resolved.set(id, resolve(id, files));
  }
  cache.set(dir, resolved);
  return resolved;
}

export function getPack(jurisdiction: Jurisdiction, dir?: string): ResolvedPack {
  const pack = loadPacks(dir).get(jurisdiction);
  if (!pack) throw new PackError(`no selectable rule pack for jurisdiction ${jurisdiction}`);
  return pack;
}

/** For tests that write packs to a temporary directory. */
export function clearPackCache(): void {
  cache.clear();
}

function readPackFiles(dir: string): Map<string, { pack: PackFile; file: string }> {
  const validate = compileSchema(dir);
  const out = new Map<string, { pack: PackFile; file: string }>();
  const names = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'pack.schema.json').sort();
  for (const name of names) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (e) {
      throw new PackError(`rule pack ${name}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
    }
    if (!validate(data)) throw new PackError(describeSchemaError(name, data, validate.errors ?? []));
    const pack = data as PackFile;
    if (`${pack.id}.json` !== name) throw new PackError(`rule pack ${name}: id "${pack.id}" must match the file name`);
    checkSemantics(name, pack);
    out.set(pack.id, { pack, file: name });
  }
  return out;
}

// ajv ships CommonJS; under NodeNext the constructor sits on .default.
type AjvCtor = typeof AjvModule.default;
const Ajv = ((AjvModule as unknown as { default?: AjvCtor }).default ?? AjvModule) as AjvCtor;

function compileSchema(dir: string) {
  const schema = JSON.parse(readFileSync(join(dir, 'pack.schema.json'), 'utf8'));
  return new Ajv({ allErrors: false, strict: false }).compile(schema);
}

function describeSchemaError(file: string, data: unknown, errors: ErrorObject[]): string {
  // oneOf failures report every branch; the deepest path is the most useful one to show.
  const err = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  const m = /^\/rules\/(\d+)(.*)$/.exec(err?.instancePath ?? '');
  const rules = (data as { rules?: Array<{ id?: unknown }> })?.rules;
  const where = m ? ` rule "${String(rules?.[Number(m[1])]?.id ?? `#${m[1]}`)}"${m[2] ? ` at ${m[2]}` : ''}` : ` at ${err?.instancePath || '/'}`;
  return `rule pack ${file}:${where}: ${err?.message ?? 'does not match pack.schema.json'}`;
}

function checkSemantics(file: string, pack: PackFile): void {
  const names = pack.conditions ?? {};
  const seen = new Set<string>();
  for (const [name, cond] of Object.entries(names)) {
    const p = checkCondition(cond, names);
    if (p) throw new PackError(`rule pack ${file}: named condition "${name}": ${p}`);
  }
  for (const rule of pack.rules) {
    const fail = (msg: string) => new PackError(`rule pack ${file}: rule "${rule.id}": ${msg}`);
    if (seen.has(rule.id)) throw fail('duplicate rule id');
    seen.add(rule.id);
    if (rule.unsettled && !rule.effect.addSteps?.includes('legal_advice')) {
      throw fail('an unsettled rule must add the legal_advice step');
    }
    if (rule.fallback && !rule.effect.basis) throw fail('a fallback rule must assert a basis');
    // Named conditions may come from a parent pack; those are checked again after resolving.
    const p = checkCondition(rule.when, new Proxy(names, { has: () => true }));
    if (p) throw fail(p);
  }
}

function resolve(id: string, files: Map<string, { pack: PackFile; file: string }>): ResolvedPack {
  const chain: PackFile[] = [];
  for (let cur: string | undefined = id; cur; ) {
    const entry = files.get(cur);
    if (!entry) throw new PackError(`rule pack ${chain.at(-1)?.id}.json: extends unknown pack "${cur}"`);
    if (chain.some((p) => p.id === cur)) throw new PackError(`rule pack ${id}.json: extends cycle through "${cur}"`);
    chain.push(entry.pack);
    cur = entry.pack.extends;
  }
  const conditions: Record<string, Condition> = {};
  let rules: Array<PackRule & { pack: string }> = [];
  for (const pack of [...chain].reverse()) {
    Object.assign(conditions, pack.conditions ?? {});
    for (const rule of pack.rules) {
      const replaced = new Set([rule.id, ...(rule.replaces ?? [])]);
      for (const r of rule.replaces ?? []) {
        if (!rules.some((x) => x.id === r)) {
          throw new PackError(`rule pack ${pack.id}.json: rule "${rule.id}": replaces unknown rule "${r}"`);
        }
      }
      const at = rules.findIndex((x) => x.id === rule.id);
      const next = { ...rule, pack: pack.id };
      rules = rules.filter((x) => !replaced.has(x.id) || x.id === rule.id);
      if (at >= 0) rules[rules.findIndex((x) => x.id === rule.id)] = next;
      else rules.push(next);
    }
  }
  for (const rule of rules) {
    const p = checkCondition(rule.when, conditions);
    if (p) throw new PackError(`rule pack ${rule.pack}.json: rule "${rule.id}": ${p}`);
  }
  return {
    id,
    title: chain[0].title,
    version: chain.map((p) => `${p.id} ${p.version}`).join(' + '),
    lastChecked: chain.map((p) => p.lastChecked).sort()[0],
    chain: chain.map((p) => p.id),
    conditions,
    rules,
  };
}
