/**
 * The "do not inform the client" restriction. While it stands, the request, its decision and any
 * disclosure stay out of the client's own views and exports. Placing and lifting it are both
 * recorded, with the reason (encrypted) and who did it.
 */
import type { Principal } from '../../core/access.js';
import { newId } from '../../core/ids.js';
import { appendAudit } from '../../audit/audit.service.js';
import type { Tx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import type { Sealer } from './requests.keys.js';
import type { RequestRow } from './requests.repository.js';
import { updateRequest } from './requests.repository.js';
import { insertRestrictionEvent } from './workflow.repository.js';

export async function recordRestriction(ctx: AppContext, trx: Tx, principal: Principal, row: RequestRow, clinical: Sealer, on: boolean, reason: string): Promise<void> {
  const at = ctx.clock.now().toISOString();
  const eventId = newId();
  await updateRequest(trx, row.id, { restricted: on ? 1 : 0, updated_at: at });
  await insertRestrictionEvent(trx, { id: eventId, request_id: row.id, case_code: row.case_code, action: on ? 'restrict' : 'lift', reason_enc: clinical.seal('request_restriction_events', eventId, 'reason', reason), actor_id: principal.userId, at });
  await appendAudit(trx, ctx.clock, actorOf(principal), { action: on ? 'request.restrict' : 'request.restriction.lift', targetType: 'request', targetId: row.id, caseCode: row.case_code ?? undefined, details: { eventId } });
}
