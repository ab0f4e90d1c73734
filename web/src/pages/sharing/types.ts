/** Shapes of the sharing API (src/features/sharing/sharing.routes.ts), from the server's OpenAPI document. */
import type { ResponseOf } from '../../api/contract.js';

export const SPAN_TYPES = ['PERSON', 'LOCATION', 'ADDRESS', 'POSTCODE', 'DATE', 'AGE', 'PHONE', 'EMAIL', 'URL', 'IP', 'ID', 'ORGANISATION', 'OCCUPATION', 'DETAIL'] as const;
/** The server's span types; the list above orders them for the form, and the labels must cover every one. */
export type SpanType = ReviewSpan['type'];

export const TYPE_LABELS: Record<SpanType, string> = {
  PERSON: 'Person', LOCATION: 'Place', ADDRESS: 'Address', POSTCODE: 'Postcode', DATE: 'Date', AGE: 'Age', PHONE: 'Phone', EMAIL: 'Email',
  URL: 'Web address', IP: 'IP address', ID: 'Identifier', ORGANISATION: 'Organisation', OCCUPATION: 'Occupation', DETAIL: 'Other detail',
};

export type Draft = ResponseOf<'/api/sharing/drafts/{id}', 'get'>;
export type ReviewSpan = Draft['parts'][number]['spans'][number];

export const RECIPIENT_KINDS = [
  { id: 'supervisor', label: 'Clinical supervision' },
  { id: 'peer_group', label: 'Peer consultation group' },
  { id: 'training', label: 'Training' },
  { id: 'research', label: 'Research' },
  { id: 'publication', label: 'Publication' },
] as const;

export type SharedMaterial = ResponseOf<'/api/clients/{id}/shared-material', 'get'>;
/** A record with the text exactly as shared (as it is answered when shared and when opened). */
export type SharingRecord = ResponseOf<'/api/sharing/records/{id}', 'get'>;

export const CONSENT_LABELS: Record<string, string> = { yes: 'Yes, the client consented', no: 'No', not_needed: 'Not needed' };
export const LOOKUP_LABELS: Record<string, string> = {
  consented: 'The client has agreed to their work being discussed in supervision without identifying details.',
  refused: 'The client declined supervision discussion of their work.',
  withdrawn: 'The client withdrew consent to supervision discussion of their work.',
  expired: 'The client’s supervision consent has expired.',
  without_capacity: 'The supervision consent on record was given without capacity.',
  not_asked: 'No supervision consent is recorded for this client.',
  unavailable: 'Consent records are not available here: record the answer yourself.',
};
export const RESIDUAL_LABELS: Record<string, string> = { absent: 'Not present', generalised: 'Present, made general', kept: 'Present, kept (judged safe)' };

export const countsText = (counts: Record<string, number>): string =>
  Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${n} ${plural((TYPE_LABELS[t as SpanType] ?? t).toLowerCase(), n)}`).join(', ') || 'none';

const plural = (w: string, n: number) => (n === 1 ? w : w === 'person' ? 'people' : w.endsWith('s') ? `${w}es` : `${w}s`);
