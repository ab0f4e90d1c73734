import type { Principal } from '../../core/access.js';
import { newId } from '../../core/ids.js';
import { appendAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import { type NewSession, type TherapySession, checkSession } from './sessions.js';
import * as repo from './sessions.repository.js';

export async function addSession(ctx: AppContext, principal: Principal, clientId: string, input: NewSession): Promise<TherapySession> {
  const s = checkSession(input);
  const c = await requireCase(ctx, principal, clientId, 'case.write_clinical');
  const session: TherapySession = { id: newId(), caseCode: c.caseCode, createdAt: ctx.clock.now().toISOString(), ...s };
  await writeTx(ctx.db, async (trx) => {
    await repo.insertSession(trx, { ...session, createdBy: principal.userId });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'session.create', targetType: 'session', targetId: session.id, caseCode: c.caseCode });
  });
  return session;
}

export async function listSessions(ctx: AppContext, principal: Principal, clientId: string): Promise<TherapySession[]> {
  const c = await requireCase(ctx, principal, clientId, 'case.read_clinical');
  return repo.sessionsForCase(ctx.db.kysely, c.caseCode);
}
