import type { FastifyInstance } from 'fastify';
import { conflict } from '../../core/errors.js';
import type { AppContext } from '../../context.js';
import { clearSessionCookie, enrolmentSession, setSessionCookie } from '../../http/auth.js';
import { arr, obj, str, strEnum } from '../../http/schema.js';
import { confirmTotp, signIn, signOut, totpRef } from './auth.service.js';
import { qrSvg, totpUri } from './totp.js';

export const userSchema = obj({ id: str(), displayName: str(), email: str(), roles: arr(str()) });
export const grantSchema = obj({ stage: strEnum(['full', 'enrol_totp', 'change_password']), user: userSchema });

export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/auth/signin', {
    schema: {
      summary: 'Sign in with password and a TOTP code (or a recovery code)',
      body: obj({ email: str({ maxLength: 320 }), password: str({ maxLength: 1024 }), code: str({ maxLength: 10 }), recoveryCode: str({ maxLength: 40 }) }, ['code', 'recoveryCode']),
      response: { 200: grantSchema },
    },
  }, async (req, reply) => {
    const grant = await signIn(ctx, req.body as Parameters<typeof signIn>[1], req.ip);
    setSessionCookie(req, reply, grant.token, ctx.config.absoluteTimeoutMinutes * 60);
    return { stage: grant.stage, user: grant.user };
  });

  app.post('/api/auth/signout', { schema: { summary: 'Sign out', response: { 204: { type: 'null' } } } }, async (req, reply) => {
    if (req.auth) await signOut(ctx, req.auth);
    clearSessionCookie(req, reply);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { summary: 'The signed-in user', response: { 200: grantSchema } } }, async (req) => {
    const s = enrolmentSession(req);
    return { stage: s.stage, user: { id: s.user.id, displayName: s.user.displayName, email: s.user.email, roles: s.user.roles } };
  });

  app.get('/api/auth/totp', {
    schema: { summary: 'The pending second-factor secret, while enrolment is unfinished', response: { 200: obj({ totpSecret: str(), otpauthUri: str(), qrSvg: str() }) } },
  }, async (req) => {
    const s = enrolmentSession(req);
    if (s.stage !== 'enrol_totp' || !s.user.totpSecretEnc) throw conflict('The second factor is already set up.');
    const secret = ctx.vault.decryptSystem(s.user.totpSecretEnc, totpRef(s.user.id));
    const uri = totpUri(secret, s.user.email);
    return { totpSecret: secret, otpauthUri: uri, qrSvg: await qrSvg(uri) };
  });

  app.post('/api/auth/totp/confirm', {
    schema: { summary: 'Finish second-factor enrolment with a current code', body: obj({ code: str({ maxLength: 10 }) }), response: { 200: grantSchema } },
  }, async (req, reply) => {
    const grant = await confirmTotp(ctx, enrolmentSession(req), (req.body as { code: string }).code);
    setSessionCookie(req, reply, grant.token, ctx.config.absoluteTimeoutMinutes * 60);
    return { stage: grant.stage, user: grant.user };
  });
}
