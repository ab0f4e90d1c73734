import type { Principal } from '../../core/access.js';
import { conflict, forbidden, invalidInput } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit } from '../../audit/audit.service.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { type Tx, writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import { flagForReview } from '../staff/access-review.service.js';
import type { Basis, Consent } from '../triage/triage.js';
import { type SignOffInput, checkAcknowledgement, contraryToAdvice } from './advice.js';
import { referenceOf } from './letters.service.js';
import { type RequestScope, requireRequest } from './request-access.js';
import { runTriage } from './request-triage.js';
import { type Sealer, requestSealers } from './requests.keys.js';
import * as repo from './requests.repository.js';
import { clientFacts, consentFinderFor } from './request-facts.js';
import { recordRestriction as restrict } from './restriction.js';
import type { Ask, RequestDetails, RequesterParticulars, StoredTriage } from './requests.js';
import { type DecisionContent, type DecisionInput, type Outcome, type StepInput, SELF_COMPLETING, checkDecision, checkStep } from './workflow.js';
import * as wf from './workflow.repository.js';

/** Open for changes: nothing is recorded against a signed decision except addenda. */
async function requireOpen(ctx: AppContext, principal: Principal, id: string): Promise<RequestScope> {
  const scope = await requireRequest(ctx, principal, id, true);
  const d = await wf.decisionFor(ctx.db.kysely, id);
  if (d?.status === 'signed' || scope.row.status === 'decided' || scope.row.status === 'closed') {
    throw conflict('The decision on this request is signed off and cannot change. Add an addendum instead.');
  }
  return scope;
}

export async function recordStep(ctx: AppContext, principal: Principal, id: string, input: StepInput): Promise<{ id: string; retriaged: boolean }> {
  const { step, state, record } = checkStep(input);
  const scope = await requireOpen(ctx, principal, id);
  const { row, c } = scope;
  const at = ctx.clock.now().toISOString();
  const stepId = newId();
  // The client's answer and a capacity assessment change what the law allows: triage again.
  const s0 = await requestSealers(ctx, ctx.db.kysely, scope.clientId);
  const details = s0.clinical.open<RequestDetails>('info_requests', id, 'details', row.details_enc);
  let consent = row.consent as Consent;
  let nextDetails = details;
  if (state === 'done' && step === 'discuss_with_client' && record.consent) consent = record.consent;
  if (state === 'done' && step === 'assess_capacity' && record.capable !== null) nextDetails = { ...details, competent: record.capable, hasCapacity: record.capable };
  const retriage = consent !== row.consent || nextDetails !== details;
  const result = retriage
    ? runTriage({
        jurisdiction: row.jurisdiction, requesterType: row.requester_type as never, asks: row.asks as never, authority: row.authority as never,
        emergency: row.emergency === 1, consent, details: nextDetails, receivedOn: row.received_on, client: await clientFacts(ctx, c, row.received_on),
      }, at, await consentFinderFor(ctx, c, s0.identity.open<RequesterParticulars>('request_parties', id, 'requester', (await repo.requesterEnc(ctx.db.kysely, id)) ?? ''), row.asks as Ask))
    : null;
  await writeTx(ctx.db, async (trx) => {
    const s = await requestSealers(ctx, trx, scope.clientId);
    await wf.insertStep(trx, { id: stepId, request_id: id, case_code: row.case_code, step, state, record_enc: s.clinical.seal('request_steps', stepId, 'record', record), recorded_by: principal.userId, recorded_at: at });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'request.step', targetType: 'request', targetId: id, caseCode: row.case_code ?? undefined, details: { step, state, stepId } });
    if (result) await applyTriage(ctx, trx, principal, scope, s.clinical, result, consent, nextDetails);
  });
  return { id: stepId, retriaged: result !== null };
}

async function applyTriage(ctx: AppContext, trx: Tx, principal: Principal, { row, c }: RequestScope, clinical: Sealer, result: StoredTriage, consent: Consent, details: RequestDetails): Promise<void> {
  const status = row.status === 'awaiting_consent' && consent !== 'not_sought' ? 'open' : row.status;
  await repo.updateRequest(trx, row.id, {
    consent, basis: result.basis, recommendation: result.recommendation, status, updated_at: result.at,
    details_enc: clinical.seal('info_requests', row.id, 'details', details), triage_enc: clinical.seal('info_requests', row.id, 'triage', result),
  });
  await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'request.retriage', targetType: 'request', targetId: row.id, caseCode: c?.caseCode, details: { consent, basis: result.basis, from: row.basis } });
  if (result.mustNotInformClient && row.restricted === 0 && c) await restrict(ctx, trx, principal, row, clinical, true, 'Triage: the law or the risk means the client must not be told.');
}

export async function saveDecision(ctx: AppContext, principal: Principal, id: string, input: DecisionInput): Promise<void> {
  const { outcome, content } = checkDecision(input);
  const scope = await requireOpen(ctx, principal, id);
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    const s = await requestSealers(ctx, trx, scope.clientId);
    const enc = s.clinical.seal('request_decisions', id, 'decision', content);
    const existing = await wf.decisionFor(trx, id);
    if (!existing) {
      await wf.insertDecision(trx, { request_id: id, case_code: scope.row.case_code, outcome, decision_enc: enc, status: 'draft', decided_by: principal.userId, updated_at: at, signed_by: null, signed_at: null, signed_hash: null });
    } else if (!(await wf.updateDraftDecision(trx, id, { outcome, decision_enc: enc, decided_by: principal.userId, updated_at: at }))) {
      throw conflict('The decision on this request is signed off and cannot change. Add an addendum instead.');
    }
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'request.decision.save', targetType: 'request', targetId: id, caseCode: scope.row.case_code ?? undefined, details: { outcome } });
  });
}

