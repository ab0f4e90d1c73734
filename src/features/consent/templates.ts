import { invalidInput } from '../../core/errors.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { JURISDICTIONS, type Jurisdiction } from '../practice/practice.js';
import { CHANNELS, type Channel, channelRisk } from './channels.js';

/** Agreement templates: one family per jurisdiction, setting and audience; versions never change once published. */
export const SETTINGS = ['private', 'organisation', 'school', 'couple_family'] as const;
export type Setting = (typeof SETTINGS)[number];
export const AUDIENCES = ['adult', 'young'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const SETTING_LABELS: Record<Setting, string> = {
  private: 'Private practice',
  organisation: 'Organisation or multi-disciplinary team',
  school: 'School or college',
  couple_family: 'Couple and family work',
};

export interface TemplateVersion {
  id: string;
  templateKey: string;
  jurisdiction: Jurisdiction;
  setting: Setting;
  audience: Audience;
  version: number;
  title: string;
  body: string;
  contentHash: string;
  status: 'draft' | 'published';
  source: 'builtin' | 'practice';
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
}

/** The values a practice fills into a template for one client. */
export interface AgreementFields {
  practiceName: string;
  supervisorArrangement: string;
  channels: Channel[];
  retentionPeriod: string;
}

export const FIELD_NAMES = ['practiceName', 'supervisorArrangement', 'channels', 'retentionPeriod'] as const;

export const templateKey = (j: string, s: string, a: string): string => `${j}/${s}/${a}`;

export function parseTemplateKey(key: string): { jurisdiction: Jurisdiction; setting: Setting; audience: Audience } {
  const [j, s, a, extra] = key.split('/');
  if (extra !== undefined || !JURISDICTIONS.includes(j as Jurisdiction)) throw invalidInput('templateKey', `expected JURISDICTION/setting/audience with a jurisdiction of ${JURISDICTIONS.join(', ')}`);
  if (!SETTINGS.includes(s as Setting)) throw invalidInput('templateKey', `setting: expected one of ${SETTINGS.join(', ')}`);
  if (!AUDIENCES.includes(a as Audience)) throw invalidInput('templateKey', `audience: expected one of ${AUDIENCES.join(', ')}`);
  return { jurisdiction: j as Jurisdiction, setting: s as Setting, audience: a as Audience };
}

/** The hash of exactly these bytes (UTF-8): what publishing records and what a signature binds to. */
export const contentHash = (text: string): string => sha256Hex(Buffer.from(text, 'utf8'));

export function checkTemplateText(title: string, body: string): void {
  if (!title.trim() || title.length > 200) throw invalidInput('title', 'Give the version a title of up to 200 characters.');
  if (!body.trim()) throw invalidInput('body', 'The agreement text is empty.');
  if (body.length > 100_000) throw invalidInput('body', 'The agreement text is longer than 100,000 characters.');
  if (!/limits of confidentiality/i.test(body)) {
    throw invalidInput('body', 'An agreement must include a section headed "The limits of confidentiality": clients need to hear about them before they need them.');
  }
  const unknown = [...body.matchAll(/\{\{\s*([A-Za-z]+)\s*\}\}/g)].map((m) => m[1]).filter((f) => !(FIELD_NAMES as readonly string[]).includes(f));
  if (unknown.length) throw invalidInput('body', `Unknown field {{${unknown[0]}}}; the fields are ${FIELD_NAMES.map((f) => `{{${f}}}`).join(', ')}.`);
}

export function checkFields(f: Partial<AgreementFields>): AgreementFields {
  const practiceName = (f.practiceName ?? '').trim();
  if (!practiceName || practiceName.length > 200) throw invalidInput('fields.practiceName', 'Give the practice name (up to 200 characters).');
  const supervisorArrangement = (f.supervisorArrangement ?? '').trim();
  if (!supervisorArrangement || supervisorArrangement.length > 2000) throw invalidInput('fields.supervisorArrangement', 'Describe the supervision arrangement (up to 2,000 characters).');
  const retentionPeriod = (f.retentionPeriod ?? '').trim();
  if (!retentionPeriod || retentionPeriod.length > 500) throw invalidInput('fields.retentionPeriod', 'State how long records are kept (up to 500 characters).');
  const channels = [...new Set(f.channels ?? [])];
  for (const c of channels) if (!CHANNELS.includes(c)) throw invalidInput('fields.channels', `expected channels from ${CHANNELS.join(', ')}`);
  return { practiceName, supervisorArrangement, channels: CHANNELS.filter((c) => channels.includes(c)), retentionPeriod };
}

/** The offered channels as the client reads them: each with its risks, in a fixed order. */
export function channelsText(channels: Channel[], audience: Audience): string {
  if (channels.length === 0) return 'We will only be in touch in person, at our sessions.';
  return channels.map((c) => `- ${channelRisk(c, audience)}`).join('\n');
}

/** Fill a template's fields. Deterministic, so the same version and fields give the same bytes. */
export function fillTemplate(body: string, fields: AgreementFields, audience: Audience): string {
  const values: Record<string, string> = {
    practiceName: fields.practiceName,
    supervisorArrangement: fields.supervisorArrangement,
    channels: channelsText(fields.channels, audience),
    retentionPeriod: fields.retentionPeriod,
  };
  return body.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_m, name: string) => values[name] ?? '');
}

/** The heading and text of the limits-of-confidentiality section, for the PDF and the signing page. */
export function limitsSection(text: string): string | null {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^#{1,3}\s.*limits of confidentiality/i.test(l));
  if (start < 0) return null;
  const level = (lines[start].match(/^#+/) ?? ['##'])[0].length;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const m = lines[i].match(/^(#+)\s/);
    if (m && m[1].length <= level) {
      end = i;
      break;
    }
  }
  return lines.slice(start, end).join('\n').trim();
}
