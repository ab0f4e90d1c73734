/**
 * Requests for information: the domain vocabulary and input checks. The triage codes come from
 * the triage engine so the register, the engine and the CLI speak the same words.
 */
import { invalidInput } from '../../core/errors.js';
import { isCivilDate } from '../deadlines/civil-date.js';
import {
  ASKS, AUTHORITIES, CONCERNS, CONSENTS, REQUESTERS,
  type Ask, type Authority, type Basis, type Concern, type Consent, type Recommendation, type Requester, type Step, type TriageOutput,
} from '../triage/triage.js';

export const REQUEST_STATUSES = ['open', 'awaiting_consent', 'awaiting_advice', 'decided', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** Statuses a practitioner may set by hand; `decided` comes only from sign-off. */
export const SETTABLE_STATUSES = ['open', 'awaiting_consent', 'awaiting_advice', 'closed'] as const;

export interface RequesterParticulars {
  name: string;
  organisation: string;
  role: string;
  /** How their identity and standing were checked (e.g. "called the switchboard back"). */
  verifiedHow: string;
}

/** What the register holds about a request, decrypted. */
export interface RequestDetails {
  /** What they asked for, in the practitioner's words. */
  asked: string;
  concerns: Concern[];
  /** Extra facts the practitioner supplies for triage where the record holds none. */
  competent: boolean | null;
  hasCapacity: boolean | null;
  notes: string;
}

export interface RequestSummary {
  id: string;
  requesterType: Requester;
  organisation: string;
  asks: Ask;
  authority: Authority;
  receivedOn: string;
  dueOn: string | null;
  status: RequestStatus;
  basis: Basis;
  recommendation: Recommendation;
  linked: boolean;
  clientId: string | null;
  caseCode: string | null;
  restricted: boolean;
  emergency: boolean;
  /** The signed-off decision went against the triage advice (acknowledged, with reasons). */
  contraryToAdvice: boolean;
}

export interface StoredTriage extends TriageOutput {
  /** When this result was computed, and the consent value it assumed. */
  at: string;
  consent: Consent;
}

export interface NewRequest {
  requesterType: string;
  requester: Partial<RequesterParticulars>;
  asks: string;
  asked: string;
  authority: string;
  receivedOn?: string;
  dueOn?: string | null;
  clientId?: string | null;
  concerns?: string[];
  emergency?: boolean;
  consent?: string;
  competent?: boolean | null;
  hasCapacity?: boolean | null;
  notes?: string;
}

const MAX_TEXT = 20_000;

export function checkText(value: unknown, field: string, opts: { required?: boolean; max?: number } = {}): string {
  if (value === undefined || value === null) {
    if (opts.required) throw invalidInput(field, 'This is required.');
    return '';
  }
  if (typeof value !== 'string') throw invalidInput(field, 'expected text');
  const v = value.trim();
  if (opts.required && !v) throw invalidInput(field, 'This is required.');
  const max = opts.max ?? MAX_TEXT;
  if (v.length > max) throw invalidInput(field, `at most ${max} characters`);
  return v;
}

export function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw invalidInput(field, `expected one of ${allowed.join(', ')}`);
  return value as T;
}

export function checkDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isCivilDate(value)) throw invalidInput(field, 'expected a real date written YYYY-MM-DD');
  return value;
}

export interface CheckedRequest {
  requesterType: Requester;
  requester: RequesterParticulars;
  asks: Ask;
  authority: Authority;
  receivedOn: string;
  dueOn: string | null;
  clientId: string | null;
  emergency: boolean;
  consent: Consent;
  details: RequestDetails;
}

export function checkNewRequest(input: NewRequest, today: string): CheckedRequest {
  const receivedOn = input.receivedOn ? checkDate(input.receivedOn, 'receivedOn') : today;
  if (receivedOn > today) throw invalidInput('receivedOn', 'The date received is in the future.');
  const dueOn = input.dueOn ? checkDate(input.dueOn, 'dueOn') : null;
  if (dueOn && dueOn < receivedOn) throw invalidInput('dueOn', 'The due date is before the date received.');
  const concerns = (input.concerns ?? []).map((c, i) => checkOneOf(c, CONCERNS, `concerns[${i}]`));
  const r = input.requester ?? {};
  return {
    requesterType: checkOneOf(input.requesterType, REQUESTERS, 'requesterType'),
    requester: {
      name: checkText(r.name, 'requester.name', { max: 200 }),
      organisation: checkText(r.organisation, 'requester.organisation', { max: 200 }),
      role: checkText(r.role, 'requester.role', { max: 200 }),
      verifiedHow: checkText(r.verifiedHow, 'requester.verifiedHow', { max: 2000 }),
    },
    asks: checkOneOf(input.asks, ASKS, 'asks'),
    authority: checkOneOf(input.authority, AUTHORITIES, 'authority'),
    receivedOn,
    dueOn,
    clientId: input.clientId ? checkText(input.clientId, 'clientId', { max: 100 }) : null,
    emergency: input.emergency === true,
    consent: input.consent === undefined ? 'not_sought' : checkOneOf(input.consent, CONSENTS, 'consent'),
    details: {
      asked: checkText(input.asked, 'asked', { required: true }),
      concerns: [...new Set(concerns)],
      competent: optionalBool(input.competent, 'competent'),
      hasCapacity: optionalBool(input.hasCapacity, 'hasCapacity'),
      notes: checkText(input.notes, 'notes'),
    },
  };
}

function optionalBool(v: unknown, field: string): boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'boolean') throw invalidInput(field, 'expected true, false or null');
  return v;
}

/** Where a freshly triaged request sits in the register. */
export function statusAfterTriage(t: { recommendation: Recommendation }, consent: Consent): RequestStatus {
  if (t.recommendation === 'seek_consent' && consent === 'not_sought') return 'awaiting_consent';
  return 'open';
}

export type { Ask, Authority, Basis, Concern, Consent, Recommendation, Requester, Step };
