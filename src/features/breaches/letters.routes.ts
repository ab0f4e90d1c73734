import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { bool, idParams, nullable, obj, str } from '../../http/schema.js';
import { requireBreach } from './breach-access.js';
import { contactFor } from './breach-documents.js';
import { toBreach } from './breach-view.js';
import { type ClientLetterInput, clientLetterFor, saveClientLetter } from './letters.service.js';

const letter = obj({ clientSummary: nullable(str()), text: str(), edited: bool(), ready: bool(), updatedAt: nullable(str()) });
const id = (req: { params: unknown }) => (req.params as { id: string }).id;

export async function breachLetterRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/breaches/:id/client-letter', {
    schema: { summary: 'The letter to affected clients: its client-facing summary and text (edited, or drafted from the summary)', params: idParams, response: { 200: letter } },
  }, async (req) => {
    const p = principal(req);
    const b = await toBreach(ctx, await requireBreach(ctx, p, id(req)));
    return clientLetterFor(ctx, b, await contactFor(ctx, p));
  });

  app.put('/api/breaches/:id/client-letter', {
    schema: {
      summary: 'Write the client-facing summary and, optionally, the edited letter (null text: draft it again from the summary)',
      params: idParams, body: obj({ clientSummary: str({ minLength: 1, maxLength: 5000 }), text: nullable(str({ maxLength: 20_000 })) }, ['text']), response: { 200: letter },
    },
  }, async (req) => {
    const p = principal(req);
    return saveClientLetter(ctx, p, id(req), req.body as ClientLetterInput, await contactFor(ctx, p));
  });
}
