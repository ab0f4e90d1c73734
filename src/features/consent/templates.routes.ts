import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, bool, idParams, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { AUDIENCES, SETTINGS } from './templates.js';
import { type NewVersion, getVersion, listTemplates, publishVersion, writeVersion } from './templates.service.js';

const summaryProps = {
  id: str(), templateKey: str(), jurisdiction: str(), setting: strEnum(SETTINGS), audience: strEnum(AUDIENCES), version: int(), title: str(), contentHash: str(),
  status: strEnum(['draft', 'published']), source: strEnum(['builtin', 'practice']), createdBy: str(), createdAt: str(), publishedAt: nullable(str()),
};
const versionSchema = obj({ ...summaryProps, body: str() });

export async function templateRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/consent/templates', {
    schema: { summary: 'Every agreement template version of the practice (built-in ones are added on first use)', response: { 200: arr(obj(summaryProps)) } },
  }, async (req) => listTemplates(ctx, principal(req)));

  app.get('/api/consent/templates/versions/:id', {
    schema: { summary: 'One template version, its exact text and SHA-256 hash', params: idParams, response: { 200: versionSchema } },
  }, async (req) => getVersion(ctx, principal(req), (req.params as { id: string }).id));

  app.post('/api/consent/templates/versions', {
    schema: {
      summary: 'Write a new version of a template (a draft unless publish is true; published versions never change)',
      body: obj({ templateKey: str({ maxLength: 60 }), title: str({ minLength: 1, maxLength: 200 }), body: str({ minLength: 1, maxLength: 100_000 }), publish: bool() }, ['publish']),
      response: { 201: versionSchema },
    },
  }, async (req, reply) => {
    const b = req.body as NewVersion & { templateKey: string };
    return reply.status(201).send(await writeVersion(ctx, principal(req), b.templateKey, b));
  });

  app.post('/api/consent/templates/versions/:id/publish', {
    schema: { summary: 'Publish a draft version: its text and hash are then fixed', params: idParams, response: { 200: versionSchema } },
  }, async (req) => publishVersion(ctx, principal(req), (req.params as { id: string }).id));
}
