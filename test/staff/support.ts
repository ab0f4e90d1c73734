import type { FastifyInstance } from 'fastify';
import { ApiClient, totpNow } from '../support/api.js';
import { PASSWORD, type TestContext } from '../support/context.js';

export interface Colleague {
  id: string;
  email: string;
  displayName: string;
  totpSecret: string;
  recoveryCodes: string[];
  /** Signed in and enrolled through the real API. */
  api: ApiClient;
}

let n = 0;
/** An admin adds a colleague through the API; the colleague signs in and enrols their second factor. */
export async function addColleague(ctx: TestContext, app: FastifyInstance, admin: ApiClient, roles: string[] = ['practitioner']): Promise<Colleague> {
  const displayName = `Colleague Number ${++n}`;
  const email = `colleague${n}.${Math.random().toString(36).slice(2, 6)}@example.org`;
  const add = await admin.post('/api/users', { displayName, email, roles, password: PASSWORD });
  if (add.statusCode !== 201) throw new Error(`add failed: ${add.body}`);
  const { userId, recoveryCodes } = add.json() as { userId: string; recoveryCodes: string[] };
  const api = new ApiClient(app);
  await api.post('/api/auth/signin', { email, password: PASSWORD });
  const { totpSecret } = (await api.get('/api/auth/totp')).json() as { totpSecret: string };
  const confirm = await api.post('/api/auth/totp/confirm', { code: totpNow(totpSecret, ctx.clock.now()) });
  if (confirm.statusCode !== 200) throw new Error(`enrol failed: ${confirm.body}`);
  ctx.clock.advance(31_000);
  return { id: userId, email, displayName, totpSecret, recoveryCodes, api };
}

/** A fresh sign-in attempt with a current code and the password (the usual test one unless given). */
export async function signInWithCode(ctx: TestContext, app: FastifyInstance, email: string, totpSecret: string, password = PASSWORD) {
  const api = new ApiClient(app);
  ctx.clock.advance(31_000);
  const res = await api.post('/api/auth/signin', { email, password, code: totpNow(totpSecret, ctx.clock.now()) });
  return { api, res };
}

export async function auditRows(ctx: TestContext, action: string) {
  return ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
}
