/**
 * Sharing a reviewed draft, and the record of it: what was shared (the reviewed text, kept as
 * ciphertext, and counts of changes by type), in which form, with whom, why, and on what consent.
 */
import type { Principal } from '../../core/access.js';
import { conflict, invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase, requireCaseByCode } from '../clients/case-access.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { currentSupervisors } from '../supervision/supervision.service.js';
import { clientKey } from '../vault/vault.service.js';
import { supervisionConsent } from './consent-seam.js';
import { decideConsent } from './consent-policy.js';
import { loadDraft } from './drafts.service.js';
import { caseSecret, macOf, recordRef } from './material.js';
import { type ResidualAnswers, checkResidual } from './residual.js';
import * as repo from './sharing.repository.js';
import {
  type ConsentAnswer, type RecipientKind, type ShareForm, CONSENT_ANSWERS, FORMS, RECIPIENT_KINDS, RECIPIENT_LABELS, checkEnum, checkText, countsByType, pendingOf,
} from './sharing.js';

export interface ShareInput {
  recipientKind: RecipientKind;
  /** Free text; may be left out when recipientUserId names a supervisor on the staff. */
  recipient?: string;
  /** For supervision: one of the sharer's supervisors today, who then sees the material. */
  recipientUserId?: string | null;
  purpose: string;
  form: ShareForm;
  consent: { answer: ConsentAnswer; reason?: string };
  residual: ResidualAnswers;
}

export interface SharingRecord {
  id: string;
  draftId: string;
  clientId: string;
  caseCode: string;
  recipientKind: RecipientKind;
  recipientKindLabel: string;
  recipient: string;
  recipientUserId: string | null;
  purpose: string;
  form: ShareForm;
  counts: Record<string, number>;
  consent: { answer: ConsentAnswer; consentId: string | null; lookup: string; reason: string | null };
  residual: ResidualAnswers;
  sharedBy: string;
  sharedAt: string;
  text?: string;
}

/** The shared text: each part under its neutral label ("Note 1", "Summary"). */
export const sharedText = (labels: string[], outputs: string[]): string => outputs.map((o, i) => `${labels[i]}\n\n${o.trim()}`).join('\n\n');

export async function shareDraft(ctx: AppContext, principal: Principal, draftId: string, input: ShareInput): Promise<SharingRecord> {
  const kind = checkEnum(input.recipientKind, RECIPIENT_KINDS, 'recipientKind');
  const supervisor = await chosenSupervisor(ctx, principal, kind, input.recipientUserId);
  const recipient = supervisor && !input.recipient?.trim() ? supervisor.name : checkText(input.recipient, 'recipient', 200, 'a description of the recipient');
  const purpose = checkText(input.purpose, 'purpose', 1000, 'the purpose');
  const form = checkEnum(input.form, FORMS, 'form');
  const answer = checkEnum(input.consent?.answer, CONSENT_ANSWERS, 'consent.answer');
  const reason = input.consent?.reason?.trim() ? checkText(input.consent.reason, 'consent.reason', 1000, 'the reason') : null;
  const residual = checkResidual(input.residual);

  const d = await loadDraft(ctx, principal, draftId, true);
  if (d.row.status !== 'review') throw conflict('This material has already been shared.');
  const pending = pendingOf(d.spans);
  if (pending > 0) throw conflict(`${pending} proposed ${pending === 1 ? 'change still needs' : 'changes still need'} review before anything can be shared.`);
  const consent = decideConsent(kind, answer, reason, await supervisionConsent(ctx, d.c));

  const text = sharedText(d.parts.map((p) => p.label), d.outputs);
  const counts = countsByType(d.spans);
  const id = newId();
  const at = ctx.clock.now().toISOString();
  const clientId = d.c.clientId;
  const enc = (v: string, f: 'recipient' | 'purpose' | 'text' | 'consent_reason') => ctx.vault.encrypt(d.key, v, recordRef(clientId, id, f));
  const textMac = macOf(d.secret, text);
  await writeTx(ctx.db, async (trx) => {
    if (!(await repo.markShared(trx, draftId, at))) throw conflict('Every proposed change needs review, and the draft may be shared only once.');
    await repo.insertRecord(trx, {
      id, draft_id: draftId, case_code: d.c.caseCode, recipient_kind: kind, form, recipient_enc: enc(recipient, 'recipient'), recipient_user_id: supervisor?.id ?? null, purpose_enc: enc(purpose, 'purpose'),
      text_enc: enc(text, 'text'), text_mac: textMac, counts: JSON.stringify(counts), consent_answer: consent.answer, consent_id: consent.consentId,
      consent_lookup: consent.lookup, consent_reason_enc: reason ? enc(reason, 'consent_reason') : null, residual: JSON.stringify(residual), shared_by: principal.userId, shared_at: at,
    });
    await appendAudit(trx, ctx.clock, actorOf(principal), {
      action: 'sharing.share', targetType: 'sharing_record', targetId: id, caseCode: d.c.caseCode, purpose: kind,
      details: {
        draftId, recipientKind: kind, recipientUserId: supervisor?.id ?? null, form, consentAnswer: consent.answer, consentId: consent.consentId, consentLookup: consent.lookup, textMac,
        counts: Object.entries(counts).map(([t, n]) => `${t}:${n}`), residual: Object.entries(residual).map(([q, a]) => `${q}:${a}`),
      },
    });
  });
  return { ...toRecord(ctx, d.key, d.c, (await repo.recordById(ctx.db.kysely, id)) as repo.RecordRow), text };
}

