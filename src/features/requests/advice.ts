/**
 * Deciding against the advice. Triage says what the law allows or requires; a practitioner may
 * still decide otherwise, but only deliberately: the sign-off must acknowledge that the decision
 * is contrary to the advice and say why, and the register marks it for a clinical lead's review.
 */
import { invalidInput } from '../../core/errors.js';
import type { Basis, Consent } from '../triage/triage.js';
import { DISCLOSING_OUTCOMES, type Outcome } from './workflow.js';

export const CONTRARY_KINDS = ['disclose_without_basis', 'disclose_without_consent', 'decline_when_required'] as const;
export type ContraryKind = (typeof CONTRARY_KINDS)[number];

/** Plain words for each way a decision can go against the advice (shown on screen and in errors). */
export const CONTRARY_WORDS: Record<ContraryKind, string> = {
  disclose_without_basis: 'The advice was that there is no basis to disclose, and this decision discloses.',
  disclose_without_consent: 'The advice was that disclosure needs the client’s consent, which has not been given, and this decision discloses.',
  decline_when_required: 'The advice was that the law requires disclosure, and this decision declines.',
};

/** How (if at all) an outcome goes against the triage basis, given the client's answer on consent. */
export function contraryToAdvice(outcome: Outcome, basis: Basis, consent: Consent): ContraryKind | null {
  const discloses = DISCLOSING_OUTCOMES.includes(outcome);
  if (discloses && basis === 'no_basis') return 'disclose_without_basis';
  if (discloses && basis === 'consent_needed' && consent !== 'given') return 'disclose_without_consent';
  if (outcome === 'decline' && basis === 'required_by_law') return 'decline_when_required';
  return null;
}

/** What the sign-off records when it goes against the advice: part of the signed decision. */
export interface ContraryRecord {
  kind: ContraryKind;
  basis: Basis;
  reasons: string;
}

export interface SignOffInput {
  contraryToAdvice?: boolean;
  contraryReasons?: string;
}

/** Refuse a contrary sign-off without the explicit acknowledgement and reasons. */
export function checkAcknowledgement(kind: ContraryKind | null, basis: Basis, input: SignOffInput): ContraryRecord | null {
  if (!kind) return null;
  if (input.contraryToAdvice !== true) {
    throw invalidInput('contraryToAdvice', `${CONTRARY_WORDS[kind]} Confirm that you are deciding contrary to the advice, and give your reasons, before signing off.`);
  }
  const reasons = typeof input.contraryReasons === 'string' ? input.contraryReasons.trim() : '';
  if (!reasons) throw invalidInput('contraryReasons', 'Give your reasons for deciding contrary to the advice.');
  if (reasons.length > 20_000) throw invalidInput('contraryReasons', 'The reasons are too long (at most 20,000 characters).');
  return { kind, basis, reasons };
}
