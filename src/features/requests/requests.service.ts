import type { Principal } from '../../core/access.js';
import { AppError, forbidden, invalidInput } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import { canLogRequests, requireRequest } from './request-access.js';
import { clientFacts, consentFinderFor, practiceFacts } from './request-facts.js';
import { type TriageFacts, runTriage } from './request-triage.js';
import { recordRestriction } from './restriction.js';
import { requestSealers } from './requests.keys.js';
import * as repo from './requests.repository.js';
import {
  type NewRequest, type RequestDetails, type RequestStatus, type RequestSummary, type RequesterParticulars,
  SETTABLE_STATUSES, checkNewRequest, checkOneOf, statusAfterTriage,
} from './requests.js';

export async function logRequest(ctx: AppContext, principal: Principal, input: NewRequest): Promise<{ id: string; status: RequestStatus }> {
  if (!canLogRequests(principal)) throw forbidden('Only practitioners can log requests.');
  const practice = await practiceFacts(ctx);
  const r = checkNewRequest(input, practice.today);
  const c = r.clientId ? await requireCase(ctx, principal, r.clientId, 'case.write_clinical') : null;
  const at = ctx.clock.now().toISOString();
  const facts: TriageFacts = {
    jurisdiction: practice.jurisdiction, requesterType: r.requesterType, asks: r.asks, authority: r.authority, emergency: r.emergency,
    consent: r.consent, details: r.details, receivedOn: r.receivedOn, client: await clientFacts(ctx, c, r.receivedOn),
  };
  const result = runTriage(facts, at, await consentFinderFor(ctx, c, r.requester, r.asks));
  const id = newId();
  const status = statusAfterTriage(result, r.consent);
  await writeTx(ctx.db, async (trx) => {
    const s = await requestSealers(ctx, trx, c?.clientId ?? null);
    await repo.insertRequest(trx, {
      id, practice_id: principal.practiceId, case_code: c?.caseCode ?? null, created_by: principal.userId, requester_type: r.requesterType,
      asks: r.asks, authority: r.authority, jurisdiction: practice.jurisdiction, emergency: r.emergency ? 1 : 0, consent: r.consent,
      received_on: r.receivedOn, due_on: r.dueOn, status, basis: result.basis, recommendation: result.recommendation,
      restricted: 0,
      details_enc: s.clinical.seal('info_requests', id, 'details', r.details),
      triage_enc: s.clinical.seal('info_requests', id, 'triage', result),
      created_at: at, updated_at: at,
    }, s.identity.seal('request_parties', id, 'requester', r.requester));
    await appendAudit(trx, ctx.clock, actorOf(principal), {
      action: 'request.log', targetType: 'request', targetId: id, caseCode: c?.caseCode,
      details: { requester: r.requesterType, authority: r.authority, basis: result.basis, rules: result.reasons.map((x) => x.rule) },
    });
    if (result.mustNotInformClient && c) {
      const row = await repo.requestById(trx, id);
      if (row) await recordRestriction(ctx, trx, principal, row, s.clinical, true, 'Triage: the law or the risk means the client must not be told.');
    }
  });
  return { id, status };
}

/** The register: requests on the principal's own cases and the unlinked ones they logged. */
export async function listRequests(ctx: AppContext, principal: Principal, opts: { status?: string } = {}): Promise<RequestSummary[]> {
  if (!canLogRequests(principal)) throw forbidden('Only practitioners keep a request register.');
  if (opts.status) checkOneOf(opts.status, ['open', 'awaiting_consent', 'awaiting_advice', 'decided', 'closed'], 'status');
  const rows = await repo.register(ctx.db.kysely, principal.practiceId, { status: opts.status });
  const ownCases = principal.roles.includes('operator') ? null : await ownCaseCodes(ctx, principal);
  const visible = rows.filter((r) => (r.case_code ? ownCases === null || ownCases.has(r.case_code) : ownCases === null || r.created_by === principal.userId));
  const out: RequestSummary[] = [];
  for (const r of visible) {
    const s = await requestSealers(ctx, ctx.db.kysely, r.client_id);
    const who = s.identity.open<RequesterParticulars>('request_parties', r.id, 'requester', r.requester_enc);
    out.push(summaryOf(r, r.client_id, who.organisation, r.contrary_to_advice === 1));
  }
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'request.list', targetType: 'register', details: { count: out.length } });
  return out;
}

/** Cases of the principal's own, and of colleagues they cover for today. */
const ownCaseCodes = (ctx: AppContext, principal: Principal): Promise<Set<string>> =>
  repo.caseCodesOf(ctx.db.kysely, [principal.userId, ...(principal.relations?.covering ?? [])]);

export function summaryOf(r: repo.RequestRow, clientId: string | null, organisation: string, contraryToAdvice = false): RequestSummary {
  return {
    id: r.id, requesterType: r.requester_type as RequestSummary['requesterType'], organisation, asks: r.asks as RequestSummary['asks'],
    authority: r.authority as RequestSummary['authority'], receivedOn: r.received_on, dueOn: r.due_on, status: r.status as RequestStatus,
    basis: r.basis as RequestSummary['basis'], recommendation: r.recommendation as RequestSummary['recommendation'], linked: r.case_code !== null,
    clientId, caseCode: r.case_code, restricted: r.restricted === 1, emergency: r.emergency === 1, contraryToAdvice,
  };
}

export async function setRequestStatus(ctx: AppContext, principal: Principal, id: string, status: string): Promise<void> {
  const next = checkOneOf(status, SETTABLE_STATUSES, 'status');
  const { row, c } = await requireRequest(ctx, principal, id, true);
  if (row.status === 'closed') throw new AppError('conflict', 'This request is closed.');
  if (next === 'closed' && row.status !== 'decided') throw invalidInput('status', 'Sign off a decision before closing the request.');
  if (row.status === 'decided' && next !== 'closed') throw new AppError('conflict', 'The decision is signed off; the request can only be closed now.');
  await writeTx(ctx.db, async (trx) => {
    await repo.updateRequest(trx, id, { status: next, updated_at: ctx.clock.now().toISOString() });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'request.status', targetType: 'request', targetId: id, caseCode: c?.caseCode, details: { from: row.status, to: next } });
  });
}

export type { RequestDetails };
