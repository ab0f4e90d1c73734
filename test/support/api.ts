import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import { createApp } from '../../src/http/app.js';
import { PASSPHRASE, PASSWORD, type TestContext } from './context.js';

/** A browser-like client over fastify.inject: keeps the session cookie, sends JSON. */
export class ApiClient {
  cookie = '';
  constructor(readonly app: FastifyInstance) {}

  async call(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.cookies.find((c) => c.name === 'sanctum_session' || c.name === '__Host-sanctum');
    if (set) this.cookie = set.value ? `${set.name}=${set.value}` : '';
    return res;
  }

  get = (url: string) => this.call('GET', url);
  post = (url: string, body: unknown = {}) => this.call('POST', url, body);
  put = (url: string, body: unknown) => this.call('PUT', url, body);
  patch = (url: string, body: unknown) => this.call('PATCH', url, body);
}

export const totpNow = (secret: string, at: Date): string =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at.getTime() });

/**
 * Run first-time set-up through the API and finish TOTP enrolment: returns a signed-in client
 * for the first practitioner (who is also the practice admin).
 */
export async function setUpPractice(ctx: TestContext, jurisdiction = 'GB-ENG'): Promise<{ app: FastifyInstance; api: ApiClient; totpSecret: string; email: string; recoveryCodes: string[] }> {
  const app = await createApp(ctx);
  const api = new ApiClient(app);
  const email = 'first@example.org';
  const res = await api.post('/api/setup', { practiceName: 'Riverside Counselling', jurisdiction, passphrase: PASSPHRASE, displayName: 'Alex Morgan', email, password: PASSWORD });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  const { totpSecret, recoveryCodes } = res.json() as { totpSecret: string; recoveryCodes: string[] };
  const confirm = await api.post('/api/auth/totp/confirm', { code: totpNow(totpSecret, ctx.clock.now()) });
  if (confirm.statusCode !== 200) throw new Error(`totp confirm failed: ${confirm.body}`);
  ctx.clock.advance(31_000);
  return { app, api, totpSecret, email, recoveryCodes };
}

export async function signInClient(ctx: TestContext, app: FastifyInstance, email: string, totpSecret: string): Promise<ApiClient> {
  const api = new ApiClient(app);
  ctx.clock.advance(31_000);
  const res = await api.post('/api/auth/signin', { email, password: PASSWORD, code: totpNow(totpSecret, ctx.clock.now()) });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return api;
}
