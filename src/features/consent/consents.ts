import { invalidInput } from '../../core/errors.js';
import { type Channel, CHANNELS, channelRisk } from './channels.js';
import type { Audience } from './templates.js';

/** A consent is one decision by the client, tied to the exact wording they were shown. */
export const CONSENT_KINDS = ['records', 'supervision', 'channel', 'disclosure'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** What a disclosure consent lets us share: the same words the request triage uses for what is asked. */
export const DISCLOSURE_WHAT = ['confirm_client', 'attendance', 'report', 'records', 'discuss_case', 'psychotherapy_notes'] as const;
export type DisclosureWhat = (typeof DISCLOSURE_WHAT)[number];

export const WHAT_LABELS: Record<DisclosureWhat, string> = {
  confirm_client: 'confirmation that they are a client',
  attendance: 'dates of attendance',
  report: 'a written report',
  records: 'copies of records',
  discuss_case: 'a conversation about the work',
  psychotherapy_notes: 'process (psychotherapy) notes',
};

export type ConsentSource = 'in_person' | 'link' | 'practitioner';
export type ConsentState = 'active' | 'refused' | 'withdrawn' | 'expired' | 'superseded';

export interface ConsentRecord {
  id: string;
  kind: ConsentKind;
  channel: Channel | null;
  what: DisclosureWhat | null;
  recipient: string | null;
  purpose: string | null;
  given: boolean;
  expiresOn: string | null;
  source: ConsentSource;
  withoutCapacity: boolean;
  agreementId: string | null;
  versionId: string;
  documentHash: string;
  statementHash: string;
  recordedAt: string;
  recordedBy: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  /** How the client asked (in_person, phone, email, letter, portal) and on which day. */
  withdrawnVia: string | null;
  withdrawalAskedOn: string | null;
  state: ConsentState;
}

export interface StatementInput {
  kind: ConsentKind;
  practiceName: string;
  audience: Audience;
  channel?: Channel | null;
  what?: DisclosureWhat | null;
  recipient?: string | null;
  purpose?: string | null;
  expiresOn?: string | null;
}

/** The exact sentence the client agrees to (or declines); its hash is stored with the decision. */
export function statement(s: StatementInput): string {
  switch (s.kind) {
    case 'records':
      return `${s.practiceName} may keep records of our work as this agreement describes.`;
    case 'supervision':
      return `${s.practiceName} may discuss our work in supervision without using my name or details that would identify me.`;
    case 'channel':
      return `${s.practiceName} may contact me this way. ${channelRisk(s.channel as Channel, s.audience)}`;
    case 'disclosure':
      return `${s.practiceName} may share ${WHAT_LABELS[s.what as DisclosureWhat]} with ${s.recipient} for this purpose: ${s.purpose}. ${s.expiresOn ? `This permission ends on ${s.expiresOn}.` : 'This permission lasts until I withdraw it.'}`;
  }
}

export interface DisclosureInput {
  recipient: string;
  what: DisclosureWhat;
  purpose: string;
  expiresOn?: string | null;
}

export function checkDisclosure(d: Partial<DisclosureInput>, today: string): DisclosureInput {
  const recipient = (d.recipient ?? '').trim();
  if (!recipient || recipient.length > 300) throw invalidInput('recipient', 'Say who may receive the information (up to 300 characters).');
  if (!d.what || !DISCLOSURE_WHAT.includes(d.what)) throw invalidInput('what', `expected one of ${DISCLOSURE_WHAT.join(', ')}`);
  const purpose = (d.purpose ?? '').trim();
  if (!purpose || purpose.length > 1000) throw invalidInput('purpose', 'Say what the information is for (up to 1,000 characters).');
  const expiresOn = d.expiresOn ?? null;
  if (expiresOn !== null) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn) || new Date(expiresOn + 'T00:00:00Z').toISOString().slice(0, 10) !== expiresOn) throw invalidInput('expiresOn', 'The end date must be a real date written YYYY-MM-DD.');
    if (expiresOn < today) throw invalidInput('expiresOn', 'The end date is in the past.');
  }
  return { recipient, what: d.what, purpose, expiresOn };
}

export function checkChannel(c: string | undefined | null): Channel {
  if (!c || !CHANNELS.includes(c as Channel)) throw invalidInput('channel', `expected one of ${CHANNELS.join(', ')}`);
  return c as Channel;
}

/** The subject a later decision replaces: records, supervision and each channel have one current answer. */
export const subjectOf = (c: { kind: ConsentKind; channel: Channel | null; id: string }): string =>
  c.kind === 'disclosure' ? `disclosure:${c.id}` : c.kind === 'channel' ? `channel:${c.channel}` : c.kind;

/** Work out each record's state: newest decision per subject wins; withdrawal and expiry end a consent at once. */
export function withStates<T extends Omit<ConsentRecord, 'state'>>(rows: T[], today: string): (T & { state: ConsentState })[] {
  // Rows arrive in the order they were recorded, so the last one seen per subject is the newest.
  const newest = new Map<string, string>();
  for (const r of rows) newest.set(subjectOf(r), r.id);
  return rows.map((r) => {
    let state: ConsentState;
    if (r.withdrawnAt) state = 'withdrawn';
    else if (newest.get(subjectOf(r)) !== r.id) state = 'superseded';
    else if (!r.given) state = 'refused';
    else if (r.expiresOn && r.expiresOn < today) state = 'expired';
    else state = 'active';
    return { ...r, state };
  });
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Does a disclosure consent cover this request? Default minimum: the recipient and purpose must be
 * the ones the client named, and what is asked must be what they agreed to — except that a client
 * who agreed to anything being shared with someone has necessarily agreed to that person knowing
 * they are a client.
 */
export function disclosureCovers(c: { recipient: string | null; purpose: string | null; what: DisclosureWhat | null }, q: { recipient: string; purpose: string; what: DisclosureWhat }): boolean {
  if (!c.recipient || !c.purpose || !c.what) return false;
  if (norm(c.recipient) !== norm(q.recipient) || norm(c.purpose) !== norm(q.purpose)) return false;
  return c.what === q.what || q.what === 'confirm_client';
}
