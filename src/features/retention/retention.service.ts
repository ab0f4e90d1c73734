/** The practice's retention policy, the disposal schedule, the review queue and legal holds. */
import type { Principal } from '../../core/access.js';
import { can } from '../../core/access.js';
import { conflict, forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import { caseByCode } from '../clients/clients.repository.js';
import { decryptIdentity } from '../clients/clients.service.js';
import { getPractice } from '../practice/practice.service.js';
import { type Hold, HOLD_KINDS, holdRef, holdsByCase } from './holds.js';
import { type DisposalDate, type PolicyInput, type PracticePolicy, checkPolicyInput, defaultPolicy, disposalDate } from './retention.js';
import { checkEnum, checkText } from '../breaches/breaches.js';
import * as repo from './retention.repository.js';

export function requireRetention(p: Principal): void {
  if (!can(p, 'retention.manage')) throw forbidden('Only the practice administrator or data-protection officer manages retention.');
}

async function jurisdictionOf(ctx: AppContext, p: Principal): Promise<string> {
  const practice = await getPractice(ctx);
  if (!practice || practice.id !== p.practiceId) throw notFound('practice');
  return practice.jurisdiction;
}

export async function currentPolicy(ctx: AppContext, practiceId: string, jurisdiction: string): Promise<PracticePolicy> {
  const row = await repo.policyRow(ctx.db.kysely, practiceId, jurisdiction);
  const d = defaultPolicy(jurisdiction);
  if (!row) return d;
  return {
    ...d, adultYears: row.adult_years, minorUntilBirthday: row.minor_until_birthday, minorUntilBirthdayAt17: row.minor_until_birthday_at_17,
    processNotesYears: row.process_notes_years, reason: row.reason, isDefault: row.reason === null, updatedBy: row.updated_by, updatedAt: row.updated_at,
  };
}

export async function getPolicy(ctx: AppContext, p: Principal): Promise<{ policy: PracticePolicy; defaults: PracticePolicy }> {
  requireRetention(p);
  const j = await jurisdictionOf(ctx, p);
  return { policy: await currentPolicy(ctx, p.practiceId, j), defaults: defaultPolicy(j) };
}

export async function setPolicy(ctx: AppContext, p: Principal, input: PolicyInput): Promise<PracticePolicy> {
  requireRetention(p);
  const j = await jurisdictionOf(ctx, p);
  const checked = checkPolicyInput(j, input);
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    await repo.savePolicy(trx, {
      practice_id: p.practiceId, jurisdiction: j, base_policy: checked.basePolicy, adult_years: checked.adultYears, minor_until_birthday: checked.minorUntilBirthday,
      minor_until_birthday_at_17: checked.minorUntilBirthdayAt17, process_notes_years: checked.processNotesYears, reason: checked.reason, updated_by: p.userId, updated_at: at,
    });
    await appendAudit(trx, ctx.clock, actorOf(p), {
      action: 'retention.policy', targetType: 'retention_policy', targetId: j,
      details: { adultYears: checked.adultYears, minorUntilBirthday: checked.minorUntilBirthday, minorUntilBirthdayAt17: checked.minorUntilBirthdayAt17, processNotesYears: checked.processNotesYears, isDefault: checked.isDefault },
    });
  });
  return { ...checked, updatedBy: p.userId, updatedAt: at };
}

export interface ScheduledCase extends DisposalDate {
  caseCode: string;
  clientId: string;
  lastContact: string;
  lastContactFrom: 'session' | 'case_closed';
  dateOfBirthKnown: boolean;
  due: boolean;
  processNotesDue: boolean;
  holds: Hold[];
}

/**
 * Every closed case with its disposal date. Dates of birth are read from the identity (the only
 * decryption); nothing identifying is returned — the schedule speaks in case codes.
 */
