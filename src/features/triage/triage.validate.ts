import { invalidInput } from '../../core/errors.js';
import {
  ASKS,
  AUTHORITIES,
  CLIENT_STATUSES,
  CONCERNS,
  CONSENTS,
  JURISDICTIONS,
  REQUESTERS,
  type Concern,
  type TriageClient,
  type TriageInput,
} from './triage.js';

/**
 * Validate raw (parsed JSON) input against the triage contract. Strict on purpose: a typo in a
 * field name must not silently become "no concerns" or "no authority".
 * Throws AppError('invalid_input', message, field).
 */
export function validateTriageInput(raw: unknown): TriageInput {
  const obj = asObject(raw, '(input)');
  exactKeys(obj, TOP_KEYS, '');
  const client = asObject(obj.client, 'client');
  exactKeys(client, CLIENT_KEYS, 'client.');
  return {
    jurisdiction: oneOf(obj.jurisdiction, JURISDICTIONS, 'jurisdiction'),
    requester: oneOf(obj.requester, REQUESTERS, 'requester'),
    asks: oneOf(obj.asks, ASKS, 'asks'),
    authority: oneOf(obj.authority, AUTHORITIES, 'authority'),
    client: validateClient(client),
    concerns: validateConcerns(obj.concerns),
    emergency: bool(obj.emergency, 'emergency'),
    consent: oneOf(obj.consent, CONSENTS, 'consent'),
  };
}

const TOP_KEYS = ['jurisdiction', 'requester', 'asks', 'authority', 'client', 'concerns', 'emergency', 'consent'];
const CLIENT_KEYS = ['status', 'age', 'competent', 'hasCapacity'];

function validateClient(c: Record<string, unknown>): TriageClient {
  const age = c.age;
  if (age !== null && !(typeof age === 'number' && Number.isInteger(age) && age >= 0 && age <= 130)) {
    throw invalidInput('client.age', 'expected whole years from 0 to 130, or null');
  }
  return {
    status: oneOf(c.status, CLIENT_STATUSES, 'client.status'),
    age: age as number | null,
    competent: boolOrNull(c.competent, 'client.competent'),
    hasCapacity: boolOrNull(c.hasCapacity, 'client.hasCapacity'),
  };
}

function validateConcerns(v: unknown): Concern[] {
  if (!Array.isArray(v)) throw invalidInput('concerns', `expected an array of any of ${CONCERNS.join(', ')}`);
  const out: Concern[] = [];
  v.forEach((item, i) => {
    const c = oneOf(item, CONCERNS, `concerns[${i}]`);
    if (!out.includes(c)) out.push(c);
  });
  return out;
}

function asObject(v: unknown, field: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw invalidInput(field, 'expected a JSON object');
  }
  return v as Record<string, unknown>;
}

function exactKeys(obj: Record<string, unknown>, allowed: string[], prefix: string): void {
  for (const k of allowed) {
    if (!(k in obj)) throw invalidInput(prefix + k, 'is required');
  }
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) {
      throw invalidInput(prefix + k, `is not a known field (expected only ${allowed.join(', ')})`);
    }
  }
}

function oneOf<T extends string>(v: unknown, values: readonly T[], field: string): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    throw invalidInput(field, `expected one of ${values.join(', ')}`);
  }
  return v as T;
}

function bool(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') throw invalidInput(field, 'expected true or false');
  return v;
}

function boolOrNull(v: unknown, field: string): boolean | null {
  if (v !== null && typeof v !== 'boolean') throw invalidInput(field, 'expected true, false or null');
  return v;
}
