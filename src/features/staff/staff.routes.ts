import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../core/access.js';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, bool, idParams, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { ASSIGNABLE_ROLES, DISABLE_REASONS, PASSWORD_RESET_REASONS, RESET_REASONS, UNLOCK_REASONS } from './staff.js';
import { disableStaff, enableStaff, listStaff, resetPassword, resetSecondFactor, unlockStaff, updateStaff } from './staff.service.js';

const member = {
  id: str(), displayName: str(), email: str(), roles: arr(str()), status: strEnum(['active', 'locked', 'disabled', 'not_enrolled']),
  secondFactor: bool(), locked: bool(), lockedUntil: nullable(str()), failedAttempts: int(), disabledAt: nullable(str()),
  temporaryPasswordUntil: nullable(str()),
  caseload: obj({ open: int(), closed: int() }),
};
const memberSchema = obj(member);
const id = (req: FastifyRequest) => (req.params as { id: string }).id;
const reasonBody = (reasons: readonly string[]) => obj({ reason: strEnum(reasons) });

/** Staff account management (admins only): the team list and every change to a colleague's account. */
export async function staffRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/users', {
    schema: { summary: "The practice's staff with their sign-in status and caseload counts (admins only)", response: { 200: arr(memberSchema) } },
  }, async (req) => listStaff(ctx, principal(req)));

  app.patch('/api/users/:id', {
    schema: {
      summary: "Change a colleague's display name or roles (the practice always keeps an active admin)",
      params: idParams,
      body: { ...obj({ displayName: str({ minLength: 1, maxLength: 200 }), roles: arr(strEnum(ASSIGNABLE_ROLES), { minItems: 1, uniqueItems: true }) }, ['displayName', 'roles']), minProperties: 1 },
      response: { 200: memberSchema },
    },
  }, async (req) => updateStaff(ctx, principal(req), id(req), req.body as { displayName?: string; roles?: Role[] }));

  app.post('/api/users/:id/disable', {
    schema: { summary: 'Disable an account: sign-in refused and every live session ended; records and caseload are kept, and caseload says how many clients they still hold (move them with POST /api/caseload/reassign)', params: idParams, body: reasonBody(DISABLE_REASONS), response: { 200: obj({ ...member, sessionsEnded: int() }) } },
  }, async (req) => disableStaff(ctx, principal(req), id(req), (req.body as { reason: string }).reason));

  app.post('/api/users/:id/enable', {
    schema: { summary: 'Re-enable a disabled account', params: idParams, body: obj({}), response: { 200: memberSchema } },
  }, async (req) => enableStaff(ctx, principal(req), id(req)));

  app.post('/api/users/:id/unlock', {
    schema: { summary: 'Clear a lockout after failed sign-ins, with the reason', params: idParams, body: reasonBody(UNLOCK_REASONS), response: { 200: memberSchema } },
  }, async (req) => unlockStaff(ctx, principal(req), id(req), (req.body as { reason: string }).reason));

  app.post('/api/users/:id/reset-second-factor', {
    schema: {
      summary: "Forget a colleague's authenticator and recovery codes; they enrol again at next sign-in. New recovery codes are returned once.",
      params: idParams,
      body: reasonBody(RESET_REASONS),
      response: { 200: obj({ userId: str(), recoveryCodes: arr(str()), sessionsEnded: int() }) },
    },
  }, async (req) => resetSecondFactor(ctx, principal(req), id(req), (req.body as { reason: string }).reason));

  app.post('/api/users/:id/reset-password', {
    schema: {
      summary: "Give a colleague who forgot their password a temporary one (returned once, works for 72 hours, only to choose a new password); their sessions end and any lockout clears. Their second factor is kept.",
      params: idParams,
      body: reasonBody(PASSWORD_RESET_REASONS),
      response: { 200: obj({ userId: str(), temporaryPassword: str(), expiresAt: str(), sessionsEnded: int(), secondFactor: bool() }) },
    },
  }, async (req) => resetPassword(ctx, principal(req), id(req), (req.body as { reason: string }).reason));
}
