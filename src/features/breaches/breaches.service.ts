/**
 * Recording a breach and everything that follows it: who is affected, containment, the risk
 * assessment, notifications and closing. Every change is audited with ids and counts only.
 */
import { type Principal, can } from '../../core/access.js';
import { conflict, forbidden, invalidInput } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import { BREACH_KINDS, type Breach, type BreachKind, SCOPES, checkCategories, checkEnum, checkInstant, checkText, regimeFor } from './breaches.js';
import { practiceOf, requireAction, requireBreach, seal } from './breach-access.js';
import { type WithClocks, toBreach } from './breach-view.js';
import { checkAssessment, type AssessmentInput } from './risk.js';
import * as repo from './breaches.repository.js';

export interface NewBreach {
  kind: string;
  summary: string;
  reportedBy: string;
  occurredAt: string;
  discoveredAt: string;
  categories: string[];
  scope?: { kind: string; practitionerId?: string };
  clientIds?: string[];
  containment?: { at: string; text: string }[];
  auditSeq?: number | null;
}

/**
 * The cases a breach reaches. A practitioner names only their own clients: a colleague's client
 * is answered exactly like a client that does not exist, and rules that reach beyond their own
 * caseload (a colleague's, the open cases, every case) are for the register's keepers.
 */
export async function resolveAffected(ctx: AppContext, p: Principal, scope: NewBreach['scope'], clientIds: string[] | undefined) {
  const kind = checkEnum(scope?.kind ?? 'manual', SCOPES, 'scope.kind');
  if (kind === 'practitioner' && !scope?.practitionerId) throw invalidInput('scope.practitionerId', 'Name the practitioner whose caseload was on the device.');
  const ownCaseload = kind === 'practitioner' && scope?.practitionerId === p.userId;
  if (kind !== 'manual' && !ownCaseload && !can(p, 'breach.manage')) {
    throw forbidden("Only an admin or the data-protection officer can record a breach across the practice or a colleague's caseload. Name your own clients, or your own caseload.");
  }
  const fromScope = kind === 'manual' ? [] : await repo.casesInScope(ctx.db.kysely, p.practiceId, { kind, practitionerId: scope?.practitionerId });
  const named = (await repo.casesByClientIds(ctx.db.kysely, p.practiceId, clientIds ?? []))
    .filter((c) => can(p, 'case.name_in_breach', { practiceId: p.practiceId, practitionerId: c.practitionerId }))
    .map(({ clientId, caseCode }) => ({ clientId, caseCode }));
  if (named.length !== new Set(clientIds ?? []).size) throw invalidInput('clientIds', 'One or more of those clients is not in this practice.');
  const byClient = new Map([...fromScope, ...named].map((c) => [c.clientId, c]));
  const scopeText = kind === 'practitioner' ? `practitioner:${scope?.practitionerId}` : kind;
  return { scopeText, cases: [...byClient.values()] };
}

export async function reportBreach(ctx: AppContext, p: Principal, input: NewBreach): Promise<WithClocks<Breach>> {
  requireAction(p, 'breach.report');
  const practice = await practiceOf(ctx, p);
  const now = ctx.clock.now().toISOString();
  const kind = checkEnum(input.kind, BREACH_KINDS, 'kind') as BreachKind;
  const summary = checkText(input.summary, 'summary');
  const reportedBy = checkText(input.reportedBy, 'reportedBy', 200);
  const occurredAt = checkInstant(input.occurredAt, 'occurredAt', now);
  const discoveredAt = checkInstant(input.discoveredAt, 'discoveredAt', now);
  if (discoveredAt < occurredAt) throw invalidInput('discoveredAt', 'The breach cannot have been discovered before it happened.');
  const categories = checkCategories(input.categories);
  const steps = (input.containment ?? []).map((s, i) => ({ at: checkInstant(s.at, `containment.${i}.at`, now), text: checkText(s.text, `containment.${i}.text`, 5000) }));
  const { scopeText, cases } = await resolveAffected(ctx, p, input.scope, input.clientIds);
  const id = newId();
  await writeTx(ctx.db, async (trx) => {
    const year = discoveredAt.slice(0, 4);
    const reference = `B-${year}-${String((await repo.countInYear(trx, p.practiceId, year)) + 1).padStart(4, '0')}`;
    await repo.insertBreach(trx, {
      id, practice_id: p.practiceId, reference, regime: regimeFor(practice.jurisdiction), kind,
      summary_enc: seal(ctx, summary, 'breaches', id, 'summary'), reporter_enc: seal(ctx, reportedBy, 'breaches', id, 'reporter'),
      occurred_at: occurredAt, discovered_at: discoveredAt, categories: categories.join(','), scope: scopeText, affected_count: 0,
      audit_seq: input.auditSeq ?? null, status: 'open', likelihood: null, severity: null, outcome: null, factors: null, reasoning_enc: null,
      assessed_at: null, assessed_by: null, created_at: now, created_by: p.userId, closed_at: null, closed_by: null,
    });
    const count = await repo.addAffected(trx, id, cases);
    await repo.updateBreach(trx, id, { affected_count: count });
    for (const s of steps) {
      const sid = newId();
      await repo.insertContainment(trx, { id: sid, breach_id: id, at: s.at, step_enc: seal(ctx, s.text, 'breach_containment', sid, 'step'), recorded_by: p.userId, created_at: now });
    }
    await appendAudit(trx, ctx.clock, actorOf(p), {
      action: 'breach.report', targetType: 'breach', targetId: id,
      details: { reference, kind, affected: count, scope: scopeText.split(':')[0], auditSeq: input.auditSeq ?? null },
    });
  });
  return getBreachUnaudited(ctx, p, id);
}

