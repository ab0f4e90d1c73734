/**
 * Disclosure triage engine — the public API.
 *
 *   triage(input: unknown, options?: TriageOptions): TriageOutput
 *     Validates `input` (throws AppError('invalid_input', message, field) on any unknown, missing
 *     or extra field or value), loads the jurisdiction's rule pack (cached; an invalid pack throws
 *     PackError naming the file and rule) and returns the decision. No I/O beyond reading the
 *     packs once, no clock, no randomness: the same input always gives the same output.
 *     options.consentLookup(input) → { consentId, summary } | null lets the consent feature say
 *     that a current specific consent covers the request; the result then carries
 *     `consentRecord` and is evaluated as if consent were given (unless the client has refused).
 *
 *   evaluatePack(input: TriageInput, pack: ResolvedPack, consentRecord?): TriageOutput
 *     The pure core, for callers that have already validated input and chosen a pack.
 *
 *   listRules(jurisdiction?): RuleListing[]   every rule with its citation, for docs and the CLI.
 *
 * How a decision is made (docs/triage.md has the long form):
 *   1. Every rule of the resolved pack is evaluated; fallback rules only when no other rule
 *      asserted a basis (default deny).
 *   2. The basis is the highest-precedence one asserted: required_by_law > subject_access >
 *      permitted > consent_needed > no_basis. So a legal obligation overrides a refusal, and a
 *      public-interest permission overrides a refusal.
 *   3. The recommendation comes from the highest-priority rule asserting that basis.
 *   4. Steps come from the rules that asserted the winning basis plus rules that assert no basis;
 *      then: an emergency removes take_time; any rule requiring the client not be told removes
 *      inform_client and discuss_with_client and adds do_not_inform_client; document_decision
 *      is always present; steps are de-duplicated and listed in the contract's order.
 *   5. One reason per fired rule, with `applied: false` for rules whose basis was outranked.
 */
import { evaluate } from './triage.conditions.js';
import { getPack, loadPacks, type PackRule, type ResolvedPack } from './triage.packs.js';
import { validateTriageInput } from './triage.validate.js';
import {
  BASES,
  STEPS,
  type Basis,
  type ConsentRecordRef,
  type Jurisdiction,
  type Recommendation,
  type Step,
  type TriageInput,
  type TriageOptions,
  type TriageOutput,
  type TriageReason,
} from './triage.js';

export type { TriageInput, TriageOutput, TriageOptions, TriageReason } from './triage.js';

export function triage(input: unknown, options: TriageOptions = {}): TriageOutput {
  const valid = validateTriageInput(input);
  const pack = getPack(valid.jurisdiction, options.packDir);
  const record = options.consentLookup?.(valid) ?? null;
  return evaluatePack(valid, pack, record);
}

type FiredRule = PackRule & { pack: string };

export function evaluatePack(
  input: TriageInput,
  pack: ResolvedPack,
  consentRecord: ConsentRecordRef | null = null,
): TriageOutput {
  // A specific consent on file counts as consent given, but never overrides a later refusal.
  const effective: TriageInput =
    consentRecord && (input.consent === 'not_sought' || input.consent === 'cannot_discuss')
      ? { ...input, consent: 'given' }
      : input;
  const matches = (r: FiredRule) => evaluate(r.when, effective, pack.conditions);
  let fired = pack.rules.filter((r) => !r.fallback && matches(r));
  if (!fired.some((r) => r.effect.basis)) fired = fired.concat(pack.rules.filter((r) => r.fallback && matches(r)));

  const basis = winningBasis(fired);
  const applied = fired.filter((r) => !r.effect.basis || r.effect.basis === basis);
  const mustNotInformClient = fired.some((r) => r.effect.mustNotInformClient === true);
  return {
    basis,
    recommendation: recommendationFor(fired, basis),
    mustNotInformClient,
    steps: combineSteps(applied, input.emergency, mustNotInformClient),
    reasons: reasonsFor(fired, basis, consentRecord),
    jurisdiction: pack.id as Jurisdiction,
    packVersion: pack.version,
    lastChecked: pack.lastChecked,
    consentRecord,
  };
}

function winningBasis(fired: FiredRule[]): Basis {
  const asserted = fired.flatMap((r) => (r.effect.basis ? [BASES.indexOf(r.effect.basis)] : []));
  // Default deny: with no rule asserting anything, there is no basis to disclose.
  return asserted.length ? BASES[Math.min(...asserted)] : 'no_basis';
}

function recommendationFor(fired: FiredRule[], basis: Basis): Recommendation {
  const top = byPriority(fired.filter((r) => r.effect.basis === basis))[0];
  return top?.effect.recommendation ?? 'decline';
}

function combineSteps(applied: FiredRule[], emergency: boolean, mustNotInform: boolean): Step[] {
  const steps = new Set<Step>();
  for (const r of applied) r.effect.addSteps?.forEach((s) => steps.add(s));
  for (const r of applied) r.effect.removeSteps?.forEach((s) => steps.delete(s));
  if (emergency) steps.delete('take_time');
  if (mustNotInform) {
    steps.delete('inform_client');
    steps.delete('discuss_with_client');
    steps.add('do_not_inform_client');
  }
  steps.add('document_decision');
  return STEPS.filter((s) => steps.has(s));
}

function reasonsFor(fired: FiredRule[], basis: Basis, record: ConsentRecordRef | null): TriageReason[] {
  const reasons: TriageReason[] = [];
  if (record) {
    reasons.push({
      rule: 'consent.on-record',
      text: `A current, specific consent on file covers this request: ${record.summary}`,
      source: `Consent record ${record.consentId}`,
      applied: true,
    });
  }
  const isApplied = (r: FiredRule) => !r.effect.basis || r.effect.basis === basis;
  const ordered = [...byPriority(fired.filter(isApplied)), ...byPriority(fired.filter((r) => !isApplied(r)))];
  for (const r of ordered) {
    reasons.push({
      rule: r.id,
      text: r.text,
      source: r.source,
      ...(r.effect.basis ? { basis: r.effect.basis } : {}),
      applied: isApplied(r),
      ...(r.unsettled ? { unsettled: true } : {}),
    });
  }
  return reasons;
}

/** Stable: equal priorities keep pack order. */
function byPriority(rules: FiredRule[]): FiredRule[] {
  return [...rules].sort((a, b) => b.priority - a.priority);
}

export interface RuleListing {
  jurisdiction: string;
  id: string;
  pack: string;
  priority: number;
  basis: Basis | null;
  recommendation: Recommendation | null;
  mustNotInformClient: boolean;
  unsettled: boolean;
  text: string;
  source: string;
  lastChecked: string;
}

export function listRules(jurisdiction?: Jurisdiction, packDir?: string): RuleListing[] {
  const packs = jurisdiction ? [getPack(jurisdiction, packDir)] : [...loadPacks(packDir).values()];
  return packs.flatMap((p) =>
    p.rules.map((r) => ({
      jurisdiction: p.id,
      id: r.id,
      pack: r.pack,
      priority: r.priority,
      basis: r.effect.basis ?? null,
      recommendation: r.effect.recommendation ?? null,
      mustNotInformClient: r.effect.mustNotInformClient === true,
      unsettled: r.unsettled === true,
      text: r.text,
      source: r.source,
      lastChecked: p.lastChecked,
    })),
  );
}
