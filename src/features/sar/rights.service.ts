/**
 * The client's other rights: rectification (the original stays; an addendum carries the
 * correction or the client's statement of disagreement), erasure (weighed against the retention
 * policy: secure disposal, or a refusal with reasons and the route to complain), and restriction
 * and objection (recorded with their effect).
 */
import { type Principal, can } from '../../core/access.js';
import { conflict, forbidden, invalidInput } from '../../core/errors.js';
import type { AppContext } from '../../context.js';
import type { ClientIdentity } from '../clients/clients.js';
import { decryptIdentity, updateClientIdentity } from '../clients/clients.service.js';
import { eraseForRequest } from '../retention/disposal.service.js';
import { holdsByCase } from '../retention/holds.js';
import { facts } from '../clients/clients.repository.js';
import { retainUntil, retentionPolicyNames } from '../deadlines/retention.js';
import { addAddendum } from '../notes/notes.service.js';
import { noteById } from '../notes/notes.repository.js';
import { lastContact } from '../sessions/sessions.repository.js';
import { sealerFor, toRequest } from './sar.codec.js';
import { closeRequest, loadRequest, practiceToday } from './sar.service.js';
import * as repo from './sar.repository.js';
import type { RightOutcome, SarRequest } from './sar.js';
import { writeTx } from '../../db/tx.js';
import { appendAudit } from '../../audit/audit.service.js';
import { actorOf } from '../clients/case-access.js';

const COMPLAINT: Record<string, string> = {
  'uk-gdpr': 'You can complain to the Information Commissioner’s Office (ico.org.uk, 0303 123 1113), and you may also seek to enforce your rights through the courts.',
  hipaa: 'You can complain to us, or to the U.S. Department of Health and Human Services, Office for Civil Rights (hhs.gov/ocr/complaints).',
};

const POLICY_BY_JURISDICTION: Record<string, string> = { 'US-CA': 'us-ca-psychologist' };
const policyFor = (jurisdiction: string): string | null => {
  const name = POLICY_BY_JURISDICTION[jurisdiction] ?? (jurisdiction.startsWith('GB-') ? 'uk-default' : null);
  return name && retentionPolicyNames().includes(name) ? name : null;
};

async function recordOutcome(ctx: AppContext, principal: Principal, id: string, outcome: RightOutcome, status: 'completed' | 'refused'): Promise<void> {
  const { row, c } = await loadRequest(ctx, principal, id, 'case.write_clinical');
  if (row.status === 'completed' || row.status === 'refused' || row.status === 'withdrawn') throw conflict('This request is already closed.');
  const s = await sealerFor(ctx, ctx.db.kysely, c);
  await writeTx(ctx.db, async (trx) => {
    await repo.updateRequest(trx, id, { outcome_enc: s.seal(id, 'outcome', JSON.stringify(outcome)), status, closed_at: ctx.clock.now().toISOString(), updated_at: ctx.clock.now().toISOString() });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: `sar.${row.right}_${status === 'completed' ? 'done' : 'refused'}`, targetType: 'sar_request', targetId: id, caseCode: c.caseCode, details: { decision: outcome.decision, retainUntil: outcome.retainUntil ?? null } });
  });
}

export interface RetentionView { policy: string | null; lastContact: string | null; retainUntil: string | null; retentionApplies: boolean }

export async function retentionFor(ctx: AppContext, principal: Principal, id: string): Promise<RetentionView> {
  const { row, c } = await loadRequest(ctx, principal, id, 'case.read_clinical');
  const policy = policyFor(row.jurisdiction);
  const { today } = await practiceToday(ctx);
  // Sessions still to come are not contact: a planned date cannot push retention forward.
  const last = (await lastContact(ctx.db.kysely, c.caseCode, today)) ?? (c.closedAt ?? c.openedAt).slice(0, 10);
  if (!policy) return { policy: null, lastContact: last, retainUntil: null, retentionApplies: false };
  const dob = (await decryptIdentity(ctx, c)).dob ?? null;
  const until = retainUntil({ policy, born: dob, lastContact: last }).retainUntil;
  return { policy, lastContact: last, retainUntil: until, retentionApplies: today < until };
}

