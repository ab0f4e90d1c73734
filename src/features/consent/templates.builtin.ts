import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../core/paths.js';
import { JURISDICTIONS, type Jurisdiction } from '../practice/practice.js';
import { AUDIENCES, type Audience, SETTINGS, SETTING_LABELS, type Setting, templateKey } from './templates.js';

/**
 * The built-in agreements, read from rules/agreements at run time. Each is composed from shared
 * parts (common text, the setting, the jurisdiction's limits and rights), so a legal change is
 * made once, and the practice fields stay as {{placeholders}} until an agreement is prepared.
 */
interface Meta {
  lawLastChecked: string;
  jurisdictions: Record<Jurisdiction, { name: string; limits: string; rights: string; retention: Record<Audience, string> }>;
  supervision: Record<Audience, string>;
}

export interface BuiltinTemplate {
  key: string;
  jurisdiction: Jurisdiction;
  setting: Setting;
  audience: Audience;
  title: string;
  body: string;
}

const dir = () => join(packageRoot(), 'rules', 'agreements');
const part = (path: string) => readFileSync(join(dir(), path), 'utf8').trim();
const suffix = (a: Audience) => (a === 'young' ? '.young' : '');

let meta: Meta | undefined;
export function agreementMeta(): Meta {
  meta ??= JSON.parse(readFileSync(join(dir(), 'meta.json'), 'utf8')) as Meta;
  return meta;
}

export function composeBuiltin(jurisdiction: Jurisdiction, setting: Setting, audience: Audience): BuiltinTemplate {
  const m = agreementMeta().jurisdictions[jurisdiction];
  const parts: Record<string, string> = {
    setting: part(`settings/${setting}${suffix(audience)}.md`),
    limits: part(`limits/${m.limits}${suffix(audience)}.md`),
    rights: part(`rights/${m.rights}${suffix(audience)}.md`),
  };
  const body = part(`common/${audience}.md`).replace(/\{\{>\s*(\w+)\s*\}\}/g, (_x, name: string) => parts[name] ?? '') + '\n';
  const kind = audience === 'young' ? "Young person's agreement" : 'Confidentiality agreement';
  return { key: templateKey(jurisdiction, setting, audience), jurisdiction, setting, audience, title: `${kind} — ${m.name}, ${SETTING_LABELS[setting].toLowerCase()}`, body };
}

let all: BuiltinTemplate[] | undefined;
export function builtinTemplates(): BuiltinTemplate[] {
  all ??= JURISDICTIONS.flatMap((j) => SETTINGS.flatMap((s) => AUDIENCES.map((a) => composeBuiltin(j, s, a))));
  return all;
}

/** Sensible starting values for the fields, which the practitioner can change per client. */
export function defaultFields(jurisdiction: Jurisdiction, audience: Audience): { supervisorArrangement: string; retentionPeriod: string } {
  const m = agreementMeta();
  const r = m.jurisdictions[jurisdiction].retention[audience];
  return { supervisorArrangement: m.supervision[audience], retentionPeriod: r.charAt(0).toUpperCase() + r.slice(1) };
}