export async function disposalSchedule(ctx: AppContext, p: Principal): Promise<{ policy: PracticePolicy; today: string; cases: ScheduledCase[] }> {
  requireRetention(p);
  const j = await jurisdictionOf(ctx, p);
  const policy = await currentPolicy(ctx, p.practiceId, j);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const holds = await holdsByCase(ctx, p.practiceId);
  const out: ScheduledCase[] = [];
  for (const c of await repo.closedCases(ctx.db.kysely, p.practiceId, today)) {
    const row = await caseByCode(ctx.db.kysely, c.caseCode);
    const born = row ? ((await decryptIdentity(ctx, row)).dob ?? null) : null;
    const lastContact = c.lastSession ?? c.closedAt.slice(0, 10);
    const d = disposalDate(policy, { born, lastContact });
    out.push({
      caseCode: c.caseCode, clientId: c.clientId, lastContact, lastContactFrom: c.lastSession ? 'session' : 'case_closed', dateOfBirthKnown: born !== null, ...d,
      due: d.retainUntil <= today, processNotesDue: d.processNotesUntil !== null && d.processNotesUntil <= today, holds: holds.get(c.caseCode) ?? [],
    });
  }
  out.sort((a, b) => a.retainUntil.localeCompare(b.retainUntil));
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: 'retention.schedule', targetType: 'retention', details: { cases: out.length } });
  return { policy, today, cases: out };
}

/** Cases whose date has come (whole record or process notes), held or not: holds are shown with their reasons. */
export async function reviewQueue(ctx: AppContext, p: Principal): Promise<ScheduledCase[]> {
  return (await disposalSchedule(ctx, p)).cases.filter((c) => c.due || c.processNotesDue);
}

export async function placeHold(ctx: AppContext, p: Principal, input: { caseCode: string; kind: string; reason: string }): Promise<{ id: string }> {
  requireRetention(p);
  const kind = checkEnum(input.kind, HOLD_KINDS, 'kind');
  const reason = checkText(input.reason, 'reason', 2000);
  const c = await caseByCode(ctx.db.kysely, input.caseCode);
  if (!c || c.practiceId !== p.practiceId) throw notFound('case');
  const id = newId();
  await writeTx(ctx.db, async (trx) => {
    await repo.insertHold(trx, { id, practice_id: p.practiceId, case_code: c.caseCode, kind, reason_enc: ctx.vault.encryptSystem(reason, holdRef(id)), placed_by: p.userId, placed_at: ctx.clock.now().toISOString(), released_at: null, released_by: null });
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'retention.hold', targetType: 'legal_hold', targetId: id, caseCode: c.caseCode, details: { kind } });
  });
  return { id };
}

export async function releaseHold(ctx: AppContext, p: Principal, id: string): Promise<void> {
  requireRetention(p);
  const h = await repo.holdById(ctx.db.kysely, p.practiceId, id);
  if (!h) throw notFound('hold');
  await writeTx(ctx.db, async (trx) => {
    if (!(await repo.releaseHold(trx, id, p.userId, ctx.clock.now().toISOString()))) throw conflict('That hold was already released.');
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'retention.release', targetType: 'legal_hold', targetId: id, caseCode: h.case_code, details: { kind: h.kind } });
  });
}

export async function listHolds(ctx: AppContext, p: Principal, caseCode?: string): Promise<(Hold & { caseCode: string })[]> {
  requireRetention(p);
  const all = await holdsByCase(ctx, p.practiceId);
  return [...all].filter(([c]) => !caseCode || c === caseCode).flatMap(([c, hs]) => hs.map((h) => ({ ...h, caseCode: c })));
}

/**
 * Cases a hold can be placed on: open ones too, since litigation or an investigation can start
 * while the work goes on, and closed ones, since confidentiality outlives the work.
 */
export async function holdableCases(ctx: AppContext, p: Principal): Promise<{ caseCode: string; status: string }[]> {
  requireRetention(p);
  return repo.heldCases(ctx.db.kysely, p.practiceId);
}