export async function rectify(ctx: AppContext, principal: Principal, id: string, input: { noteId?: string; kind?: 'correction' | 'disagreement'; text?: string; identity?: Partial<ClientIdentity>; reasons?: string }): Promise<SarRequest> {
  const { row, c } = await loadRequest(ctx, principal, id, 'case.write_clinical');
  if (row.right !== 'rectification') throw invalidInput('right', 'This request is not for rectification.');
  if (!input.noteId && !input.identity) throw invalidInput('noteId', 'Name the note to correct, or give corrected identity details.');
  const { today } = await practiceToday(ctx);
  if (input.noteId) {
    const note = await noteById(ctx.db.kysely, input.noteId);
    if (!note || note.caseCode !== c.caseCode) throw invalidInput('noteId', 'No such note on this client’s record.');
    if (input.kind !== 'correction' && input.kind !== 'disagreement') throw invalidInput('kind', 'expected one of correction, disagreement');
    if (!input.text?.trim()) throw invalidInput('text', 'Write the correction or the client’s statement.');
    const lead = input.kind === 'correction' ? `Correction at the client’s request (${today}): ` : `The client’s statement of disagreement (${today}), recorded at their request: `;
    await addAddendum(ctx, principal, input.noteId, lead + input.text.trim());
  }
  if (input.identity) await updateClientIdentity(ctx, principal, c.clientId, input.identity);
  await recordOutcome(ctx, principal, id, {
    decision: input.kind === 'disagreement' ? 'statement_added' : 'corrected',
    reasons: input.reasons?.trim() || (input.kind === 'disagreement' ? 'The record reflects the practitioner’s view at the time; the client’s statement now sits beside it.' : 'Corrected as asked.'),
    effect: 'The original entry is kept; the addendum and the audit log show what changed, when and by whom.',
  }, 'completed');
  return toRequest(ctx, ...(await reload(ctx, principal, id)));
}

async function reload(ctx: AppContext, principal: Principal, id: string) {
  const { row, c } = await loadRequest(ctx, principal, id, 'case.read_clinical');
  return [row, c] as const;
}

export async function decideErasure(ctx: AppContext, principal: Principal, id: string, input: { decision: 'erase' | 'refuse'; reasons: string }): Promise<{ request: SarRequest | null; erased: boolean; retention: RetentionView }> {
  const { row, c } = await loadRequest(ctx, principal, id, 'case.write_clinical');
  if (row.right !== 'erasure') throw invalidInput('right', 'This request is not for erasure.');
  if (!input.reasons?.trim()) throw invalidInput('reasons', 'Record the reasons for the decision.');
  const retention = await retentionFor(ctx, principal, id);
  if (input.decision === 'refuse') {
    await recordOutcome(ctx, principal, id, {
      decision: 'refused', reasons: input.reasons.trim(), retainUntil: retention.retainUntil,
      effect: retention.retainUntil ? `The records are kept until ${retention.retainUntil} under the ${retention.policy} retention policy, then securely destroyed.` : 'The records are kept for the reasons given.',
      complaintRoute: COMPLAINT[row.regime],
    }, 'refused');
    return { request: await toRequest(ctx, ...(await reload(ctx, principal, id))), erased: false, retention };
  }
  if (input.decision !== 'erase') throw invalidInput('decision', 'expected one of erase, refuse');
  if (!can(principal, 'case.erase', facts(c))) throw forbidden('Secure disposal needs a practice administrator.');
  // Legal holds (litigation, another open request, a breach investigation) stop an erasure too.
  const holds = (await holdsByCase(ctx, principal.practiceId, { exceptRequest: id })).get(c.caseCode) ?? [];
  if (holds.length) throw conflict(`Held: ${holds.map((h) => h.reason.replace(/\.$/, '')).join('; ')}. Resolve the hold or refuse the erasure with reasons.`);
  await recordOutcome(ctx, principal, id, {
    decision: 'erased', reasons: input.reasons.trim(), retainUntil: retention.retainUntil,
    effect: retention.retentionApplies ? `Erased before the end of the retention period (${retention.retainUntil}) for the reasons given.` : 'Securely destroyed: the keys were destroyed and the records removed.',
  }, 'completed');
  // The same secure disposal as retention: keys destroyed, rows removed, a certificate of destruction.
  await eraseForRequest(ctx, principal, c.caseCode, id);
  return { request: null, erased: true, retention };
}

export async function decideRestrictionOrObjection(ctx: AppContext, principal: Principal, id: string, input: { decision: 'upheld' | 'declined'; reasons: string; effect: string }): Promise<SarRequest> {
  const { row } = await loadRequest(ctx, principal, id, 'case.write_clinical');
  if (row.right !== 'restriction' && row.right !== 'objection') throw invalidInput('right', 'This request is not a restriction or objection.');
  if (input.decision !== 'upheld' && input.decision !== 'declined') throw invalidInput('decision', 'expected one of upheld, declined');
  if (!input.reasons?.trim()) throw invalidInput('reasons', 'Record the reasons for the decision.');
  if (!input.effect?.trim()) throw invalidInput('effect', 'Say what changes as a result (e.g. which processing stops).');
  await recordOutcome(ctx, principal, id, {
    decision: input.decision, reasons: input.reasons.trim(), effect: input.effect.trim(),
    ...(input.decision === 'declined' ? { complaintRoute: COMPLAINT[row.regime] } : {}),
  }, input.decision === 'upheld' ? 'completed' : 'refused');
  return toRequest(ctx, ...(await reload(ctx, principal, id)));
}

export { closeRequest };
