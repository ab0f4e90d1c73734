import type { FastifyInstance, FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * Request logs name the route pattern (`/api/sign/:token`), never the URL: query strings carry
 * free text (a consent lookup's recipient and purpose) and paths carry signing-link tokens.
 * No addresses, headers or bodies either. Fastify's own per-request lines are turned off and
 * replaced by one line per response.
 */
export const routeOf = (req: FastifyRequest): string => req.routeOptions?.url ?? '(no route)';

export function loggerOptions(stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: 'info',
    redact: ['req.headers.cookie', 'req.headers.authorization'],
    serializers: { req: (req: unknown) => ({ method: (req as FastifyRequest).method, route: routeOf(req as FastifyRequest) }) },
    ...(stream ? { stream: stream as NodeJS.WritableStream & { write(msg: string): void } } : {}),
  };
}

export function logResponses(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ method: req.method, route: routeOf(req), status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
}
