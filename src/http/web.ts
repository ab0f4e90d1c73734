import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { packageRoot } from '../core/paths.js';

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/** The built React app, with every non-API path falling back to index.html. */
export async function serveWeb(app: FastifyInstance): Promise<void> {
  const root = join(packageRoot(), 'dist', 'web');
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/', async (_req, reply) => reply.type('text/plain').send('The web app is not built yet: run "npm run build".'));
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.url.startsWith('/api/')) void reply.header('content-security-policy', CSP);
    return payload;
  });
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'not_found', message: 'No such route.' } });
    return reply.type('text/html').sendFile('index.html');
  });
}
