/**
 * The one door to a request. A request linked to a client is the client's record: the case
 * policy decides (so "not yours" and "not there" are the same 404). A request not linked to
 * anyone belongs to whoever logged it (and to the vault operator at the command line).
 */
import { type Principal, can } from '../../core/access.js';
import { erased, notFound } from '../../core/errors.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCaseByCode } from '../clients/case-access.js';
import type { CaseRow } from '../clients/clients.repository.js';
import * as repo from './requests.repository.js';

export interface RequestScope {
  row: repo.RequestRow;
  /** The linked case, or null while no client is linked. */
  c: CaseRow | null;
  clientId: string | null;
}

export async function requireRequest(ctx: AppContext, principal: Principal, id: string, write: boolean): Promise<RequestScope> {
  const row = await repo.requestById(ctx.db.kysely, id);
  if (row && row.practice_id === principal.practiceId && row.case_code) {
    const c = await requireCaseByCode(ctx, principal, row.case_code, write ? 'case.write_clinical' : 'case.read_clinical');
    return { row, c, clientId: c.clientId };
  }
  const mine = row !== undefined && row.practice_id === principal.practiceId && !row.case_code
    && (row.created_by === principal.userId || principal.roles.includes('operator'));
  if (!mine) {
    await recordAudit(ctx.db, ctx.clock, actorOf(principal), {
      action: 'access.denied', targetType: 'request', targetId: id, outcome: 'denied', details: { attempted: write ? 'request.write' : 'request.read' },
    });
    throw notFound('request');
  }
  return { row, c: null, clientId: null };
}

/** Logging a request is a practitioner's (or the operator's) act. */
export function canLogRequests(principal: Principal): boolean {
  return can(principal, 'case.create');
}

export function assertLive(c: CaseRow | null): void {
  if (c?.erasedAt) throw erased();
}
