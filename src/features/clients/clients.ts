import { invalidInput } from '../../core/errors.js';

/** Everything identifying about a client. Stored only inside clients.identity_enc. */
export interface ClientIdentity {
  name: string;
  dob?: string;
  email?: string;
  phone?: string;
  address?: string;
  gp?: string;
  emergencyContact?: string;
  pronouns?: string;
}

export interface ClientRecord {
  id: string;
  caseCode: string;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  practitionerId: string | null;
  identity: ClientIdentity;
  /** How the reader reaches this record: their own client, cover, or emergency access (read-only, until a time). */
  access: { kind: 'treating' | 'cover' | 'break_glass' | 'operator'; until: string | null };
}

export interface ClientSummary {
  id: string;
  caseCode: string;
  name: string;
  status: 'open' | 'closed';
  openedAt: string;
  /** Set when the client is here because this person covers for their practitioner (that practitioner's id). */
  coverFor: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validate and normalise identity fields; the first problem is reported with its field. */
export function normaliseIdentity(input: Partial<ClientIdentity>, today: string): ClientIdentity {
  const name = (input.name ?? '').trim();
  if (!name) throw invalidInput('name', 'A client needs a name.');
  if (name.length > 200) throw invalidInput('name', 'The name is longer than 200 characters.');
  const out: ClientIdentity = { name };
  if (input.dob) {
    if (!DATE.test(input.dob) || Number.isNaN(Date.parse(input.dob + 'T00:00:00Z')) || new Date(input.dob + 'T00:00:00Z').toISOString().slice(0, 10) !== input.dob) {
      throw invalidInput('dob', 'Date of birth must be a real date written YYYY-MM-DD.');
    }
    if (input.dob > today) throw invalidInput('dob', 'Date of birth is in the future.');
    out.dob = input.dob;
  }
  if (input.email) {
    if (!EMAIL.test(input.email.trim())) throw invalidInput('email', 'That does not look like an email address.');
    out.email = input.email.trim();
  }
  if (input.phone) {
    if (!/^[+()\d\s.-]{6,25}$/.test(input.phone.trim())) throw invalidInput('phone', 'A phone number may hold digits, spaces, +, (, ), - and . only.');
    out.phone = input.phone.trim();
  }
  for (const k of ['address', 'gp', 'emergencyContact', 'pronouns'] as const) {
    const v = input[k]?.trim();
    if (v) {
      if (v.length > 500) throw invalidInput(k, `${k} is longer than 500 characters.`);
      out[k] = v;
    }
  }
  return out;
}