/**
 * Sign-off: every checklist step accounted for, a decision against the advice acknowledged with
 * reasons, then the decision is fixed for good.
 */
export async function signOffDecision(ctx: AppContext, principal: Principal, id: string, input: SignOffInput = {}): Promise<{ contraryToAdvice: boolean }> {
  const scope = await requireOpen(ctx, principal, id);
  const d = await wf.decisionFor(ctx.db.kysely, id);
  if (!d) throw invalidInput('outcome', 'Record the decision before signing it off.');
  const s0 = await requestSealers(ctx, ctx.db.kysely, scope.clientId);
  const t = s0.clinical.open<StoredTriage>('info_requests', id, 'triage', scope.row.triage_enc);
  const done = new Set((await wf.stepsFor(ctx.db.kysely, id)).map((x) => x.step));
  const missing = t.steps.filter((st) => !SELF_COMPLETING.includes(st) && !done.has(st));
  if (missing.length) throw invalidInput('steps', `Complete or mark as not needed: ${missing.join(', ')}.`);
  const basis = scope.row.basis as Basis;
  const contrary = checkAcknowledgement(contraryToAdvice(d.outcome as Outcome, basis, scope.row.consent as Consent), basis, input);
  const content = s0.clinical.open<DecisionContent>('request_decisions', id, 'decision', d.decision_enc);
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    const s = await requestSealers(ctx, trx, scope.clientId);
    // The acknowledgement and its reasons become part of what is signed, so they cannot drift apart.
    const signedEnc = contrary ? s.clinical.seal('request_decisions', id, 'decision', { ...content, contrary }) : d.decision_enc;
    const hash = sha256Hex(signedEnc);
    const signed = await wf.signDecision(trx, id, { by: principal.userId, at, hash, checkedEnc: d.decision_enc, decisionEnc: signedEnc, contrary: contrary !== null, adviceBasis: basis });
    if (!signed) throw conflict('This decision is already signed off, or the draft changed while it was being signed. Reload and check it.');
    await repo.updateRequest(trx, id, { status: 'decided', updated_at: at });
    const seq = await appendAudit(trx, ctx.clock, actorOf(principal), {
      action: 'request.decision.sign', targetType: 'request', targetId: id, caseCode: scope.row.case_code ?? undefined,
      details: { outcome: d.outcome, decisionHash: hash, ...(contrary ? { contraryToAdvice: contrary.kind, basis } : {}) },
    });
    // Against the advice: into the review queue of the clinical leads and the data-protection officer.
    if (contrary) await flagForReview(ctx, trx, principal, { kind: 'contrary_to_advice', auditSeq: seq, requestId: id, caseCode: scope.row.case_code ?? undefined });
    if (content.doNotInformClient && scope.row.restricted === 0) {
      await restrict(ctx, trx, principal, scope.row, s.clinical, true, 'Decision: the client is not to be told.');
    }
  });
  return { contraryToAdvice: contrary !== null };
}

export interface ContraryReviewItem {
  requestId: string;
  reference: string;
  caseCode: string | null;
  outcome: string;
  adviceBasis: string | null;
  signedBy: string | null;
  signedAt: string | null;
}

/**
 * Decisions signed off against the advice, newest first, for a clinical lead to review. Codes and
 * dates only: reading the reasons means opening the request, which is audited there.
 */
export async function contraryToAdviceQueue(ctx: AppContext, principal: Principal, since?: string): Promise<ContraryReviewItem[]> {
  if (!principal.roles.some((r) => r === 'clinical_lead' || r === 'admin' || r === 'operator')) throw forbidden();
  return (await wf.contraryDecisions(ctx.db.kysely, principal.practiceId, { since })).map((r) => ({
    requestId: r.request_id, reference: referenceOf(r.request_id), caseCode: r.case_code, outcome: r.outcome, adviceBasis: r.advice_basis, signedBy: r.signed_by, signedAt: r.signed_at,
  }));
}

export async function addDecisionAddendum(ctx: AppContext, principal: Principal, id: string, text: string): Promise<{ id: string }> {
  const body = typeof text === 'string' ? text.trim() : '';
  if (!body) throw invalidInput('text', 'The addendum is empty.');
  const scope = await requireRequest(ctx, principal, id, true);
  const d = await wf.decisionFor(ctx.db.kysely, id);
  if (d?.status !== 'signed') throw conflict('Addenda are for signed-off decisions; edit the draft instead.');
  const addId = newId();
  await writeTx(ctx.db, async (trx) => {
    const s = await requestSealers(ctx, trx, scope.clientId);
    await wf.insertAddendum(trx, { id: addId, request_id: id, case_code: scope.row.case_code, body_enc: s.clinical.seal('request_addenda', addId, 'body', body), author_id: principal.userId, created_at: ctx.clock.now().toISOString() });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'request.addendum', targetType: 'request', targetId: id, caseCode: scope.row.case_code ?? undefined, details: { addendumId: addId } });
  });
  return { id: addId };
}

/** Place or lift the "do not inform the client" restriction; either way it is recorded. */
export async function setRestriction(ctx: AppContext, principal: Principal, id: string, restricted: boolean, reason: string): Promise<void> {
  const why = typeof reason === 'string' ? reason.trim() : '';
  if (!why) throw invalidInput('reason', 'Say why the restriction is placed or lifted.');
  const scope = await requireRequest(ctx, principal, id, true);
  if ((scope.row.restricted === 1) === restricted) throw conflict(restricted ? 'This request is already restricted.' : 'This request is not restricted.');
  await writeTx(ctx.db, async (trx) => {
    const s = await requestSealers(ctx, trx, scope.clientId);
    await restrict(ctx, trx, principal, scope.row, s.clinical, restricted, why);
  });
}

