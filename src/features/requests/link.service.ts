/**
 * Linking a request to a client once it is confirmed who it is about. Everything recorded so far
 * moves from the system key to the client's keys (so the client's secure disposal reaches it),
 * and triage runs again with the client's status and age. Only before a decision is recorded:
 * a decision is made about a known person.
 */
import type { Principal } from '../../core/access.js';
import { conflict } from '../../core/errors.js';
import { appendAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import type { Consent } from '../triage/triage.js';
import { requireRequest } from './request-access.js';
import { clientFacts, consentFinderFor } from './request-facts.js';
import { runTriage } from './request-triage.js';
import { recordRestriction } from './restriction.js';
import { requestSealers } from './requests.keys.js';
import * as repo from './requests.repository.js';
import { type Ask, type RequestDetails, type RequesterParticulars, statusAfterTriage } from './requests.js';
import * as wf from './workflow.repository.js';

export async function linkClient(ctx: AppContext, principal: Principal, requestId: string, clientId: string): Promise<void> {
  const { row } = await requireRequest(ctx, principal, requestId, true);
  if (row.case_code) throw conflict('This request is already linked to a client.');
  if (await wf.decisionFor(ctx.db.kysely, requestId)) throw conflict('A decision is already recorded; log a new request for the client instead.');
  const c = await requireCase(ctx, principal, clientId, 'case.write_clinical');
  const db = ctx.db.kysely;
  const from = await requestSealers(ctx, db, null);
  const details = from.clinical.open<RequestDetails>('info_requests', requestId, 'details', row.details_enc);
  const at = ctx.clock.now().toISOString();
  const consent = row.consent as Consent;
  const result = runTriage({
    jurisdiction: row.jurisdiction, requesterType: row.requester_type as never, asks: row.asks as never, authority: row.authority as never,
    emergency: row.emergency === 1, consent, details, receivedOn: row.received_on, client: await clientFacts(ctx, c, row.received_on),
  }, at, await consentFinderFor(ctx, c, from.identity.open<RequesterParticulars>('request_parties', requestId, 'requester', (await repo.requesterEnc(db, requestId)) ?? ''), row.asks as Ask));
  await writeTx(ctx.db, async (trx) => {
    const to = await requestSealers(ctx, trx, clientId);
    const requester = from.identity.open<unknown>('request_parties', requestId, 'requester', (await repo.requesterEnc(trx, requestId)) ?? '');
    await repo.updateRequester(trx, requestId, c.caseCode, to.identity.seal('request_parties', requestId, 'requester', requester));
    for (const d of await repo.documentsFor(trx, requestId)) {
      const meta = from.clinical.open<unknown>('request_documents', d.id, 'meta', d.meta_enc);
      const content = from.clinical.open<unknown>('request_documents', d.id, 'content', d.content_enc);
      await repo.replaceDocumentCiphertext(trx, d.id, c.caseCode, to.clinical.seal('request_documents', d.id, 'meta', meta), to.clinical.seal('request_documents', d.id, 'content', content));
    }
    for (const st of await wf.stepsFor(trx, requestId)) {
      await wf.reseal(trx, 'request_steps', st.id, c.caseCode, 'record_enc', to.clinical.seal('request_steps', st.id, 'record', from.clinical.open<unknown>('request_steps', st.id, 'record', st.record_enc)));
    }
    for (const e of await wf.restrictionEventsFor(trx, requestId)) {
      await wf.reseal(trx, 'request_restriction_events', e.id, c.caseCode, 'reason_enc', to.clinical.seal('request_restriction_events', e.id, 'reason', from.clinical.open<unknown>('request_restriction_events', e.id, 'reason', e.reason_enc)));
    }
    await repo.updateRequest(trx, requestId, {
      case_code: c.caseCode, basis: result.basis, recommendation: result.recommendation, updated_at: at,
      status: row.status === 'open' || row.status === 'awaiting_consent' ? statusAfterTriage(result, consent) : row.status,
      details_enc: to.clinical.seal('info_requests', requestId, 'details', details), triage_enc: to.clinical.seal('info_requests', requestId, 'triage', result),
    });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'request.link', targetType: 'request', targetId: requestId, caseCode: c.caseCode, details: { basis: result.basis } });
    if (result.mustNotInformClient && row.restricted === 0) {
      const linked = await repo.requestById(trx, requestId);
      if (linked) await recordRestriction(ctx, trx, principal, linked, to.clinical, true, 'Triage: the law or the risk means the client must not be told.');
    }
  });
}
