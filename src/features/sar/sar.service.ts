import type { Action, Principal } from '../../core/access.js';
import { can } from '../../core/access.js';
import { conflict, invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase, requireCaseByCode } from '../clients/case-access.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { civilDateIn } from '../deadlines/civil-date.js';
import { getPractice } from '../practice/practice.service.js';
import { detectRight } from '../rights/rights.detect.js';
import { sealerFor, toRequest } from './sar.codec.js';
import * as repo from './sar.repository.js';
import {
  type ProcessNoteChoice, type RequestStatus, type SarRequest, type VerificationMethod, OPEN_STATUSES, PROCESS_NOTE_CHOICES, VERIFICATION_METHODS,
  checkDate, checkExtension, checkFee, checkRight, deadlineFor, regimeFor,
} from './sar.js';

export async function practiceToday(ctx: AppContext): Promise<{ today: string; timeZone: string; jurisdiction: string }> {
  const p = await getPractice(ctx);
  if (!p) throw notFound('practice');
  return { today: civilDateIn(ctx.clock.now(), p.timeZone), timeZone: p.timeZone, jurisdiction: p.jurisdiction };
}

/** Load a request through the one door to its case; unknown and not-yours look the same. */
export async function loadRequest(ctx: AppContext, principal: Principal, id: string, action: Action): Promise<{ row: repo.RequestRow; c: CaseRow }> {
  const row = await repo.requestById(ctx.db.kysely, id);
  if (!row || row.practice_id !== principal.practiceId) throw notFound('request');
  const c = await requireCaseByCode(ctx, principal, row.case_code, action);
  return { row, c };
}

export interface OpenInput {
  clientId: string;
  right?: string;
  receivedOn?: string;
  receivedAt?: string;
  message?: string;
}

export async function openRequest(ctx: AppContext, principal: Principal, input: OpenInput): Promise<SarRequest> {
  const { today, timeZone, jurisdiction } = await practiceToday(ctx);
  const detection = input.message ? detectRight(input.message) : null;
  const right = checkRight(input.right ?? (detection && detection.right !== 'none' ? detection.right : undefined));
  const receivedOn = input.receivedOn !== undefined ? checkDate(input.receivedOn, 'receivedOn') : input.receivedAt ? civilDateIn(input.receivedAt, timeZone) : today;
  if (receivedOn > today) throw invalidInput('receivedOn', 'The request cannot arrive in the future.');
  const regime = regimeFor(jurisdiction);
  const c = await requireCase(ctx, principal, input.clientId, 'case.write_clinical');
  const { due, extendedDue } = deadlineFor(right, regime, jurisdiction, receivedOn);
  const id = newId();
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    const s = await sealerFor(ctx, trx, c);
    await repo.insertRequest(trx, {
      id, practice_id: principal.practiceId, case_code: c.caseCode, right, regime, jurisdiction, received_on: receivedOn, clock_start_on: receivedOn,
      due_on: due, extended_due_on: extendedDue, extended: 0, extension_told_on: null, extension_reason_enc: null, status: 'awaiting_verification',
      verification_method: null, verified_on: null, verified_by: null, verification_note_enc: null, fee_cents: 0, fee_reason: null,
      message_enc: input.message ? s.seal(id, 'message', JSON.stringify({ text: input.message, cues: detection?.cues ?? [] })) : null,
      detected_right: detection?.right ?? null, detected_confidence: detection ? Math.round(detection.confidence * 1000) : null,
      process_notes: 'default', exemption_enc: null, outcome_enc: null, delivered_channel: null, delivered_on: null,
      created_by: principal.userId, created_at: at, updated_at: at, closed_at: null,
    });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'sar.open', targetType: 'sar_request', targetId: id, caseCode: c.caseCode, details: { right, regime, receivedOn, due } });
  });
  return getRequest(ctx, principal, id, false);
}

