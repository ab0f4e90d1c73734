import { type Principal, can } from '../../core/access.js';
import { conflict, erased, forbidden, invalidInput, notFound } from '../../core/errors.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { type Tx, writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { userById } from '../auth/auth.repository.js';
import { caseForClient, facts } from '../clients/clients.repository.js';
import * as repo from './caseload.repository.js';
import { NEEDS_REVIEW, flagForReview, requireSecondAdminOrReview } from '../staff/access-review.service.js';
import { type CaseloadMove, type MovedClient, REASSIGN_REASONS, type ReassignReason, TARGET_MESSAGES, countByStatus, targetRefusal } from './caseload.js';

const actor = (p: Principal) => ({ id: p.userId, roles: p.roles });

function reasonOf(value: unknown): ReassignReason {
  if (typeof value !== 'string' || !REASSIGN_REASONS.includes(value as ReassignReason)) throw invalidInput('reason', `expected one of ${REASSIGN_REASONS.join(', ')}`);
  return value as ReassignReason;
}

/** Only admins move care. The refusal is audited, like every refused staff action. */
async function requireAdmin(ctx: AppContext, principal: Principal, targetType: 'client' | 'user', targetId: string): Promise<void> {
  if (can(principal, 'case.reassign')) return;
  await recordAudit(ctx.db, ctx.clock, actor(principal), { action: 'case.reassign', targetType, targetId, outcome: 'denied', details: { reason: 'not_admin' } });
  throw forbidden('Only an admin can move clients to another practitioner.');
}

/** The new practitioner, checked inside the transaction: active, in this practice, a practitioner. */
async function requireTarget(trx: Tx, principal: Principal, toUserId: string, current: string | null): Promise<void> {
  const refused = targetRefusal(await userById(trx, toUserId), principal.practiceId, current);
  if (refused) throw invalidInput('toUserId', TARGET_MESSAGES[refused]);
}

/**
 * Move one client, reading who holds them now inside the transaction so the audit's "from" is true.
 * A move to the admin making it was allowed only because no other admin could make it for them
 * (requireSecondAdminOrReview), so it is kept for review and the client's access history says so.
 */
async function moveOne(ctx: AppContext, trx: Tx, principal: Principal, c: { clientId: string; caseCode: string }, from: string | null, to: string, reason: ReassignReason): Promise<void> {
  if ((await repo.moveClient(trx, c.clientId, from, to)) === 0) throw conflict('Someone else moved this client just now. Reload to see who holds them.');
  const toSelf = to === principal.userId;
  const seq = await appendAudit(trx, ctx.clock, actor(principal), {
    action: 'case.reassign', targetType: 'client', targetId: c.clientId, caseCode: c.caseCode, purpose: toSelf ? NEEDS_REVIEW : undefined,
    details: { fromUserId: from, toUserId: to, reason, ...(toSelf ? { needsReview: true } : {}) },
  });
  if (toSelf) await flagForReview(ctx, trx, principal, { kind: 'self_reassign', auditSeq: seq, clientId: c.clientId, caseCode: c.caseCode });
}

export interface ClientMove {
  clientId: string;
  caseCode: string;
  fromUserId: string | null;
  toUserId: string;
  reason: ReassignReason;
}

/**
 * Move one client's care to a colleague. The previous practitioner loses access at once (their
 * next request answers 404, as for any record they never held); the new one sees every note.
 * With `fromUserId`, the move happens only if that colleague still holds the client.
 */
export async function reassignClient(ctx: AppContext, principal: Principal, clientId: string, toUserId: string, reasonIn: unknown, opts: { fromUserId?: string } = {}): Promise<ClientMove> {
  const reason = reasonOf(reasonIn);
  await requireAdmin(ctx, principal, 'client', clientId);
  if (toUserId === principal.userId) await requireSecondAdminOrReview(ctx, ctx.db.kysely, principal, 'self_reassign', { type: 'client', id: clientId });
  return writeTx(ctx.db, async (trx) => {
    const c = await caseForClient(trx, clientId);
    if (!c || !can(principal, 'case.reassign', facts(c))) throw notFound('client');
    if (c.erasedAt) throw erased();
    // Whoever asks with the practitioner they saw gets a clear answer if that is no longer true.
    if (opts.fromUserId !== undefined && opts.fromUserId !== c.practitionerId) throw invalidInput('fromUserId', 'This client is not held by that colleague (any more). Check who holds them now.');
    await requireTarget(trx, principal, toUserId, c.practitionerId);
    await moveOne(ctx, trx, principal, c, c.practitionerId, toUserId, reason);
    return { clientId, caseCode: c.caseCode, fromUserId: c.practitionerId, toUserId, reason };
  });
}

/**
 * Move every client a colleague holds (open ones; closed ones too when asked) to another, in one
 * transaction: all move or none do. Erased clients stay where they are. The colleague may be
 * disabled already; that is the usual case when someone has left.
 */
export async function reassignCaseload(ctx: AppContext, principal: Principal, fromUserId: string, toUserId: string, reasonIn: unknown, opts: { includeClosed?: boolean } = {}): Promise<CaseloadMove> {
  const reason = reasonOf(reasonIn);
  await requireAdmin(ctx, principal, 'user', fromUserId);
  if (toUserId === principal.userId) await requireSecondAdminOrReview(ctx, ctx.db.kysely, principal, 'self_reassign', { type: 'user', id: fromUserId });
  return writeTx(ctx.db, async (trx) => {
    const from = await userById(trx, fromUserId);
    if (!from || from.practiceId !== principal.practiceId) throw invalidInput('fromUserId', TARGET_MESSAGES.unknown);
    if (fromUserId === toUserId) throw invalidInput('toUserId', 'Choose a different colleague: clients cannot move to the practitioner who holds them.');
    await requireTarget(trx, principal, toUserId, fromUserId);
    const held = await repo.heldClients(trx, principal.practiceId, fromUserId);
    const moving: MovedClient[] = held.filter((c) => opts.includeClosed || c.status === 'open');
    for (const c of moving) await moveOne(ctx, trx, principal, c, fromUserId, toUserId, reason);
    return {
      fromUserId, toUserId, reason, moved: moving, counts: countByStatus(moving),
      remaining: countByStatus(held.filter((c) => !moving.includes(c))),
    };
  });
}