async function getBreachUnaudited(ctx: AppContext, p: Principal, id: string): Promise<WithClocks<Breach>> {
  const row = await repo.breachById(ctx.db.kysely, p.practiceId, id);
  return toBreach(ctx, row as repo.BreachRow);
}

export async function getBreach(ctx: AppContext, p: Principal, id: string): Promise<WithClocks<Breach>> {
  const row = await requireBreach(ctx, p, id);
  const b = await toBreach(ctx, row);
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: 'breach.read', targetType: 'breach', targetId: id });
  return b;
}

export async function changeAffected(ctx: AppContext, p: Principal, id: string, input: { clientIds?: string[]; scope?: NewBreach['scope']; remove?: string[] }): Promise<WithClocks<Breach>> {
  const row = await requireBreach(ctx, p, id);
  if (row.status === 'closed') throw conflict('This breach is closed.');
  const { cases } = await resolveAffected(ctx, p, input.scope ?? { kind: 'manual' }, input.clientIds);
  await writeTx(ctx.db, async (trx) => {
    for (const c of input.remove ?? []) await repo.removeAffected(trx, id, c);
    const count = await repo.addAffected(trx, id, cases);
    await repo.updateBreach(trx, id, { affected_count: count });
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'breach.affected', targetType: 'breach', targetId: id, details: { added: cases.length, removed: (input.remove ?? []).length, affected: count } });
  });
  return getBreachUnaudited(ctx, p, id);
}

export async function addContainment(ctx: AppContext, p: Principal, id: string, input: { at: string; text: string }): Promise<WithClocks<Breach>> {
  const row = await requireBreach(ctx, p, id);
  if (row.status === 'closed') throw conflict('This breach is closed.');
  const now = ctx.clock.now().toISOString();
  const at = checkInstant(input.at, 'at', now);
  const text = checkText(input.text, 'text', 5000);
  await writeTx(ctx.db, async (trx) => {
    const sid = newId();
    await repo.insertContainment(trx, { id: sid, breach_id: id, at, step_enc: seal(ctx, text, 'breach_containment', sid, 'step'), recorded_by: p.userId, created_at: now });
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'breach.contain', targetType: 'breach', targetId: id, details: { stepId: sid } });
  });
  return getBreachUnaudited(ctx, p, id);
}

export async function assessBreach(ctx: AppContext, p: Principal, id: string, input: AssessmentInput): Promise<WithClocks<Breach>> {
  const row = await requireBreach(ctx, p, id);
  if (row.status === 'closed') throw conflict('This breach is closed.');
  const a = checkAssessment(row.regime, input);
  const now = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    await repo.updateBreach(trx, id, {
      likelihood: a.likelihood, severity: a.severity, outcome: a.outcome, factors: a.factors ? JSON.stringify(a.factors) : null,
      reasoning_enc: seal(ctx, a.reasoning, 'breaches', id, 'reasoning'), assessed_at: now, assessed_by: p.userId,
    });
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'breach.assess', targetType: 'breach', targetId: id, details: { likelihood: a.likelihood, severity: a.severity, outcome: a.outcome } });
  });
  return getBreachUnaudited(ctx, p, id);
}
