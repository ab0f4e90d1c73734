import { type Action, type Principal, can, caseBasis } from '../../core/access.js';
import { erased, notFound } from '../../core/errors.js';
import { recordAudit, recordRead } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import * as repo from './clients.repository.js';

/**
 * The one door to a client's case. Not-yours and not-there are the same 404, and every refusal
 * is written to the audit log with what was attempted. Call it before opening a write
 * transaction: the refusal is recorded in a transaction of its own.
 */
export async function requireCase(ctx: AppContext, principal: Principal, clientId: string, action: Action): Promise<repo.CaseRow> {
  const c = await repo.caseForClient(ctx.db.kysely, clientId);
  return checkCase(ctx, principal, c, action, clientId);
}

export async function requireCaseByCode(ctx: AppContext, principal: Principal, caseCode: string, action: Action): Promise<repo.CaseRow> {
  const c = await repo.caseByCode(ctx.db.kysely, caseCode);
  return checkCase(ctx, principal, c, action, caseCode);
}

async function checkCase(ctx: AppContext, principal: Principal, c: repo.CaseRow | undefined, action: Action, asked: string): Promise<repo.CaseRow> {
  if (!c || !can(principal, action, repo.facts(c))) {
    await recordAudit(ctx.db, ctx.clock, { id: principal.userId, roles: principal.roles }, {
      action: 'access.denied',
      targetType: 'client',
      targetId: c?.clientId ?? asked,
      caseCode: c?.caseCode,
      outcome: 'denied',
      details: { attempted: action },
    });
    throw notFound('client');
  }
  if (c.erasedAt) throw erased();
  // Emergency access: each use is written beside the read itself, with the access's id, so the
  // review and the client's access history show exactly what was opened while it lasted.
  const basis = caseBasis(principal, repo.facts(c));
  if (basis?.kind === 'break_glass') {
    recordRead(ctx, actorOf(principal), { action: 'break_glass.read', targetType: 'client', targetId: c.clientId, caseCode: c.caseCode, purpose: 'break_glass', details: { breakGlassId: basis.id, attempted: action } });
  }
  return c;
}

export const actorOf = (p: Principal) => ({ id: p.userId, roles: p.roles });
