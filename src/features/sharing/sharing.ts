import { invalidInput } from '../../core/errors.js';
import { ENTITY_TYPES } from '../deid/deid.js';

/**
 * What a span can be. The engine's identifier types, plus two the practitioner may add by hand
 * for details that identify without a name (a rare job, a distinctive event or condition).
 */
export const SPAN_TYPES = [...ENTITY_TYPES, 'OCCUPATION', 'DETAIL'] as const;
export type SpanType = (typeof SPAN_TYPES)[number];

export type Decision = 'pending' | 'accepted' | 'rejected';
export const DECISIONS = ['accepted', 'rejected'] as const;

/** One proposed or added change over a part's original text (end exclusive). */
export interface ReviewSpan {
  id: string;
  part: number;
  start: number;
  end: number;
  type: SpanType;
  replacement: string;
  origin: 'engine' | 'added';
  decision: Decision;
}

/** A piece of source material: one note, or the practitioner's written summary. */
export interface PartRef {
  key: string; // note id, or 'summary'
  label: string; // "Note 1", "Summary": nothing from the record itself
  sourceMac: string; // keyed digest of the text the offsets refer to
}

export const RECIPIENT_KINDS = ['supervisor', 'peer_group', 'training', 'research', 'publication'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_LABELS: Record<RecipientKind, string> = {
  supervisor: 'Clinical supervision',
  peer_group: 'Peer consultation group',
  training: 'Training',
  research: 'Research',
  publication: 'Publication',
};

export const FORMS = ['text', 'pdf'] as const;
export type ShareForm = (typeof FORMS)[number];

export const CONSENT_ANSWERS = ['yes', 'no', 'not_needed'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

export const MAX_SUMMARY_CHARS = 20_000;
export const MAX_NOTES = 20;

export function checkText(v: unknown, field: string, max: number, what: string): string {
  if (typeof v !== 'string' || !v.trim()) throw invalidInput(field, `Give ${what}.`);
  if (v.length > max) throw invalidInput(field, `${what[0].toUpperCase()}${what.slice(1)} may hold at most ${max} characters.`);
  return v.trim();
}

export function checkEnum<T extends string>(v: unknown, values: readonly T[], field: string): T {
  if (!values.includes(v as T)) throw invalidInput(field, `expected one of ${values.join(', ')}`);
  return v as T;
}

/** Spans replaced in the shared text, by type: the only summary of the changes kept in plain. */
export function countsByType(spans: ReviewSpan[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of spans) if (s.decision === 'accepted') out[s.type] = (out[s.type] ?? 0) + 1;
  return out;
}

export const pendingOf = (spans: ReviewSpan[]) => spans.filter((s) => s.decision === 'pending').length;
