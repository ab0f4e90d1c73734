/**
 * The request register: the rights a client can exercise, which regime's clock applies, and the
 * rules on verification, extension and fees. Pure: dates in, decisions out.
 */
import { invalidInput } from '../../core/errors.js';
import { type UkJurisdiction, isUkJurisdiction } from '../deadlines/bank-holidays.js';
import { type CivilDate, isCivilDate } from '../deadlines/civil-date.js';
import { type SarRegime, hipaaAccountingDeadline, sarDeadline } from '../deadlines/deadlines.js';

export const RIGHTS = ['access', 'erasure', 'rectification', 'portability', 'restriction', 'objection'] as const;
export type RightKind = (typeof RIGHTS)[number];

export const REQUEST_STATUSES = ['awaiting_verification', 'in_progress', 'completed', 'refused', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const OPEN_STATUSES: readonly RequestStatus[] = ['awaiting_verification', 'in_progress'];

export const VERIFICATION_METHODS = ['known_to_practitioner', 'portal_account', 'photo_id', 'security_questions', 'in_person', 'other'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** A fee only where the law allows one, always with its ground. */
export const FEE_REASONS: Record<SarRegime, readonly string[]> = {
  'uk-gdpr': ['manifestly_unfounded_or_excessive', 'further_copies'],
  hipaa: ['cost_based_copying'],
};

export const PROCESS_NOTE_CHOICES = ['default', 'include', 'exclude'] as const;
export type ProcessNoteChoice = (typeof PROCESS_NOTE_CHOICES)[number];

export interface SarRequest {
  id: string;
  caseCode: string;
  clientId: string;
  right: RightKind;
  regime: SarRegime;
  jurisdiction: string;
  receivedOn: CivilDate;
  clockStartOn: CivilDate;
  dueOn: CivilDate;
  extendedDueOn: CivilDate;
  extended: boolean;
  extensionToldOn: CivilDate | null;
  extensionReason: string | null;
  /** The date that counts now: the extended one once an extension is recorded. */
  currentDueOn: CivilDate;
  status: RequestStatus;
  verification: { method: VerificationMethod; on: CivilDate; by: string; note: string | null } | null;
  feeCents: number;
  feeReason: string | null;
  message: { text: string; cues: string[] } | null;
  detected: { right: string; confidence: number } | null;
  processNotes: ProcessNoteChoice;
  exemption: string | null;
  outcome: RightOutcome | null;
  delivery: { channel: string; on: CivilDate } | null;
  createdAt: string;
  closedAt: string | null;
}

/** What was decided on a right other than access, and what it changes. */
export interface RightOutcome {
  decision: string;
  reasons: string;
  effect: string;
  retainUntil?: string | null;
  complaintRoute?: string;
}

export function regimeFor(jurisdiction: string): SarRegime {
  if (jurisdiction.startsWith('GB-')) return 'uk-gdpr';
  if (jurisdiction.startsWith('US-')) return 'hipaa';
  throw invalidInput('jurisdiction', 'Subject access is supported for GB-* and US-* practices.');
}

/**
 * The statutory clock for a right. UK GDPR: one month for every right (Art. 12(3)). HIPAA:
 * access 30 + 30 days (§164.524(b)(2)); amendment 60 + 30 days (§164.526(b)(2), the same periods
 * as an accounting, so that clock is reused); other requests have no federal clock, so the access
 * period is kept as the practice's own target.
 */
export function deadlineFor(right: RightKind, regime: SarRegime, jurisdiction: string, clockStartOn: CivilDate): { due: CivilDate; extendedDue: CivilDate } {
  if (regime === 'uk-gdpr') {
    const j: UkJurisdiction = isUkJurisdiction(jurisdiction) ? jurisdiction : 'GB-ENG';
    return sarDeadline({ regime, received: clockStartOn, jurisdiction: j });
  }
  if (right === 'rectification') return hipaaAccountingDeadline({ received: clockStartOn });
  return sarDeadline({ regime, received: clockStartOn });
}

export function checkDate(v: unknown, field: string): CivilDate {
  if (!isCivilDate(v)) throw invalidInput(field, 'expected a real date written YYYY-MM-DD');
  return v;
}

export function checkRight(v: unknown): RightKind {
  if (!RIGHTS.includes(v as RightKind)) throw invalidInput('right', `expected one of ${RIGHTS.join(', ')}`);
  return v as RightKind;
}

/** The extension must be one, with reasons, and the client told within the first period. */
export function checkExtension(r: SarRequest, reason: string, toldOn: CivilDate): void {
  if (r.extended) throw invalidInput('extension', 'This request has already been extended once.');
  if (!reason.trim()) throw invalidInput('reason', 'Give the reasons for the extension: the client is told them.');
  checkDate(toldOn, 'toldOn');
  if (toldOn < r.receivedOn) throw invalidInput('toldOn', 'The client cannot have been told before the request arrived.');
  if (toldOn > r.dueOn) {
    throw invalidInput('toldOn', r.regime === 'uk-gdpr'
      ? 'Under UK GDPR the client must be told of an extension within the first month.'
      : 'Under HIPAA the written notice of the extension must be given within the first 30 days.');
  }
}

export function checkFee(regime: SarRegime, cents: number, reason: string | null | undefined): void {
  if (!Number.isInteger(cents) || cents < 0) throw invalidInput('feeCents', 'A fee is a whole number of pence or cents, zero or more.');
  if (cents === 0) return;
  if (!reason || !FEE_REASONS[regime].includes(reason)) {
    throw invalidInput('feeReason', `No fee by default; a fee needs one of: ${FEE_REASONS[regime].join(', ')}`);
  }
}

/** Process notes: in the UK they are part of the record unless an exemption is recorded; HIPAA's right of access excludes psychotherapy notes unless the practitioner chooses to give them. */
export function includeProcessNotes(regime: SarRegime, choice: ProcessNoteChoice, exemption: string | null): boolean {
  if (regime === 'uk-gdpr') return !(choice === 'exclude' && exemption);
  return choice === 'include';
}
