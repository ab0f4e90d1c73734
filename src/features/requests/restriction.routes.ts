import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { bool, idParams, obj, str, strEnum } from '../../http/schema.js';
import { LETTER_KINDS } from './letters.js';
import { buildLetter, letterPdf } from './letters.service.js';
import { setRestriction } from './workflow.service.js';

const letterParams = obj({ id: str({ maxLength: 100 }), kind: strEnum(LETTER_KINDS) });

/** The restriction and the letters: the two things that speak to (or for) people outside. */
export async function restrictionAndLetterRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/requests/:id/restriction', {
    schema: {
      summary: 'Place or lift the "do not inform the client" restriction (recorded with a reason)', params: idParams,
      body: obj({ restricted: bool(), reason: str({ minLength: 1, maxLength: 5000 }) }), response: { 204: { type: 'null' } },
    },
  }, async (req, reply) => {
    const b = req.body as { restricted: boolean; reason: string };
    await setRestriction(ctx, principal(req), (req.params as { id: string }).id, b.restricted, b.reason);
    return reply.status(204).send();
  });

  app.get('/api/requests/:id/letters/:kind', {
    schema: { summary: 'A letter as plain text', params: letterParams, response: { 200: obj({ kind: strEnum(LETTER_KINDS), title: str(), text: str() }) } },
  }, async (req) => {
    const p = req.params as { id: string; kind: string };
    return buildLetter(ctx, principal(req), p.id, p.kind);
  });

  app.get('/api/requests/:id/letters/:kind/pdf', {
    schema: { summary: 'A letter as PDF', params: letterParams, response: { 200: { type: 'string', format: 'binary' } } },
  }, async (req, reply) => {
    const p = req.params as { id: string; kind: string };
    const pdf = await letterPdf(await buildLetter(ctx, principal(req), p.id, p.kind));
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${p.kind}-letter.pdf"`).send(pdf);
  });
}
