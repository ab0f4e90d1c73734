/**
 * The guided decision: a checklist drawn from the triage steps, each step recorded with who did
 * what and when; the decision with the factors weighed and the reasons; sign-off, after which the
 * record is fixed and corrections are appended.
 */
import { invalidInput } from '../../core/errors.js';
import { STEPS, type Step } from '../triage/triage.js';
import { checkDate, checkOneOf, checkText } from './requests.js';
import type { ContraryRecord } from './advice.js';

export const OUTCOMES = ['decline', 'disclose_in_full', 'disclose_in_part', 'provide_report'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const DISCLOSING_OUTCOMES: readonly Outcome[] = ['disclose_in_full', 'disclose_in_part', 'provide_report'];

export const STEP_STATES = ['done', 'not_needed'] as const;
export type StepState = (typeof STEP_STATES)[number];
export const CLIENT_ANSWERS = ['given', 'refused', 'cannot_discuss'] as const;

/** What a step's record may hold; which fields a step needs is in REQUIRED below. */
export interface StepRecord {
  date: string | null;
  /** Supervisor's name, or who verified the requester. */
  name: string;
  /** The advice given (supervisor, legal adviser). */
  advice: string;
  /** Where legal advice came from (the insurer's helpline, a solicitor…). */
  source: string;
  /** What happened: the client's response, how the requester was verified. */
  outcome: string;
  /** For the client discussion: their answer on consent. */
  consent: (typeof CLIENT_ANSWERS)[number] | null;
  /** For the capacity step: whether they can decide for themselves now. */
  capable: boolean | null;
  note: string;
}

export interface StepInput extends Partial<StepRecord> {
  step: string;
  state?: string;
}

const REQUIRED: Partial<Record<Step, (keyof StepRecord)[]>> = {
  consult_supervisor: ['name', 'date', 'advice'],
  legal_advice: ['source', 'advice'],
  discuss_with_client: ['date', 'outcome'],
  assess_capacity: ['date', 'capable'],
  verify_requester: ['outcome'],
};

export function checkStep(input: StepInput): { step: Step; state: StepState; record: StepRecord } {
  const step = checkOneOf(input.step, STEPS, 'step');
  const state = input.state === undefined ? 'done' : checkOneOf(input.state, STEP_STATES, 'state');
  const record: StepRecord = {
    date: input.date ? checkDate(input.date, 'date') : null,
    name: checkText(input.name, 'name', { max: 200 }),
    advice: checkText(input.advice, 'advice'),
    source: checkText(input.source, 'source', { max: 500 }),
    outcome: checkText(input.outcome, 'outcome'),
    consent: input.consent === undefined || input.consent === null ? null : checkOneOf(input.consent, CLIENT_ANSWERS, 'consent'),
    capable: input.capable === undefined || input.capable === null ? null : checkBool(input.capable, 'capable'),
    note: checkText(input.note, 'note'),
  };
  if (state === 'not_needed') {
    if (!record.note) throw invalidInput('note', 'Say why this step is not needed.');
  } else {
    for (const f of REQUIRED[step] ?? []) {
      const v = record[f];
      if (v === null || v === '') throw invalidInput(f, `Record the ${f} for this step.`);
    }
  }
  return { step, state, record };
}

function checkBool(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') throw invalidInput(field, 'expected true or false');
  return v;
}

export interface DecisionInput {
  outcome: string;
  factors?: string[];
  reasons: string;
  /** What is to be disclosed, in words (for a disclosure in part: which parts). */
  scope?: string;
  doNotInformClient?: boolean;
}

export interface DecisionContent {
  factors: string[];
  reasons: string;
  scope: string;
  doNotInformClient: boolean;
  /** Set at sign-off when the decision went against the advice: acknowledged, with reasons. */
  contrary?: ContraryRecord;
}

export function checkDecision(input: DecisionInput): { outcome: Outcome; content: DecisionContent } {
  const outcome = checkOneOf(input.outcome, OUTCOMES, 'outcome');
  const factors = (input.factors ?? []).map((f, i) => checkText(f, `factors[${i}]`, { max: 2000 })).filter(Boolean);
  if (factors.length > 50) throw invalidInput('factors', 'at most 50 factors');
  return {
    outcome,
    content: { factors, reasons: checkText(input.reasons, 'reasons', { required: true }), scope: checkText(input.scope, 'scope'), doNotInformClient: input.doNotInformClient === true },
  };
}

/** Steps that sign-off does not wait for: recording the decision is what sign-off does. */
export const SELF_COMPLETING: readonly Step[] = ['document_decision'];
