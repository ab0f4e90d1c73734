import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice } from '../support/api.js';
import { PASSWORD, type TestContext, testContext } from '../support/context.js';
import { type Colleague, addColleague, auditRows, signInWithCode } from './support.js';

const NEW_PASSWORD = 'Copper-kettle-meadow-orchard-19';

describe('changing your own password', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let admin: ApiClient;
  let bea: Colleague;
  beforeEach(async () => {
    ctx = await testContext();
    ({ app, api: admin } = await setUpPractice(ctx));
    bea = await addColleague(ctx, app, admin);
  });
  afterEach(async () => ctx.cleanup());

  const signIn = (password: string) => signInWithCode(ctx, app, bea.email, bea.totpSecret, password);
  const account = async () => ctx.db.kysely.selectFrom('users').selectAll().where('id', '=', bea.id).executeTakeFirstOrThrow();

  it('ends every other session, rotates this one, and the new password replaces the old', async () => {
    const other = (await signIn(PASSWORD)).api;
    const before = bea.api.cookie;
    const { password_hash: oldHash } = await account();

    const res = await bea.api.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'full', sessionsEnded: 1, user: { id: bea.id } });
    expect(bea.api.cookie).not.toBe(before);
    expect(bea.api.cookie).not.toBe('');
    expect((await bea.api.get('/api/clients')).statusCode).toBe(200);
    expect((await other.get('/api/clients')).statusCode).toBe(401);
    const stale = new ApiClient(app);
    stale.cookie = before;
    expect((await stale.get('/api/auth/me')).statusCode).toBe(401);

    const stored = await account();
    expect(stored.password_hash).not.toBe(oldHash);
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(stored.password_must_change).toBe(0);
    expect((await signIn(PASSWORD)).res.statusCode).toBe(401);
    expect((await signIn(NEW_PASSWORD)).res.statusCode).toBe(200);

    const [entry] = await auditRows(ctx, 'auth.password_change');
    expect(entry).toMatchObject({ actor_id: bea.id, target_id: bea.id, outcome: 'ok', details: JSON.stringify({ forced: false, sessionsEnded: 1 }) });
  });

  it('refuses a wrong current password, counts it toward the lockout and audits it', async () => {
    const res = await bea.api.post('/api/me/password', { currentPassword: 'Not-my-password-at-all', newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid_input', field: 'currentPassword' } });
    expect((await account()).failed_attempts).toBe(1);
    const [entry] = await auditRows(ctx, 'auth.password_change');
    expect(entry).toMatchObject({ actor_id: bea.id, outcome: 'denied', details: JSON.stringify({ reason: 'current_password', locked: false }) });

    for (let i = 0; i < 4; i++) await bea.api.post('/api/me/password', { currentPassword: 'Not-my-password-at-all', newPassword: NEW_PASSWORD });
    const locked = await account();
    expect(locked.failed_attempts).toBe(5);
    expect(locked.locked_until).not.toBeNull();
    // Locked now: even the right password is refused here and at sign-in.
    expect((await bea.api.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(423);
    expect((await signIn(PASSWORD)).res.statusCode).toBe(423);
  });

  it('applies the password policy to the new one and refuses the same password', async () => {
    const cases: [string, RegExp][] = [
      ['short-one', /at least 12/],
      ['password1234', /too common/],
      [PASSWORD, /different/],
    ];
    for (const [newPassword, message] of cases) {
      const res = await bea.api.post('/api/me/password', { currentPassword: PASSWORD, newPassword });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json(), newPassword).toMatchObject({ error: { code: 'invalid_input', field: 'newPassword', message: expect.stringMatching(message) } });
    }
    expect((await bea.api.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, extra: 1 })).json()).toMatchObject({ error: { field: 'extra' } });
    expect((await bea.api.post('/api/me/password', { newPassword: NEW_PASSWORD })).json()).toMatchObject({ error: { field: 'currentPassword' } });
    expect((await account()).failed_attempts).toBe(0);
    expect((await new ApiClient(app).post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(401);
    const cross = await bea.api.call('POST', '/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { origin: 'https://elsewhere.example' });
    expect(cross.statusCode).toBe(403);
    expect((await signIn(PASSWORD)).res.statusCode).toBe(200);
  });
});