/** A supervisor on the staff must be supervising the sharer today; only then do they see the material. */
async function chosenSupervisor(ctx: AppContext, principal: Principal, kind: RecipientKind, userId: string | null | undefined): Promise<{ id: string; name: string } | null> {
  if (userId === undefined || userId === null || userId === '') return null;
  if (kind !== 'supervisor') throw invalidInput('recipientUserId', 'Only material for clinical supervision goes to a supervisor on the staff.');
  const found = (await currentSupervisors(ctx, principal)).find((s) => s.id === userId);
  if (!found) throw invalidInput('recipientUserId', 'Choose one of the people supervising you now.');
  return found;
}

function toRecord(ctx: AppContext, key: Buffer, c: CaseRow, r: repo.RecordRow): SharingRecord {
  const dec = (v: string, f: 'recipient' | 'purpose' | 'text' | 'consent_reason') => ctx.vault.decrypt(key, v, recordRef(c.clientId, r.id, f));
  const kind = r.recipient_kind as RecipientKind;
  return {
    id: r.id, draftId: r.draft_id, clientId: c.clientId, caseCode: c.caseCode, recipientKind: kind, recipientKindLabel: RECIPIENT_LABELS[kind],
    recipient: dec(r.recipient_enc, 'recipient'), recipientUserId: r.recipient_user_id ?? null, purpose: dec(r.purpose_enc, 'purpose'), form: r.form as ShareForm, counts: JSON.parse(r.counts) as Record<string, number>,
    consent: { answer: r.consent_answer as ConsentAnswer, consentId: r.consent_id, lookup: r.consent_lookup, reason: r.consent_reason_enc ? dec(r.consent_reason_enc, 'consent_reason') : null },
    residual: JSON.parse(r.residual) as ResidualAnswers, sharedBy: r.shared_by, sharedAt: r.shared_at,
  };
}

export interface SharedMaterial {
  records: SharingRecord[];
  drafts: Array<{ id: string; createdAt: string; updatedAt: string; parts: number; changes: number; pending: number }>;
}

/** The "Shared material" list for a client: every share (without its text) and drafts still in review. */
export async function sharedMaterial(ctx: AppContext, principal: Principal, clientId: string): Promise<SharedMaterial> {
  const c = await requireCase(ctx, principal, clientId, 'case.read_clinical');
  const rows = await repo.recordsForCase(ctx.db.kysely, c.caseCode);
  const key = rows.length ? await clientKey(ctx, ctx.db.kysely, clientId, 'clinical') : null;
  const drafts = await repo.draftsForCase(ctx.db.kysely, c.caseCode);
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'sharing.list', targetType: 'client', targetId: clientId, caseCode: c.caseCode, purpose: 'anonymisation', details: { records: rows.length, drafts: drafts.length } });
  return {
    records: rows.map((r) => toRecord(ctx, key as Buffer, c, r)),
    drafts: drafts.map((d) => ({ id: d.id, createdAt: d.created_at, updatedAt: d.updated_at, parts: (JSON.parse(d.parts) as unknown[]).length, changes: d.span_count, pending: d.pending_count })),
  };
}

/** One sharing record with the text exactly as shared; `download` marks a PDF being produced. */
export async function getSharingRecord(ctx: AppContext, principal: Principal, recordId: string, download = false): Promise<SharingRecord & { text: string; textIntact: boolean }> {
  const r = await repo.recordById(ctx.db.kysely, recordId);
  if (!r) throw notFound('sharing record');
  const c = await requireCaseByCode(ctx, principal, r.case_code, 'case.read_clinical');
  const key = await clientKey(ctx, ctx.db.kysely, c.clientId, 'clinical');
  const text = ctx.vault.decrypt(key, r.text_enc, recordRef(c.clientId, r.id, 'text'));
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: download ? 'sharing.download' : 'sharing.read', targetType: 'sharing_record', targetId: r.id, caseCode: c.caseCode, purpose: r.recipient_kind });
  return { ...toRecord(ctx, key, c, r), text, textIntact: macOf(caseSecret(key), text) === r.text_mac };
}
