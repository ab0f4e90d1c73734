/** Couple, family and group work: another client who took part in one of this client's sessions. */
import type { Principal } from '../../core/access.js';
import { conflict, invalidInput } from '../../core/errors.js';
import { appendAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import * as repo from './assembly.repository.js';

export const PARTICIPANT_ROLES = ['partner', 'family', 'group'] as const;

export async function addParticipant(ctx: AppContext, principal: Principal, clientId: string, input: { sessionId: string; participantClientId: string; role: string }): Promise<void> {
  if (!PARTICIPANT_ROLES.includes(input.role as (typeof PARTICIPANT_ROLES)[number])) throw invalidInput('role', `expected one of ${PARTICIPANT_ROLES.join(', ')}`);
  if (input.participantClientId === clientId) throw invalidInput('participantClientId', 'A client cannot be their own co-participant.');
  const c = await requireCase(ctx, principal, clientId, 'case.write_clinical');
  // The other participant must be someone this practitioner may see too.
  await requireCase(ctx, principal, input.participantClientId, 'case.read_identity');
  const s = await repo.sessionById(ctx.db.kysely, input.sessionId);
  if (!s || s.case_code !== c.caseCode) throw invalidInput('sessionId', 'No such session for this client.');
  await writeTx(ctx.db, async (trx) => {
    const existing = (await repo.participantsForCase(trx, c.caseCode)).some((p) => p.session_id === input.sessionId && p.client_id === input.participantClientId);
    if (existing) throw conflict('That client is already recorded for this session.');
    await repo.insertParticipant(trx, { session_id: input.sessionId, case_code: c.caseCode, client_id: input.participantClientId, role: input.role, created_at: ctx.clock.now().toISOString() });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'session.participant_add', targetType: 'session', targetId: input.sessionId, caseCode: c.caseCode, details: { participant: input.participantClientId, role: input.role } });
  });
}
