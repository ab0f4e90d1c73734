/**
 * Breach register: the vocabulary and the checks on what a person types in. Pure.
 */
import { invalidInput } from '../../core/errors.js';

export const BREACH_KINDS = ['lost_device', 'misdirected_message', 'unauthorised_access', 'ransomware', 'paper', 'other'] as const;
export type BreachKind = (typeof BREACH_KINDS)[number];

/** What kind of information was caught up in it (no content: the categories only). */
export const DATA_CATEGORIES = ['identity', 'contact_details', 'date_of_birth', 'session_dates', 'progress_notes', 'process_notes', 'documents', 'health_information', 'safeguarding_information'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Who is affected: named clients, or a rule the register resolves ("everything on that laptop"). */
export const SCOPES = ['manual', 'practitioner', 'open_cases', 'all_cases'] as const;
export type ScopeKind = (typeof SCOPES)[number];

export type BreachRegime = 'uk-gdpr' | 'hipaa';
export const regimeFor = (jurisdiction: string): BreachRegime => (jurisdiction.startsWith('US-') ? 'hipaa' : 'uk-gdpr');

export const AUDIENCES = ['regulator', 'individual', 'hhs', 'media'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const CHANNELS = ['post', 'email', 'phone', 'sms', 'in_person', 'portal', 'online_form'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ContainmentStep {
  id: string;
  at: string;
  text: string;
  recordedBy: string;
}

export interface NotificationRecord {
  id: string;
  audience: Audience;
  clientId: string | null;
  caseCode: string | null;
  decision: 'sent' | 'not_notified';
  sentOn: string | null;
  channel: string | null;
  reason: string | null;
  recordedBy: string;
  createdAt: string;
}

export interface Assessment {
  likelihood: string;
  severity: string;
  outcome: string;
  factors: Record<string, string> | null;
  reasoning: string;
  assessedAt: string;
  assessedBy: string;
}

export interface BreachSummary {
  id: string;
  reference: string;
  regime: BreachRegime;
  kind: BreachKind;
  occurredAt: string;
  discoveredAt: string;
  affectedCount: number;
  status: 'open' | 'closed';
  outcome: string | null;
  createdAt: string;
  closedAt: string | null;
}

export interface Breach extends BreachSummary {
  summary: string;
  reportedBy: string;
  categories: DataCategory[];
  scope: string;
  auditSeq: number | null;
  affected: { clientId: string; caseCode: string }[];
  containment: ContainmentStep[];
  assessment: Assessment | null;
  notifications: NotificationRecord[];
}

export function checkText(value: unknown, field: string, max = 20_000): string {
  const s = typeof value === 'string' ? value.trim() : '';
  if (!s) throw invalidInput(field, `${field} is required.`);
  if (s.length > max) throw invalidInput(field, `${field} is longer than ${max} characters.`);
  return s;
}

export function checkEnum<T extends string>(value: unknown, values: readonly T[], field: string): T {
  if (typeof value !== 'string' || !values.includes(value as T)) throw invalidInput(field, `expected one of ${values.join(', ')}`);
  return value as T;
}

export function checkCategories(value: unknown): DataCategory[] {
  if (!Array.isArray(value) || value.length === 0) throw invalidInput('categories', 'Name at least one category of data.');
  return [...new Set(value.map((v) => checkEnum(v, DATA_CATEGORIES, 'categories')))];
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;
export function checkInstant(value: unknown, field: string, notAfter?: string): string {
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalidInput(field, 'expected a UTC timestamp such as 2026-05-01T09:00:00Z');
  }
  const iso = new Date(value).toISOString();
  if (iso.slice(0, 16) !== value.slice(0, 16)) throw invalidInput(field, 'that date does not exist');
  if (notAfter && iso > notAfter) throw invalidInput(field, 'that time is in the future');
  return iso;
}
