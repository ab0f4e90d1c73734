import type { FastifyInstance } from 'fastify';
import type { Role } from '../../core/access.js';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, obj, str, strEnum } from '../../http/schema.js';
import { ASSIGNABLE_ROLES, addStaff, staffNames } from './users.service.js';

export async function userRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/staff-names', {
    schema: { summary: "Display names of the signed-in user's colleagues (to show who wrote what)", response: { 200: arr(obj({ id: str(), displayName: str() })) } },
  }, async (req) => staffNames(ctx, principal(req)));

  app.post('/api/users', {
    schema: {
      summary: 'Add a colleague (admins only); they set up their second factor at first sign-in',
      body: obj({ displayName: str({ minLength: 1, maxLength: 200 }), email: str({ maxLength: 320 }), roles: arr(strEnum(ASSIGNABLE_ROLES), { minItems: 1, uniqueItems: true }), password: str({ maxLength: 1024 }) }),
      response: { 201: obj({ userId: str(), recoveryCodes: arr(str()) }) },
    },
  }, async (req, reply) => reply.status(201).send(await addStaff(ctx, principal(req), req.body as { displayName: string; email: string; roles: Role[]; password: string })));
}