export async function getRequest(ctx: AppContext, principal: Principal, id: string, audit = true): Promise<SarRequest> {
  const { row, c } = await loadRequest(ctx, principal, id, 'case.read_clinical');
  if (audit) await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'sar.read', targetType: 'sar_request', targetId: id, caseCode: c.caseCode });
  return toRequest(ctx, row, c);
}

export interface RequestSummary {
  id: string;
  caseCode: string;
  clientId: string;
  right: string;
  regime: string;
  status: string;
  receivedOn: string;
  dueOn: string;
  /** Whether the caller can open it (the register's keepers see requests they cannot open). */
  openable: boolean;
}

/** The register, ids and dates only (no vault needed); filtered by what the caller may see. */
export async function listRequests(ctx: AppContext, principal: Principal, opts: { openOnly?: boolean; clientId?: string } = {}): Promise<RequestSummary[]> {
  const rows = opts.openOnly ? await repo.openRequests(ctx.db.kysely, principal.practiceId, OPEN_STATUSES) : await repo.allRequests(ctx.db.kysely, principal.practiceId, 500);
  return rows
    .filter((r) => !opts.clientId || r.client_id === opts.clientId)
    .map((r) => ({ r, openable: can(principal, 'case.read_clinical', { practiceId: r.practice_id, practitionerId: r.practitioner_id, clientId: r.client_id }) }))
    .filter(({ openable }) => openable || can(principal, 'registers.read'))
    .map(({ r, openable }) => ({ id: r.id, caseCode: r.case_code, clientId: r.client_id, right: r.right, regime: r.regime, status: r.status, receivedOn: r.received_on, dueOn: r.extended ? r.extended_due_on : r.due_on, openable }));
}

async function change(ctx: AppContext, principal: Principal, id: string, action: string, fn: (r: SarRequest, c: CaseRow) => Promise<{ patch: Partial<repo.RequestRow>; details?: Record<string, string | number | boolean | null> }> | { patch: Partial<repo.RequestRow>; details?: Record<string, string | number | boolean | null> }): Promise<SarRequest> {
  const { row, c } = await loadRequest(ctx, principal, id, 'case.write_clinical');
  const current = await toRequest(ctx, row, c);
  const { patch, details } = await fn(current, c);
  await writeTx(ctx.db, async (trx) => {
    await repo.updateRequest(trx, id, { ...patch, updated_at: ctx.clock.now().toISOString() });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action, targetType: 'sar_request', targetId: id, caseCode: c.caseCode, details });
  });
  return getRequest(ctx, principal, id, false);
}

export interface Verification { method: string; on: string; note?: string; clockFromVerification?: boolean }

/**
 * Proof of identity, kept proportionate: method, date and who. Where identity was genuinely in
 * doubt and proof was asked for, the clock runs from the day it arrived.
 */
export async function verifyIdentity(ctx: AppContext, principal: Principal, id: string, v: Verification): Promise<SarRequest> {
  if (!VERIFICATION_METHODS.includes(v.method as VerificationMethod)) throw invalidInput('method', `expected one of ${VERIFICATION_METHODS.join(', ')}`);
  const on = checkDate(v.on, 'on');
  const { today } = await practiceToday(ctx);
  if (on > today) throw invalidInput('on', 'Verification cannot be dated in the future.');
  return change(ctx, principal, id, 'sar.verify', async (r, c) => {
    if (on < r.receivedOn) throw invalidInput('on', 'Verification is dated before the request arrived.');
    const s = await sealerFor(ctx, ctx.db.kysely, c);
    const start = v.clockFromVerification ? on : r.clockStartOn;
    const { due, extendedDue } = deadlineFor(r.right, r.regime, r.jurisdiction, start);
    return {
      patch: {
        verification_method: v.method, verified_on: on, verified_by: principal.userId, verification_note_enc: s.seal(id, 'verification_note', v.note?.trim() || null),
        status: r.status === 'awaiting_verification' ? 'in_progress' : r.status, clock_start_on: start, due_on: due, extended_due_on: extendedDue,
      },
      details: { method: v.method, on, clockStartOn: start },
    };
  });
}

