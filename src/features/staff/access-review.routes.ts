import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, idParams, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { REVIEW_KINDS } from './access-review.js';
import { acknowledgeReview, listAccessReviews } from './access-review.service.js';

const review = obj({
  id: str(), kind: strEnum(REVIEW_KINDS), actorId: str(), actorName: nullable(str()), clientId: nullable(str()), caseCode: nullable(str()),
  roles: arr(str()), auditSeq: int(), at: str(), reviewedAt: nullable(str()), reviewedBy: nullable(str()),
});

/** Steps an admin took alone that reach clients' records, for a second person to review (admins only). Ids and case codes, never names of clients. */
export async function accessReviewRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/access-reviews', {
    schema: {
      summary: 'Steps taken alone that need review: an admin giving themselves a role, or moving a client to themselves, where no other admin could (admins only)',
      querystring: obj({ open: strEnum(['true', 'false']) }, ['open']),
      response: { 200: arr(review) },
    },
  }, async (req) => listAccessReviews(ctx, principal(req), { open: (req.query as { open?: string }).open === 'true' }));

  app.post('/api/access-reviews/:id/acknowledge', {
    schema: { summary: 'Record that you have reviewed a step a colleague took alone (not your own)', params: idParams, body: obj({}), response: { 200: review } },
  }, async (req) => acknowledgeReview(ctx, principal(req), (req.params as { id: string }).id));
}
