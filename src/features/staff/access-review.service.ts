/**
 * Steps someone took alone that reach clients' records: the check that refuses them where another
 * admin could act instead, the record kept where nobody else could, and the review by a second
 * person. Audited like every other staff action, with ids and codes only.
 */
import { type Principal, can } from '../../core/access.js';
import { conflict, forbidden, invalidInput, notFound } from '../../core/errors.js';
import { sealRef } from '../breaches/breach-access.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { type Executor, type Tx, writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { displayNames, listUsers } from '../auth/auth.repository.js';
import { type AccessReview, REVIEW_KINDS, type ReviewKind, SELF_STEPS, SELF_STEP_REFUSED, type Verdict, selfStep } from './access-review.js';
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
export async function requireSecondAdminOrReview(ctx: AppContext, db: Executor, p: Principal, kind: 'self_role_grant' | 'self_reassign', target: { type: 'client' | 'user'; id: string }): Promise<void> {
  if (p.roles.includes('operator')) return;
  if (selfStep(p.userId, await listUsers(db, p.practiceId)) === 'review') return;
  await recordAudit(ctx.db, ctx.clock, actor(p), { action: kind === 'self_reassign' ? 'case.reassign' : 'user.update', targetType: target.type, targetId: target.id, outcome: 'denied', details: { reason: 'needs_second_admin' } });
  throw forbidden(SELF_STEP_REFUSED[kind]);
}

/** Keep a step for a second person to review, beside its audit entry. */
export async function flagForReview(ctx: AppContext, trx: Tx, p: Principal, step: { kind: ReviewKind; auditSeq: number; clientId?: string; caseCode?: string; roles?: readonly string[]; breakGlassId?: string; requestId?: string }): Promise<void> {
  await repo.insertReview(trx, {
    id: newId(), practice_id: p.practiceId, kind: step.kind, actor_id: p.userId, client_id: step.clientId ?? null, case_code: step.caseCode ?? null,
    roles: step.roles ? step.roles.join(',') : null, audit_seq: step.auditSeq, created_at: ctx.clock.now().toISOString(), reviewed_at: null, reviewed_by: null,
    break_glass_id: step.breakGlassId ?? null, request_id: step.requestId ?? null, verdict: null, notes_enc: null,
  });
}

const notesRef = (id: string) => sealRef('access_reviews', id, 'notes');

const toReview = (ctx: AppContext, r: repo.AccessReviewRow, names: Map<string, string>): AccessReview => ({
  id: r.id, kind: r.kind, actorId: r.actor_id, actorName: names.get(r.actor_id) ?? null, clientId: r.client_id, caseCode: r.case_code,
  roles: r.roles ? r.roles.split(',') : [], auditSeq: Number(r.audit_seq), at: r.created_at, reviewedAt: r.reviewed_at, reviewedBy: r.reviewed_by,
  reviewedByName: r.reviewed_by ? (names.get(r.reviewed_by) ?? null) : null, breakGlassId: r.break_glass_id, requestId: r.request_id,
  verdict: r.verdict, notes: r.notes_enc ? ctx.vault.decryptSystem(r.notes_enc, notesRef(r.id)) : null,
});

/** Which kinds this person reviews: every kind for a clinical lead or the data-protection officer, steps taken alone for an admin. */
function kindsFor(p: Principal): readonly ReviewKind[] {
  if (can(p, 'review.work')) return REVIEW_KINDS;
  if (can(p, 'staff.manage')) return SELF_STEPS;
  throw forbidden('Only an admin, a clinical lead or the data-protection officer reviews these.');
}

export async function listAccessReviews(ctx: AppContext, p: Principal, opts: { open?: boolean } = {}): Promise<AccessReview[]> {
  const kinds = kindsFor(p);
  const [rows, names] = await Promise.all([repo.listReviews(ctx.db.kysely, p.practiceId, { ...opts, kinds }), displayNames(ctx.db.kysely)]);
  return rows.map((r) => toReview(ctx, r, names));
}

/**
 * Someone other than the person who took the step records that they have looked at it: for an
 * emergency access or a decision against advice, whether it was appropriate, with notes. One
 * conditional update, so two reviewers cannot both record a review.
 */
export async function acknowledgeReview(ctx: AppContext, p: Principal, id: string, verdict?: { verdict: Verdict; notes: string }): Promise<AccessReview> {
  const kinds = kindsFor(p);
  const row = await repo.reviewById(ctx.db.kysely, p.practiceId, id);
  if (!row || !kinds.includes(row.kind)) throw notFound('review');
  if (row.actor_id === p.userId) {
    await recordAudit(ctx.db, ctx.clock, actor(p), { action: 'access_review.acknowledge', targetType: 'access_review', targetId: id, outcome: 'denied', details: { reason: 'own_step' } });
    throw forbidden('Someone other than the person who took this step must review it.');
  }
  const needsVerdict = !SELF_STEPS.includes(row.kind);
  if (needsVerdict && !verdict) throw invalidInput('verdict', 'Say whether this was appropriate, with your notes.');
  const notes = verdict?.notes.trim() ?? '';
  if (verdict && !notes) throw invalidInput('notes', 'Write a note on why you reached this view.');
  await writeTx(ctx.db, async (trx) => {
    const at = ctx.clock.now().toISOString();
    const notesEnc = verdict ? ctx.vault.encryptSystem(notes, notesRef(id)) : null;
    if (!(await repo.markReviewed(trx, id, p.userId, at, verdict?.verdict ?? 'acknowledged', notesEnc))) throw conflict('Someone has already reviewed this.');
    await appendAudit(trx, ctx.clock, actor(p), {
      action: 'access_review.acknowledge', targetType: 'access_review', targetId: id, caseCode: row.case_code ?? undefined,
      details: { kind: row.kind, auditSeq: Number(row.audit_seq), verdict: verdict?.verdict ?? 'acknowledged', ...(row.break_glass_id ? { breakGlassId: row.break_glass_id } : {}) },
    });
  });
  return toReview(ctx, (await repo.reviewById(ctx.db.kysely, p.practiceId, id)) as repo.AccessReviewRow, await displayNames(ctx.db.kysely));
}