export async function extendRequest(ctx: AppContext, principal: Principal, id: string, input: { reason: string; toldOn: string }): Promise<SarRequest> {
  return change(ctx, principal, id, 'sar.extend', async (r, c) => {
    checkExtension(r, input.reason ?? '', input.toldOn);
    const s = await sealerFor(ctx, ctx.db.kysely, c);
    return { patch: { extended: 1, extension_told_on: input.toldOn, extension_reason_enc: s.seal(id, 'extension_reason', input.reason.trim()) }, details: { toldOn: input.toldOn, extendedDue: r.extendedDueOn } };
  });
}

export async function setFee(ctx: AppContext, principal: Principal, id: string, input: { feeCents: number; feeReason?: string | null }): Promise<SarRequest> {
  return change(ctx, principal, id, 'sar.fee', (r) => {
    checkFee(r.regime, input.feeCents, input.feeReason);
    return { patch: { fee_cents: input.feeCents, fee_reason: input.feeCents ? input.feeReason ?? null : null }, details: { feeCents: input.feeCents, feeReason: input.feeReason ?? null } };
  });
}

/** UK: exclude process notes only with a recorded exemption. HIPAA: include them only by choice. */
export async function setProcessNotes(ctx: AppContext, principal: Principal, id: string, input: { choice: string; exemption?: string | null }): Promise<SarRequest> {
  if (!PROCESS_NOTE_CHOICES.includes(input.choice as ProcessNoteChoice)) throw invalidInput('choice', `expected one of ${PROCESS_NOTE_CHOICES.join(', ')}`);
  return change(ctx, principal, id, 'sar.process_notes', async (r, c) => {
    const exemption = input.exemption?.trim() || null;
    if (r.regime === 'uk-gdpr' && input.choice === 'exclude' && !exemption) {
      throw invalidInput('exemption', 'In the UK process notes are part of the record: record the exemption (e.g. DPA 2018 Sch.3 serious harm) to withhold them.');
    }
    const s = await sealerFor(ctx, ctx.db.kysely, c);
    return { patch: { process_notes: input.choice, exemption_enc: s.seal(id, 'exemption', exemption) }, details: { choice: input.choice, exemptionRecorded: Boolean(exemption) } };
  });
}

const CLOSING: readonly RequestStatus[] = ['completed', 'refused', 'withdrawn'];

export async function closeRequest(ctx: AppContext, principal: Principal, id: string, status: string): Promise<SarRequest> {
  if (!CLOSING.includes(status as RequestStatus)) throw invalidInput('status', `expected one of ${CLOSING.join(', ')}`);
  return change(ctx, principal, id, `sar.${status}`, (r) => {
    if (CLOSING.includes(r.status)) throw conflict('This request is already closed.');
    return { patch: { status, closed_at: ctx.clock.now().toISOString() }, details: { status } };
  });
}

export const DELIVERY_CHANNELS = ['portal', 'secure_email', 'post', 'in_person', 'encrypted_media'] as const;

export async function recordDelivery(ctx: AppContext, principal: Principal, id: string, input: { channel: string; on: string }): Promise<SarRequest> {
  if (!DELIVERY_CHANNELS.includes(input.channel as (typeof DELIVERY_CHANNELS)[number])) throw invalidInput('channel', `expected one of ${DELIVERY_CHANNELS.join(', ')}`);
  const on = checkDate(input.on, 'on');
  return change(ctx, principal, id, 'sar.deliver', (r) => {
    if (on < r.receivedOn) throw invalidInput('on', 'Delivery is dated before the request arrived.');
    return { patch: { delivered_channel: input.channel, delivered_on: on, status: 'completed', closed_at: ctx.clock.now().toISOString() }, details: { channel: input.channel, on, late: on > r.currentDueOn } };
  });
}
