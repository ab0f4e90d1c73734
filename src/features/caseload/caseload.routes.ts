import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, bool, idParams, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { REASSIGN_REASONS, type ReassignReason } from './caseload.js';
import { reassignCaseload, reassignClient } from './caseload.service.js';

const userId = str({ minLength: 1, maxLength: 100 });
const counts = obj({ open: int(), closed: int() });

/** Moving care between practitioners (admins only). Responses carry ids and case codes, never names. */
export async function caseloadRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/clients/:id/reassign', {
    schema: {
      summary: "Move one client's care to another practitioner (admins only); the previous practitioner loses access at once",
      params: idParams,
      // fromUserId, when given, is who the caller saw holding the client: the move happens only if that is still true.
      body: obj({ toUserId: userId, reason: strEnum(REASSIGN_REASONS), fromUserId: userId }, ['fromUserId']),
      response: { 200: obj({ clientId: str(), caseCode: str(), fromUserId: nullable(str()), toUserId: str(), reason: str() }) },
    },
  }, async (req) => {
    const body = req.body as { toUserId: string; reason: ReassignReason; fromUserId?: string };
    return reassignClient(ctx, principal(req), (req.params as { id: string }).id, body.toUserId, body.reason, { fromUserId: body.fromUserId });
  });

  app.post('/api/caseload/reassign', {
    schema: {
      summary: "Move a colleague's clients to another practitioner in one step (admins only): open clients, and closed ones when includeClosed is true",
      body: obj({ fromUserId: userId, toUserId: userId, reason: strEnum(REASSIGN_REASONS), includeClosed: bool() }, ['includeClosed']),
      response: {
        200: obj({
          fromUserId: str(), toUserId: str(), reason: str(),
          moved: arr(obj({ clientId: str(), caseCode: str(), status: strEnum(['open', 'closed']) })),
          counts, remaining: counts,
        }),
      },
    },
  }, async (req) => {
    const body = req.body as { fromUserId: string; toUserId: string; reason: ReassignReason; includeClosed?: boolean };
    return reassignCaseload(ctx, principal(req), body.fromUserId, body.toUserId, body.reason, { includeClosed: body.includeClosed });
  });
}
