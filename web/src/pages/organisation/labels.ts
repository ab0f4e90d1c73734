/** Words for the organisation pages; the codes come from src/features/organisation and src/features/staff. */
import type { ResponseOf } from '../../api/contract.js';

export type Review = ResponseOf<'/api/access-reviews', 'get'>[number];
export type EmergencyAccess = ResponseOf<'/api/break-glass', 'get'>[number];
export type Relationship = ResponseOf<'/api/cover', 'get'>[number];

export const CATEGORY_CHOICES = [
  { value: 'risk_to_life', label: 'Risk to life or of serious harm', hint: 'The client or someone else may come to serious harm unless someone acts now.' },
  { value: 'safeguarding', label: 'Safeguarding concern', hint: 'A child or adult at risk, and the record is needed to act.' },
  { value: 'continuity_of_care', label: 'Continuity of care', hint: 'The treating practitioner is unavailable and the client needs care that cannot wait.' },
  { value: 'legal_duty', label: 'A legal duty with a deadline', hint: 'A court order or statutory notice that must be answered before the practitioner is back.' },
  { value: 'other', label: 'Another reason', hint: 'Say what it is below.' },
] as const;

export const HOURS = [1, 2, 4, 8, 12, 24].map((h) => ({ value: String(h), label: h === 1 ? '1 hour' : `${h} hours` }));

export const REVIEW_KIND_WORDS: Record<Review['kind'], string> = {
  break_glass: 'Emergency access to a record',
  contrary_to_advice: 'A decision signed off against the advice',
  self_role_grant: 'Gave themselves a role',
  self_reassign: 'Took a client on themselves',
};

export const VERDICT_WORDS: Record<string, string> = {
  appropriate: 'Appropriate',
  inappropriate: 'Not appropriate',
  acknowledged: 'Reviewed',
};

/** "3 h 20 min left", or "Ended". */
export function timeLeft(expiresAt: string, now: number): string {
  const ms = new Date(expiresAt).getTime() - now;
  if (ms <= 0) return 'Ended';
  const mins = Math.ceil(ms / 60_000);
  const h = Math.floor(mins / 60);
  const m = mins % 60;
  return h > 0 ? `${h} h ${m} min left` : `${m} min left`;
}
