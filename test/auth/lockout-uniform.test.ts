import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice, totpNow } from '../support/api.js';
import { PASSWORD, type TestContext, testContext } from '../support/context.js';

/** A stranger must not learn which addresses have accounts by watching them lock. */
describe('sign-in lockout answers the same for real and unknown addresses', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let secret: string;
  let email: string;
  beforeEach(async () => {
    ctx = await testContext();
    ({ app, totpSecret: secret, email } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  const attempt = (address: string, password = 'Wrong-password-entirely') => new ApiClient(app).post('/api/auth/signin', { email: address, password, code: '000000' });
  const answer = (r: { statusCode: number; json: () => unknown }) => ({ status: r.statusCode, body: r.json() });

  it('gives the same answers, attempt by attempt, to a real address and an unknown one', async () => {
    const real: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 7; i++) {
      real.push(answer(await attempt(email)));
      unknown.push(answer(await attempt('nobody@example.org')));
    }
    expect(unknown).toEqual(real);
    expect(real[6]).toMatchObject({ status: 423, body: { error: { code: 'locked', message: expect.stringMatching(/locked/) } } });
  });

  it('locks an unknown address by its normalised form, and lets it go when the lock runs out', async () => {
    for (const a of ['ghost@example.org', ' Ghost@Example.org', 'GHOST@EXAMPLE.ORG ', 'ghost@example.org', 'ghost@example.ORG']) await attempt(a);
    for (let i = 0; i < 5; i++) await attempt(email);
    expect(answer(await attempt('ghost@example.org'))).toEqual(answer(await attempt(email, PASSWORD)));
    ctx.clock.advance(16 * 60_000);
    expect((await attempt('ghost@example.org')).statusCode).toBe(401);
    ctx.clock.advance(60_000);
    expect((await new ApiClient(app).post('/api/auth/signin', { email, password: PASSWORD, code: totpNow(secret, ctx.clock.now()) })).statusCode).toBe(200);
  });

  it('keeps no address in the clear in the counters or the audit log', async () => {
    for (let i = 0; i < 6; i++) await attempt('private.person@example.org');
    await ctx.audit.flush();
    const keys = (await ctx.db.kysely.selectFrom('attempt_locks').select('key').execute()).map((r) => r.key);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^signin-address:[0-9a-f]{64}$/);
    const audit = await ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'auth.signin').execute();
    expect(JSON.stringify(audit)).not.toMatch(/private\.person/);
    expect(audit.filter((e) => e.outcome === 'denied').map((e) => JSON.parse(e.details ?? '{}').locked)).toEqual([false, false, false, false, true, true]);
  });
});
