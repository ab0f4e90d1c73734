import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.js';
import type { AppContext } from '../../context.js';
import { enrolmentSession, principal, setSessionCookie } from '../../http/auth.js';
import { int, obj, str } from '../../http/schema.js';
import { grantSchema } from './auth.routes.js';
import type { SessionGrant } from './auth.service.js';
import { changeOwnPassword, replaceTemporaryPassword } from './password.service.js';

const changed = { 200: { ...grantSchema, properties: { ...(grantSchema.properties as object), sessionsEnded: int() }, required: [...(grantSchema.required as string[]), 'sessionsEnded'] } };

/** Changing a password: one's own from a full session, or the temporary one an admin handed over. */
export async function passwordRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const reply200 = (grant: SessionGrant & { sessionsEnded: number }) => ({ stage: grant.stage, user: grant.user, sessionsEnded: grant.sessionsEnded });

  app.post('/api/me/password', {
    schema: {
      summary: 'Change your own password; every other session of yours ends and this one gets a new cookie',
      body: obj({ currentPassword: str({ maxLength: 1024 }), newPassword: str({ maxLength: 1024 }) }),
      response: changed,
    },
  }, async (req, reply) => {
    principal(req);
    if (!req.auth) throw new AppError('unauthenticated', 'Sign in to continue.');
    const grant = await changeOwnPassword(ctx, req.auth, req.body as { currentPassword: string; newPassword: string });
    setSessionCookie(req, reply, grant.token, ctx.config.absoluteTimeoutMinutes * 60);
    return reply200(grant);
  });

  app.post('/api/auth/password', {
    schema: {
      summary: 'Replace the temporary password from an admin reset (the only thing such a session can do); the session becomes a full one',
      body: obj({ newPassword: str({ maxLength: 1024 }) }),
      response: changed,
    },
  }, async (req, reply) => {
    const grant = await replaceTemporaryPassword(ctx, enrolmentSession(req), (req.body as { newPassword: string }).newPassword);
    setSessionCookie(req, reply, grant.token, ctx.config.absoluteTimeoutMinutes * 60);
    return reply200(grant);
  });
}
