import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { arr, bool, int, obj, str, strEnum } from '../../http/schema.js';
import { CHANNELS } from './channels.js';
import type { SignInput } from './agreements.service.js';
import { openSigningLink, signByLink, signedPdfByLink } from './signing.service.js';
import { blockSchema } from './consent.schemas.js';

/** Public routes: no account, the token is the credential. The vault must be unsealed (503 otherwise). */
const tokenParams = obj({ token: str({ minLength: 1, maxLength: 200 }) });

export const signatureBody = obj({ name: str({ minLength: 1, maxLength: 200 }), method: strEnum(['typed', 'drawn']), image: str({ maxLength: 420_000 }), signer: strEnum(['client', 'parent']) }, ['image', 'signer']);
export const choicesBody = obj({ records: bool(), supervision: bool(), channels: obj(Object.fromEntries(CHANNELS.map((c) => [c, bool()])), [...CHANNELS]) });

export async function signRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/sign/:token', {
    schema: {
      summary: 'Open a signing link: the agreement to read (refused with 404 or 410 when unknown, used, expired or replaced)',
      params: tokenParams,
      response: {
        200: obj({
          practiceName: str(), title: str(), audience: strEnum(['adult', 'young']), templateKey: str(), version: int(), documentHash: str(), expiresAt: str(),
          blocks: arr(blockSchema), limits: arr(blockSchema), channels: arr(obj({ channel: strEnum(CHANNELS), label: str(), risk: str() })),
        }),
      },
    },
  }, async (req) => openSigningLink(ctx, (req.params as { token: string }).token, req.ip));

  app.post('/api/sign/:token', {
    schema: {
      summary: 'Sign through the link (works once)',
      params: tokenParams,
      body: obj({ signature: signatureBody, choices: choicesBody }),
      response: { 201: obj({ signedAt: str(), documentHash: str(), pdfPath: str() }) },
    },
    bodyLimit: 524_288,
  }, async (req, reply) => reply.status(201).send(await signByLink(ctx, (req.params as { token: string }).token, req.ip, req.body as SignInput)));

  app.get('/api/sign/:token/pdf', {
    schema: { summary: 'The signed agreement as a PDF, for an hour after signing through this link', params: tokenParams },
  }, async (req, reply) => {
    const pdf = await signedPdfByLink(ctx, (req.params as { token: string }).token, req.ip);
    return reply.header('content-type', 'application/pdf').header('content-disposition', 'attachment; filename="confidentiality-agreement.pdf"').send(pdf);
  });
}
