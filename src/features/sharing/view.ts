import type { SupervisionConsent } from './consent-seam.js';
import type { Loaded } from './drafts.service.js';
import { type ResidualFlag, RESIDUAL_QUESTIONS, flagSentences } from './residual.js';
import { type ReviewSpan, countsByType, pendingOf } from './sharing.js';

/** What the review screen shows: each part's original and anonymised text, and every change. */
export interface DraftView {
  id: string;
  clientId: string;
  caseCode: string;
  status: 'review' | 'shared';
  surrogates: boolean;
  createdAt: string;
  updatedAt: string;
  parts: Array<{ index: number; key: string; label: string; original: string; output: string; spans: Array<ReviewSpan & { text: string }> }>;
  pending: number;
  counts: Record<string, number>;
  flags: ResidualFlag[];
  questions: typeof RESIDUAL_QUESTIONS;
  consent: SupervisionConsent;
}

export function viewOf(d: Omit<Loaded, 'row'> & { row: Loaded['row'] }, consent: SupervisionConsent): DraftView {
  return {
    id: d.row.id,
    clientId: d.c.clientId,
    caseCode: d.c.caseCode,
    status: d.row.status as DraftView['status'],
    surrogates: d.row.surrogates === 1,
    createdAt: d.row.created_at,
    updatedAt: d.row.updated_at,
    parts: d.parts.map((p, index) => ({
      index, key: p.key, label: p.label, original: d.texts[index] ?? '', output: d.outputs[index] ?? '',
      spans: d.spans.filter((s) => s.part === index).sort((a, b) => a.start - b.start).map((s) => ({ ...s, text: (d.texts[index] ?? '').slice(s.start, s.end) })),
    })),
    pending: pendingOf(d.spans),
    counts: countsByType(d.spans),
    flags: flagSentences(d.outputs),
    questions: RESIDUAL_QUESTIONS,
    consent,
  };
}
