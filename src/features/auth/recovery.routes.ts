import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.js';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, int, obj, str } from '../../http/schema.js';
import type { AuthenticatedSession } from './auth.service.js';
import { recoveryStatus, regenerateRecoveryCodes } from './recovery.service.js';

/** One's own recovery codes: how many are left, and new ones after signing in again. */
export async function recoveryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const session = (req: { auth?: AuthenticatedSession | null }): AuthenticatedSession => {
    if (!req.auth) throw new AppError('unauthenticated', 'Sign in to continue.');
    return req.auth;
  };

  app.get('/api/me/recovery-codes', {
    schema: { summary: 'How many of your recovery codes are unused (the codes themselves are never shown again)', response: { 200: obj({ remaining: int() }) } },
  }, async (req) => {
    principal(req);
    return recoveryStatus(ctx, session(req));
  });

  app.post('/api/me/recovery-codes', {
    schema: {
      summary: 'Replace your recovery codes after confirming your password and a current code; the new codes are shown once',
      body: obj({ password: str({ maxLength: 1024 }), code: str({ maxLength: 10 }) }),
      response: { 200: obj({ codes: arr(str()) }) },
    },
  }, async (req) => {
    principal(req);
    return regenerateRecoveryCodes(ctx, session(req), req.body as { password: string; code: string });
  });
}
