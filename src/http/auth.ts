import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../core/access.js';
import { AppError } from '../core/errors.js';
import type { AppContext } from '../context.js';
import { type AuthenticatedSession, resolveSession } from '../features/auth/auth.service.js';

export const SECURE_COOKIE = '__Host-sanctum';
export const PLAIN_COOKIE = 'sanctum_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthenticatedSession | null;
  }
}

/** __Host- cookies need TLS; on plain loopback HTTP the cookie keeps every other protection. */
const isSecure = (req: FastifyRequest) => req.protocol === 'https';

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  const secure = isSecure(req);
  void reply.setCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, token, { path: '/', httpOnly: true, secure, sameSite: 'strict', maxAge: maxAgeSeconds });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  const secure = isSecure(req);
  void reply.clearCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, { path: '/', httpOnly: true, secure, sameSite: 'strict' });
}

export async function loadSession(ctx: AppContext, req: FastifyRequest): Promise<void> {
  const token = req.cookies[SECURE_COOKIE] ?? req.cookies[PLAIN_COOKIE];
  req.auth = await resolveSession(ctx, token);
}

/**
 * The signed-in, fully authenticated user, or 401. A session limited to choosing a new password
 * (after an admin's reset) gets a 403 with its own code instead, so the app can say what to do.
 */
export function principal(req: FastifyRequest): Principal {
  if (req.auth?.stage === 'change_password') throw new AppError('password_change_required', 'Choose a new password before you continue.');
  if (!req.auth || req.auth.stage !== 'full') throw new AppError('unauthenticated', 'Sign in to continue.');
  return req.auth.principal;
}

export function enrolmentSession(req: FastifyRequest): AuthenticatedSession {
  if (!req.auth) throw new AppError('unauthenticated', 'Sign in to continue.');
  return req.auth;
}
