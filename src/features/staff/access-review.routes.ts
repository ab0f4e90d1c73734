import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, idParams, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { REVIEW_KINDS, VERDICTS, type Verdict } from './access-review.js';
import { acknowledgeReview, listAccessReviews } from './access-review.service.js';

const review = obj({
  id: str(), kind: strEnum(REVIEW_KINDS), actorId: str(), actorName: nullable(str()), clientId: nullable(str()), caseCode: nullable(str()),
  roles: arr(str()), auditSeq: int(), at: str(), reviewedAt: nullable(str()), reviewedBy: nullable(str()), reviewedByName: nullable(str()),
  breakGlassId: nullable(str()), requestId: nullable(str()), verdict: nullable(strEnum([...VERDICTS, 'acknowledged'])), notes: nullable(str()),
});

/**
 * The review queue: steps an admin took alone that reach clients' records (an admin, a clinical
 * lead or the data-protection officer reviews them), emergency accesses and decisions signed off
 * against the triage's advice (a clinical lead or the data-protection officer). Ids and case
 * codes, never names of clients.
 */
export async function accessReviewRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/access-reviews', {
    schema: {
      summary: 'The review queue: steps taken alone, emergency accesses, and decisions against the advice (admins see steps taken alone)',
      querystring: obj({ open: strEnum(['true', 'false']) }, ['open']),
      response: { 200: arr(review) },
    },
  }, async (req) => listAccessReviews(ctx, principal(req), { open: (req.query as { open?: string }).open === 'true' }));

  app.post('/api/access-reviews/:id/acknowledge', {
    schema: { summary: 'Record that you have reviewed a step a colleague took alone (not your own)', params: idParams, body: obj({}), response: { 200: review } },
  }, async (req) => acknowledgeReview(ctx, principal(req), (req.params as { id: string }).id));

  app.post('/api/access-reviews/:id/verdict', {
    schema: {
      summary: 'Record whether an emergency access or a decision against the advice was appropriate, with notes (a clinical lead or the data-protection officer; not your own)',
      params: idParams, body: obj({ verdict: strEnum(VERDICTS), notes: str({ minLength: 1, maxLength: 5000 }) }), response: { 200: review },
    },
  }, async (req) => acknowledgeReview(ctx, principal(req), (req.params as { id: string }).id, req.body as { verdict: Verdict; notes: string }));
}
