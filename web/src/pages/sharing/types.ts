/** Shapes of the sharing API (kept in step with src/features/sharing/sharing.routes.ts). */
export const SPAN_TYPES = ['PERSON', 'LOCATION', 'ADDRESS', 'POSTCODE', 'DATE', 'AGE', 'PHONE', 'EMAIL', 'URL', 'IP', 'ID', 'ORGANISATION', 'OCCUPATION', 'DETAIL'] as const;
export type SpanType = (typeof SPAN_TYPES)[number];

export const TYPE_LABELS: Record<SpanType, string> = {
  PERSON: 'Person', LOCATION: 'Place', ADDRESS: 'Address', POSTCODE: 'Postcode', DATE: 'Date', AGE: 'Age', PHONE: 'Phone', EMAIL: 'Email',
  URL: 'Web address', IP: 'IP address', ID: 'Identifier', ORGANISATION: 'Organisation', OCCUPATION: 'Occupation', DETAIL: 'Other detail',
};

export type Decision = 'pending' | 'accepted' | 'rejected';

export interface ReviewSpan {
  id: string;
  part: number;
  start: number;
  end: number;
  type: SpanType;
  replacement: string;
  origin: 'engine' | 'added';
  decision: Decision;
  text: string;
}

export interface DraftPart {
  index: number;
  key: string;
  label: string;
  original: string;
  output: string;
  spans: ReviewSpan[];
}

export interface ResidualFlag {
  part: number;
  start: number;
  end: number;
  sentence: string;
  reasons: string[];
}

export interface Draft {
  id: string;
  clientId: string;
  caseCode: string;
  status: 'review' | 'shared';
  surrogates: boolean;
  createdAt: string;
  parts: DraftPart[];
  pending: number;
  counts: Record<string, number>;
  flags: ResidualFlag[];
  questions: { id: string; text: string }[];
  consent: { lookup: string; consentId: string | null; recordedAt: string | null };
}

export const RECIPIENT_KINDS = [
  { id: 'supervisor', label: 'Clinical supervision' },
  { id: 'peer_group', label: 'Peer consultation group' },
  { id: 'training', label: 'Training' },
  { id: 'research', label: 'Research' },
  { id: 'publication', label: 'Publication' },
] as const;

export interface SharingRecord {
  id: string;
  draftId: string;
  clientId: string;
  caseCode: string;
  recipientKind: string;
  recipientKindLabel: string;
  recipient: string;
  purpose: string;
  form: 'text' | 'pdf';
  counts: Record<string, number>;
  consent: { answer: 'yes' | 'no' | 'not_needed'; consentId: string | null; lookup: string; reason: string | null };
  residual: Record<string, string>;
  sharedBy: string;
  sharedAt: string;
  text?: string;
}

export interface SharedMaterial {
  records: SharingRecord[];
  drafts: { id: string; createdAt: string; updatedAt: string; parts: number; changes: number; pending: number }[];
}

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
