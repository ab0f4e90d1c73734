/**
 * Steps someone took alone that reach clients' records: the check that refuses them where another
 * admin could act instead, the record kept where nobody else could, and the review by a second
 * person. Audited like every other staff action, with ids and codes only.
 */
import { type Principal, can } from '../../core/access.js';
import { conflict, forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { type Executor, type Tx, writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { displayNames, listUsers } from '../auth/auth.repository.js';
import { type AccessReview, type ReviewKind, SELF_STEP_REFUSED, selfStep } from './access-review.js';
import * as repo from './access-review.repository.js';

const actor = (p: Principal) => ({ id: p.userId, roles: p.roles });

/** Purpose written on the audit entry of a step taken alone, so the client's access history shows it. */
export const NEEDS_REVIEW = 'needs_review';

/**
 * May this person take a step for themselves that reaches clients' records? Refused (and the
 * refusal audited) when another active admin could take it for them; otherwise it goes ahead and
 * the caller records it for review. The operator at the command line holds the vault passphrase
 * and is no colleague, so this does not apply to them.
 */
export async function requireSecondAdminOrReview(ctx: AppContext, db: Executor, p: Principal, kind: ReviewKind, target: { type: 'client' | 'user'; id: string }): Promise<void> {
  if (p.roles.includes('operator')) return;
  if (selfStep(p.userId, await listUsers(db, p.practiceId)) === 'review') return;
  await recordAudit(ctx.db, ctx.clock, actor(p), { action: kind === 'self_reassign' ? 'case.reassign' : 'user.update', targetType: target.type, targetId: target.id, outcome: 'denied', details: { reason: 'needs_second_admin' } });
  throw forbidden(SELF_STEP_REFUSED[kind]);
}

/** Keep a step taken alone for a second person to review, beside its audit entry. */
export async function flagForReview(ctx: AppContext, trx: Tx, p: Principal, step: { kind: ReviewKind; auditSeq: number; clientId?: string; caseCode?: string; roles?: readonly string[] }): Promise<void> {
  await repo.insertReview(trx, {
    id: newId(), practice_id: p.practiceId, kind: step.kind, actor_id: p.userId, client_id: step.clientId ?? null, case_code: step.caseCode ?? null,
    roles: step.roles ? step.roles.join(',') : null, audit_seq: step.auditSeq, created_at: ctx.clock.now().toISOString(), reviewed_at: null, reviewed_by: null,
  });
}

const toReview = (r: repo.AccessReviewRow, names: Map<string, string>): AccessReview => ({
  id: r.id, kind: r.kind, actorId: r.actor_id, actorName: names.get(r.actor_id) ?? null, clientId: r.client_id, caseCode: r.case_code,
  roles: r.roles ? r.roles.split(',') : [], auditSeq: Number(r.audit_seq), at: r.created_at, reviewedAt: r.reviewed_at, reviewedBy: r.reviewed_by,
});

function requireReviewer(p: Principal): void {
  if (!can(p, 'staff.manage')) throw forbidden('Only an admin reviews steps taken alone.');
}

export async function listAccessReviews(ctx: AppContext, p: Principal, opts: { open?: boolean } = {}): Promise<AccessReview[]> {
  requireReviewer(p);
  const [rows, names] = await Promise.all([repo.listReviews(ctx.db.kysely, p.practiceId, opts), displayNames(ctx.db.kysely)]);
  return rows.map((r) => toReview(r, names));
}

/** Someone other than the person who took the step records that they have looked at it. */
export async function acknowledgeReview(ctx: AppContext, p: Principal, id: string): Promise<AccessReview> {
  requireReviewer(p);
  const row = await repo.reviewById(ctx.db.kysely, p.practiceId, id);
  if (!row) throw notFound('review');
  if (row.actor_id === p.userId) {
    await recordAudit(ctx.db, ctx.clock, actor(p), { action: 'access_review.acknowledge', targetType: 'access_review', targetId: id, outcome: 'denied', details: { reason: 'own_step' } });
    throw forbidden('Someone other than the person who took this step must review it.');
  }
  await writeTx(ctx.db, async (trx) => {
    if (!(await repo.markReviewed(trx, id, p.userId, ctx.clock.now().toISOString()))) throw conflict('Someone has already reviewed this.');
    await appendAudit(trx, ctx.clock, actor(p), { action: 'access_review.acknowledge', targetType: 'access_review', targetId: id, caseCode: row.case_code ?? undefined, details: { kind: row.kind, auditSeq: Number(row.audit_seq) } });
  });
  return toReview((await repo.reviewById(ctx.db.kysely, p.practiceId, id)) as repo.AccessReviewRow, await displayNames(ctx.db.kysely));
}
