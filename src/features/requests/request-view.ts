/** One request in full, decrypted for the practitioner handling it. */
import type { Principal } from '../../core/access.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import { displayNames } from '../auth/auth.repository.js';
import type { Basis, Consent, Step } from '../triage/triage.js';
import { CONTRARY_WORDS, type ContraryKind, contraryToAdvice } from './advice.js';
import { type DocumentMeta, listDocuments } from './documents.service.js';
import { referenceOf } from './letters.service.js';
import { requireRequest } from './request-access.js';
import { requestSealers } from './requests.keys.js';
import * as repo from './requests.repository.js';
import { summaryOf } from './requests.service.js';
import type { RequestDetails, RequestSummary, RequesterParticulars, StoredTriage } from './requests.js';
import { SELF_COMPLETING, type DecisionContent, type Outcome, type StepRecord, type StepState } from './workflow.js';
import * as wf from './workflow.repository.js';

export interface StepEntry extends StepRecord {
  id: string;
  step: Step;
  state: StepState;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

export interface ChecklistItem {
  step: Step;
  /** Completed by sign-off itself rather than recorded separately. */
  bySignOff: boolean;
  latest: StepEntry | null;
}

export interface RequestView extends RequestSummary {
  reference: string;
  requester: RequesterParticulars;
  details: RequestDetails;
  consent: string;
  triage: StoredTriage;
  checklist: ChecklistItem[];
  history: StepEntry[];
  decision: null | (DecisionContent & {
    outcome: Outcome; status: 'draft' | 'signed'; decidedBy: string; decidedByName: string; updatedAt: string; signedBy: string | null; signedAt: string | null;
    /** How the decision goes against the advice: for a draft, what sign-off will ask to acknowledge. */
    contraryKind: ContraryKind | null; contraryWords: string | null;
  });
  addenda: { id: string; text: string; authorId: string; authorName: string; createdAt: string }[];
  restrictionEvents: { id: string; action: 'restrict' | 'lift'; reason: string; actorId: string; actorName: string; at: string }[];
  documents: DocumentMeta[];
}

export async function getRequest(ctx: AppContext, principal: Principal, id: string): Promise<RequestView> {
  const { row, clientId } = await requireRequest(ctx, principal, id, false);
  const db = ctx.db.kysely;
  const s = await requestSealers(ctx, db, clientId);
  const names = await displayNames(db);
  const nameOf = (uid: string) => (uid === 'cli' ? 'Vault operator' : names.get(uid) ?? 'Former staff member');
  const requester = s.identity.open<RequesterParticulars>('request_parties', id, 'requester', (await repo.requesterEnc(db, id)) ?? '');
  const triage = s.clinical.open<StoredTriage>('info_requests', id, 'triage', row.triage_enc);
  const history: StepEntry[] = (await wf.stepsFor(db, id)).map((r) => ({
    ...s.clinical.open<StepRecord>('request_steps', r.id, 'record', r.record_enc),
    id: r.id, step: r.step as Step, state: r.state as StepState, recordedBy: r.recorded_by, recordedByName: nameOf(r.recorded_by), recordedAt: r.recorded_at,
  }));
  const extra = history.map((h) => h.step).filter((st) => !triage.steps.includes(st));
  const checklist = [...triage.steps, ...new Set(extra)].map((step) => ({
    step, bySignOff: SELF_COMPLETING.includes(step), latest: [...history].reverse().find((h) => h.step === step) ?? null,
  }));
  const d = await wf.decisionFor(db, id);
  const content = d ? s.clinical.open<DecisionContent>('request_decisions', id, 'decision', d.decision_enc) : null;
  const contraryKind = d && content ? (d.status === 'signed' ? (content.contrary?.kind ?? null) : contraryToAdvice(d.outcome as Outcome, row.basis as Basis, row.consent as Consent)) : null;
  const view: RequestView = {
    ...summaryOf(row, clientId, requester.organisation, d?.contrary_to_advice === 1),
    reference: referenceOf(id),
    requester,
    details: s.clinical.open<RequestDetails>('info_requests', id, 'details', row.details_enc),
    consent: row.consent,
    triage,
    checklist,
    history,
    decision: d && content ? {
      ...content,
      outcome: d.outcome as Outcome, status: d.status as 'draft' | 'signed', decidedBy: d.decided_by, decidedByName: nameOf(d.decided_by),
      updatedAt: d.updated_at, signedBy: d.signed_by, signedAt: d.signed_at, contraryKind, contraryWords: contraryKind ? CONTRARY_WORDS[contraryKind] : null,
    } : null,
    addenda: (await wf.addendaFor(db, id)).map((a) => ({ id: a.id, text: s.clinical.open<string>('request_addenda', a.id, 'body', a.body_enc), authorId: a.author_id, authorName: nameOf(a.author_id), createdAt: a.created_at })),
    restrictionEvents: (await wf.restrictionEventsFor(db, id)).map((e) => ({
      id: e.id, action: e.action as 'restrict' | 'lift', reason: s.clinical.open<string>('request_restriction_events', e.id, 'reason', e.reason_enc), actorId: e.actor_id, actorName: nameOf(e.actor_id), at: e.at,
    })),
    documents: await listDocuments(ctx, clientId, id),
  };
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'request.read', targetType: 'request', targetId: id, caseCode: row.case_code ?? undefined });
  return view;
}
