import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/tx.js';
import type { RequestAddendaTable, RequestDecisionsTable, RequestRestrictionEventsTable, RequestStepsTable } from './requests.tables.js';

export type StepRow = Selectable<RequestStepsTable>;
export type DecisionRow = Selectable<RequestDecisionsTable>;
export type AddendumRow = Selectable<RequestAddendaTable>;
export type RestrictionRow = Selectable<RequestRestrictionEventsTable>;

export async function insertStep(db: Executor, s: StepRow): Promise<void> {
  await db.insertInto('request_steps').values(s).execute();
}

export async function stepsFor(db: Executor, requestId: string): Promise<StepRow[]> {
  return db.selectFrom('request_steps').selectAll().where('request_id', '=', requestId).orderBy('recorded_at').orderBy('id').execute();
}

export async function decisionFor(db: Executor, requestId: string): Promise<DecisionRow | undefined> {
  return db.selectFrom('request_decisions').selectAll().where('request_id', '=', requestId).executeTakeFirst();
}

export async function insertDecision(db: Executor, d: Insertable<RequestDecisionsTable>): Promise<void> {
  await db.insertInto('request_decisions').values(d).execute();
}

/** Only a draft changes: the status condition keeps a signed decision fixed even under a race. */
export async function updateDraftDecision(db: Executor, requestId: string, set: { outcome: string; decision_enc: string; decided_by: string; updated_at: string }): Promise<boolean> {
  const res = await db.updateTable('request_decisions').set(set).where('request_id', '=', requestId).where('status', '=', 'draft').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Sign the draft that was checked, and only that one: a draft saved in between (another outcome,
 * perhaps no longer contrary to the advice) makes this a no-op, so what is signed is what was weighed.
 */
export async function signDecision(db: Executor, requestId: string, s: { by: string; at: string; hash: string; checkedEnc: string; decisionEnc: string; contrary: boolean; adviceBasis: string }): Promise<boolean> {
  const res = await db
    .updateTable('request_decisions')
    .set({ status: 'signed', signed_by: s.by, signed_at: s.at, signed_hash: s.hash, updated_at: s.at, decision_enc: s.decisionEnc, contrary_to_advice: s.contrary ? 1 : 0, advice_basis: s.adviceBasis })
    .where('request_id', '=', requestId)
    .where('status', '=', 'draft')
    .where('decision_enc', '=', s.checkedEnc)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface ContraryDecisionRow {
  request_id: string;
  case_code: string | null;
  outcome: string;
  advice_basis: string | null;
  signed_by: string | null;
  signed_at: string | null;
}

/** Signed-off decisions that went against the advice, newest first: a clinical lead's review queue. */
export async function contraryDecisions(db: Executor, practiceId: string, opts: { since?: string } = {}): Promise<ContraryDecisionRow[]> {
  let q = db
    .selectFrom('request_decisions')
    .innerJoin('info_requests', 'info_requests.id', 'request_decisions.request_id')
    .select(['request_decisions.request_id', 'request_decisions.case_code', 'request_decisions.outcome', 'request_decisions.advice_basis', 'request_decisions.signed_by', 'request_decisions.signed_at'])
    .where('info_requests.practice_id', '=', practiceId)
    .where('request_decisions.contrary_to_advice', '=', 1)
    .where('request_decisions.status', '=', 'signed');
  if (opts.since) q = q.where('request_decisions.signed_at', '>=', opts.since);
  return q.orderBy('request_decisions.signed_at', 'desc').execute();
}

export async function insertAddendum(db: Executor, a: AddendumRow): Promise<void> {
  await db.insertInto('request_addenda').values(a).execute();
}

export async function addendaFor(db: Executor, requestId: string): Promise<AddendumRow[]> {
  return db.selectFrom('request_addenda').selectAll().where('request_id', '=', requestId).orderBy('created_at').orderBy('id').execute();
}

export async function insertRestrictionEvent(db: Executor, e: RestrictionRow): Promise<void> {
  await db.insertInto('request_restriction_events').values(e).execute();
}

export async function restrictionEventsFor(db: Executor, requestId: string): Promise<RestrictionRow[]> {
  return db.selectFrom('request_restriction_events').selectAll().where('request_id', '=', requestId).orderBy('at').orderBy('id').execute();
}

/** Re-seal everything of one request under new keys (when a client is linked later). */
export async function reseal(db: Executor, table: 'request_steps' | 'request_addenda' | 'request_restriction_events', id: string, caseCode: string | null, column: 'record_enc' | 'body_enc' | 'reason_enc', enc: string): Promise<void> {
  await db.updateTable(table).set({ case_code: caseCode, [column]: enc } as never).where('id', '=', id).execute();
}

export async function resealDecision(db: Executor, requestId: string, caseCode: string | null, enc: string): Promise<void> {
  await db.updateTable('request_decisions').set({ case_code: caseCode, decision_enc: enc }).where('request_id', '=', requestId).execute();
}
