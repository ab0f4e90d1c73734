/**
 * The risk assessment and what it obliges. Pure: the person assessing writes the reasoning; the
 * software suggests an outcome from the ratings and says which notifications then follow.
 *
 * UK GDPR: the regulator is told unless the breach is unlikely to result in a risk to people's
 * rights and freedoms (Art. 33(1)); the people affected are told when the risk is high (Art. 34(1)).
 * HIPAA: an impermissible use or disclosure is presumed a breach unless a documented assessment of
 * four factors shows a low probability that the information was compromised (45 CFR §164.402(2));
 * then individuals (§164.404), the media for large breaches (§164.406 says more than 500
 * residents of a state; the deadline engine's 500-or-more line is used, erring towards telling) and the Secretary of HHS (§164.408) are told.
 */
import { invalidInput } from '../../core/errors.js';
import { HIPAA_LARGE_BREACH } from '../deadlines/deadlines.js';
import type { Audience, BreachRegime } from './breaches.js';
import { checkEnum } from './breaches.js';

export const LIKELIHOODS = ['remote', 'possible', 'likely'] as const;
export const SEVERITIES = ['minimal', 'significant', 'severe'] as const;
export const UK_OUTCOMES = ['unlikely', 'risk', 'high_risk'] as const;
export const HIPAA_OUTCOMES = ['low_probability', 'breach'] as const;
export const FACTOR_LEVELS = ['low', 'medium', 'high'] as const;

/** §164.402(2)(i)–(iv), in the order the rule lists them. */
export const HIPAA_FACTORS = {
  nature_extent: 'The nature and extent of the information involved, including the kinds of identifiers and how likely re-identification is',
  unauthorised_person: 'Who used the information or received it without permission',
  acquired_viewed: 'Whether the information was actually acquired or viewed',
  mitigation: 'How far the risk to the information has been reduced',
} as const;
export type HipaaFactor = keyof typeof HIPAA_FACTORS;

export interface AssessmentInput {
  likelihood: string;
  severity: string;
  outcome?: string;
  factors?: Record<string, string> | null;
  reasoning: string;
}

/** Likelihood × severity, each 1–3: 1 is unlikely to harm; 6 or more is high risk. */
export function suggestOutcome(regime: BreachRegime, likelihood: string, severity: string, factors?: Record<string, string> | null): string {
  const l = LIKELIHOODS.indexOf(likelihood as (typeof LIKELIHOODS)[number]) + 1;
  const s = SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]) + 1;
  if (regime === 'hipaa') {
    // Low probability of compromise only when every factor points low: the presumption is a breach.
    const all = Object.keys(HIPAA_FACTORS).map((k) => factors?.[k]);
    return all.every((v) => v === 'low') ? 'low_probability' : 'breach';
  }
  const score = l * s;
  return score <= 1 ? 'unlikely' : score >= 6 ? 'high_risk' : 'risk';
}

export function checkAssessment(regime: BreachRegime, input: AssessmentInput): Required<AssessmentInput> {
  const likelihood = checkEnum(input.likelihood, LIKELIHOODS, 'likelihood');
  const severity = checkEnum(input.severity, SEVERITIES, 'severity');
  let factors: Record<string, string> | null = null;
  if (regime === 'hipaa') {
    factors = {};
    for (const k of Object.keys(HIPAA_FACTORS)) factors[k] = checkEnum(input.factors?.[k], FACTOR_LEVELS, `factors.${k}`);
  }
  const outcomes: readonly string[] = regime === 'hipaa' ? HIPAA_OUTCOMES : UK_OUTCOMES;
  const outcome = input.outcome === undefined ? suggestOutcome(regime, likelihood, severity, factors) : checkEnum(input.outcome, outcomes, 'outcome');
  const reasoning = typeof input.reasoning === 'string' ? input.reasoning.trim() : '';
  if (reasoning.length < 20) throw invalidInput('reasoning', 'Write down the reasoning behind the assessment (at least a sentence).');
  return { likelihood, severity, outcome, factors, reasoning };
}

/** Who must be told, given the outcome (null: not yet assessed, so assume the regulator must be). */
export function requiredAudiences(regime: BreachRegime, outcome: string | null, affected: number): Audience[] {
  if (regime === 'uk-gdpr') {
    if (outcome === 'unlikely') return [];
    return outcome === 'high_risk' ? ['regulator', 'individual'] : ['regulator'];
  }
  if (outcome === 'low_probability') return [];
  return affected >= HIPAA_LARGE_BREACH ? ['individual', 'hhs', 'media'] : ['individual', 'hhs'];
}
