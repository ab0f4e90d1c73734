import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, date, idParams, nullable, obj, str, strEnum } from '../../http/schema.js';
import { accountingFor, accountingPdf } from './accounting.service.js';
import type { PackInput } from './disclosures.js';
import { generatePack, previewPack } from './pack.service.js';

const packBody = obj({
  noteIds: arr(str({ maxLength: 100 }), { maxItems: 200 }),
  processReasons: { type: 'object', additionalProperties: str({ maxLength: 2000 }) },
  extracts: arr(obj({ title: str({ minLength: 1, maxLength: 200 }), text: str({ minLength: 1, maxLength: 100_000 }) }), { maxItems: 50 }),
  purpose: str({ minLength: 1, maxLength: 500 }),
  recipient: str({ minLength: 1, maxLength: 300 }),
}, ['noteIds', 'processReasons', 'extracts', 'recipient']);

const packPreview = obj({
  cover: obj({ practiceName: str(), reference: str(), recipient: str(), purpose: str(), date: str(), legalBasis: str(), subject: str() }),
  watermark: str(),
  items: arr(obj({
    title: str(), date: nullable(str()), kind: strEnum(['progress note', 'process note', 'extract']), text: str(), addenda: arr(obj({ date: str(), text: str() })),
  })),
});

const period = obj({ from: date(), to: date() }, ['from', 'to']);

const entry = obj({
  id: str(), requestId: str(), disclosedOn: str(), kind: str(), recipient: str(), what: str(), purpose: str(), basis: str(), legalBasis: str(),
  basisCode: str(), noteCount: { type: 'integer' }, pdfSha256: { type: ['string', 'null'] }, restricted: { type: 'boolean' }, contraryToAdvice: { type: 'boolean' },
}, ['contraryToAdvice']);

export async function disclosureRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/requests/:id/pack/preview', {
    schema: { summary: 'Preview a disclosure pack: exactly what would go', params: idParams, body: packBody, response: { 200: packPreview } },
  }, async (req) => previewPack(ctx, principal(req), (req.params as { id: string }).id, req.body as PackInput));

  app.post('/api/requests/:id/pack', {
    schema: {
      summary: 'Produce the watermarked pack and record the disclosure', params: idParams, body: packBody,
      response: { 201: obj({ disclosureId: str(), sha256: str(), disclosedOn: str(), pdfBase64: str() }) },
    },
  }, async (req, reply) => {
    const r = await generatePack(ctx, principal(req), (req.params as { id: string }).id, req.body as PackInput);
    return reply.status(201).send({ disclosureId: r.disclosureId, sha256: r.sha256, disclosedOn: r.disclosedOn, pdfBase64: r.pdf.toString('base64') });
  });

  app.get('/api/clients/:id/disclosures', {
    schema: {
      summary: 'Accounting of disclosures for a client (default: the last six years)', params: idParams, querystring: period,
      response: { 200: obj({ clientId: str(), caseCode: str(), period: obj({ from: str(), to: str() }), disclosures: arr(entry) }) },
    },
  }, async (req) => accountingFor(ctx, principal(req), (req.params as { id: string }).id, req.query as { from?: string; to?: string }));

  app.get('/api/clients/:id/disclosures/pdf', {
    schema: { summary: 'Accounting of disclosures as PDF', params: idParams, querystring: period, response: { 200: { type: 'string', format: 'binary' } } },
  }, async (req, reply) => {
    const a = await accountingFor(ctx, principal(req), (req.params as { id: string }).id, req.query as { from?: string; to?: string });
    return reply.header('content-type', 'application/pdf').header('content-disposition', 'attachment; filename="accounting-of-disclosures.pdf"').send(await accountingPdf(ctx, a));
  });
}
