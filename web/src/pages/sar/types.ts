/** Shapes returned by the subject access API (src/features/sar). */
import type { ResponseOf } from '../../api/contract.js';
import { civilDate } from '../../format.js';

export type Detection = ResponseOf<'/api/sar/detect', 'post'>;

export type SarRequest = ResponseOf<'/api/sar/requests/{id}', 'get'>;

export type RetentionView = ResponseOf<'/api/sar/requests/{id}/retention', 'get'>;

export type RequestSummary = ResponseOf<'/api/sar/requests', 'get'>[number];

export type Deadlines = ResponseOf<'/api/dashboard/deadlines', 'get'>;

export type ReviewSource = ResponseOf<'/api/sar/requests/{id}/redactions', 'get'>['sources'][number];
export type Redaction = ReviewSource['redactions'][number];

export type ExportStatus = ResponseOf<'/api/sar/exports/{id}', 'get'>;

export const RIGHT_LABELS: Record<string, string> = {
  access: 'Subject access', erasure: 'Erasure', rectification: 'Rectification', portability: 'Portability', restriction: 'Restriction', objection: 'Objection', none: 'No right detected',
};

export const KIND_LABELS: Record<string, string> = {
  third_party_name: 'Another person’s name', third_party_words: 'Another person’s words', third_party_confidence: 'Given in confidence',
  other_person: 'Person named', staff_name: 'Staff name', exemption: 'Exemption',
};

export const STATUS_LABELS: Record<string, string> = {
  awaiting_verification: 'Awaiting identity check', in_progress: 'In progress', completed: 'Completed', refused: 'Refused', withdrawn: 'Withdrawn',
};

/** A label map as select options, in its own order. */
export const choicesOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** A civil date in the practice's one date format (the same as its PDFs). */
export function longDate(d: string): string {
  return civilDate(d);
}

export function dueWords(daysLeft: number): string {
  if (daysLeft < 0) return `${-daysLeft} ${daysLeft === -1 ? 'day' : 'days'} overdue`;
  if (daysLeft === 0) return 'due today';
  return `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left`;
}
