import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { AppError } from '../core/errors.js';
import type { AppContext } from '../context.js';
import { loadSession } from './auth.js';
import { errorBody, handleError } from './errors.js';
import { lazyCompilers } from './lazy-compilers.js';
import { logResponses, loggerOptions } from './logging.js';
import { type TrustProxy, fastifyTrust } from './proxy-trust.js';
import { registerRoutes } from './routes.js';
import { serveWeb } from './web.js';

export interface AppOptions {
  logger?: boolean;
  /** Serve the built web app (off in API tests). */
  web?: boolean;
  /** Proxy hops or proxy addresses to believe in X-Forwarded-*; never "any" (see proxy-trust.ts). */
  trustProxy?: TrustProxy;
  /** Where log lines go when `logger` is on (standard output by default). */
  logStream?: NodeJS.WritableStream;
}

/** Paths that work while the vault is sealed or before set-up. */
const OPEN_WHEN_SEALED = ['/api/health', '/api/setup', '/api/vault/unseal', '/api/openapi.json'];

const pendingSchemas = new WeakMap<FastifyInstance, () => Promise<number>>();

/** Compile the route schemas no request has needed yet (a server calls this once it listens). */
export function compileRemainingSchemas(app: FastifyInstance): Promise<number> {
  return pendingSchemas.get(app)?.() ?? Promise.resolve(0);
}

export async function createApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const compilers = lazyCompilers();
  const app = Fastify({
    schemaController: { compilersFactory: compilers.factory },
    logger: opts.logger ? loggerOptions(opts.logStream) : false,
    // Fastify's own request lines carry the URL; logging.ts writes one line per response instead.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: fastifyTrust(opts.trustProxy ?? false),
    bodyLimit: 1_048_576,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  app.removeContentTypeParser(['text/plain']);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send(errorBody('not_found', `No route ${req.method} ${req.url.split('?')[0]}.`));
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Sanctum API', version: '1', description: 'Confidential client records. Every route is validated; errors are {error:{code,message,field?}}.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-sanctum' } } },
    },
  });
  app.decorateRequest('auth', null);
  if (opts.logger) logResponses(app);

  app.addHook('onRequest', async (req, reply) => {
    void reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').header('x-frame-options', 'DENY');
    // Only when TLS is known: directly, or vouched for by a trusted proxy's X-Forwarded-Proto.
    if (req.protocol === 'https') void reply.header('strict-transport-security', 'max-age=31536000');
    if (!req.url.startsWith('/api/')) return;
    void reply.header('cache-control', 'no-store');
    checkOrigin(req.method, req.headers.origin, req.headers['sec-fetch-site'], req.headers.host);
    const path = req.url.split('?')[0];
    if (ctx.vault.isSealed && !OPEN_WHEN_SEALED.includes(path) && !path.startsWith('/api/sign/')) {
      throw new AppError('sealed', 'The vault is sealed. Unlock it with the vault passphrase first.');
    }
    await loadSession(ctx, req);
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerRoutes(app, ctx);
  if (opts.web) await serveWeb(app);
  await app.ready();
  pendingSchemas.set(app, compilers.compileAll);
  return app;
}

/** Refuse state-changing requests that a browser tells us come from another site. */
function checkOrigin(method: string, origin: string | undefined, fetchSite: string | string[] | undefined, host: string | undefined): void {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
  if (fetchSite === 'cross-site') throw new AppError('forbidden', 'Requests from other sites are refused.');
  if (origin !== undefined) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new AppError('forbidden', 'Requests from other sites are refused.');
    }
    if (originHost !== host) throw new AppError('forbidden', 'Requests from other sites are refused.');
  }
}
