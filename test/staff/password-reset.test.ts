import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice, signInClient, totpNow } from '../support/api.js';
import { PASSWORD, type TestContext, addStaff, testContext } from '../support/context.js';
import { type Colleague, addColleague, auditRows, signInWithCode } from './support.js';

const CHOSEN = 'Copper-kettle-meadow-orchard-19';

interface Reset {
  temporaryPassword: string;
  expiresAt: string;
  sessionsEnded: number;
  secondFactor: boolean;
}

describe("an admin resets a colleague's forgotten password", () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let admin: ApiClient;
  let adminId: string;
  let bea: Colleague;
  let adminSignIn: { email: string; totpSecret: string };
  beforeEach(async () => {
    ctx = await testContext();
    let email: string;
    let totpSecret: string;
    ({ app, api: admin, email, totpSecret } = await setUpPractice(ctx));
    adminSignIn = { email, totpSecret };
    adminId = ((await admin.get('/api/auth/me')).json() as { user: { id: string } }).user.id;
    bea = await addColleague(ctx, app, admin);
  });
  afterEach(async () => ctx.cleanup());

  const signIn = (password: string) => signInWithCode(ctx, app, bea.email, bea.totpSecret, password);
  const reset = async (id = bea.id, reason = 'forgotten') => admin.post(`/api/users/${id}/reset-password`, { reason });

  it('gives a temporary password that only opens the change step, clears a lockout and ends sessions', async () => {
    for (let i = 0; i < 5; i++) await new ApiClient(app).post('/api/auth/signin', { email: bea.email, password: 'Not-the-password-at-all', code: '000000' });
    const res = await reset();
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as Reset;
    expect(out.temporaryPassword).toMatch(/^([A-Z2-9]{4}-){4}[A-Z2-9]{4}$/);
    expect(out).toMatchObject({ sessionsEnded: 1, secondFactor: true, expiresAt: new Date(ctx.clock.now().getTime() + 72 * 3_600_000).toISOString() });
    expect((await bea.api.get('/api/clients')).statusCode).toBe(401);
    const member = ((await admin.get('/api/users')).json() as { id: string; status: string; temporaryPasswordUntil: string | null }[]).find((m) => m.id === bea.id);
    expect(member).toMatchObject({ status: 'active', temporaryPasswordUntil: out.expiresAt });
    const row = await ctx.db.kysely.selectFrom('users').selectAll().where('id', '=', bea.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(out.temporaryPassword);
    expect(row).toMatchObject({ password_must_change: 1, failed_attempts: 0, locked_until: null });

    // The old password is gone; the temporary one still needs the authenticator.
    expect((await signIn(PASSWORD)).res.statusCode).toBe(401);
    expect((await new ApiClient(app).post('/api/auth/signin', { email: bea.email, password: out.temporaryPassword })).statusCode).toBe(401);
    const { api, res: signedIn } = await signIn(out.temporaryPassword);
    expect(signedIn.json()).toMatchObject({ stage: 'change_password' });
    expect((await api.get('/api/auth/me')).json()).toMatchObject({ stage: 'change_password', user: { id: bea.id } });

    // Nothing else is open to this session.
    for (const [method, url, body] of [['GET', '/api/clients', undefined], ['POST', '/api/clients', { name: 'Someone' }], ['GET', '/api/staff-names', undefined]] as const) {
      const r = await api.call(method, url, body);
      expect(r.statusCode, url).toBe(403);
      expect(r.json(), url).toMatchObject({ error: { code: 'password_change_required' } });
    }
    expect((await api.post('/api/me/password', { currentPassword: out.temporaryPassword, newPassword: CHOSEN })).statusCode).toBe(403);
    expect((await api.post('/api/auth/totp/confirm', { code: totpNow(bea.totpSecret, ctx.clock.now()) })).statusCode).toBe(409);

    const same = await api.post('/api/auth/password', { newPassword: out.temporaryPassword });
    expect(same.json()).toMatchObject({ error: { field: 'newPassword', message: expect.stringMatching(/not the temporary one/) } });
    expect((await api.post('/api/auth/password', { newPassword: 'password1234' })).json()).toMatchObject({ error: { field: 'newPassword', message: expect.stringMatching(/too common/) } });

    const before = api.cookie;
    const done = await api.post('/api/auth/password', { newPassword: CHOSEN });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ stage: 'full', sessionsEnded: 0 });
    expect(api.cookie).not.toBe(before);
    expect((await api.get('/api/clients')).statusCode).toBe(200);
    expect((await api.post('/api/auth/password', { newPassword: 'Another-brand-new-phrase-77' })).statusCode).toBe(409);

    // The temporary password worked once: now only the chosen one does.
    expect((await signIn(out.temporaryPassword)).res.statusCode).toBe(401);
    expect((await signIn(CHOSEN)).res.json()).toMatchObject({ stage: 'full' });

    const [entry] = await auditRows(ctx, 'user.password_reset');
    expect(entry).toMatchObject({ actor_id: adminId, target_id: bea.id, outcome: 'ok', details: JSON.stringify({ reason: 'forgotten', sessionsEnded: 1, wasLocked: true }) });
    const [change] = await auditRows(ctx, 'auth.password_change');
    expect(change).toMatchObject({ actor_id: bea.id, target_id: bea.id, details: JSON.stringify({ forced: true, sessionsEnded: 0 }) });
    const everything = JSON.stringify(await ctx.db.kysely.selectFrom('audit_log').selectAll().execute());
    for (const secret of [out.temporaryPassword, out.temporaryPassword.replace(/-/g, ''), CHOSEN, row.password_hash]) expect(everything).not.toContain(secret);
    expect((await admin.post('/api/audit/verify', {})).json()).toMatchObject({ ok: true });
  });

  it('refuses the temporary password after 72 hours, telling them to ask again', async () => {
    const out = (await reset()).json() as Reset;
    ctx.clock.advance(72 * 3_600_000);
    const { res } = await signIn(out.temporaryPassword);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { message: expect.stringMatching(/expired.*admin/) } });
    const denied = (await auditRows(ctx, 'auth.signin')).filter((e) => e.target_id === bea.id && e.outcome === 'denied');
    expect(denied.map((e) => JSON.parse(e.details ?? '{}').reason)).toEqual(['temporary_password_expired']);
    // A fresh reset works again (the admin's own session has long ended by now).
    admin = await signInClient(ctx, app, adminSignIn.email, adminSignIn.totpSecret);
    const again = (await reset()).json() as Reset;
    expect((await signIn(again.temporaryPassword)).res.json()).toMatchObject({ stage: 'change_password' });
  });

  it('a colleague without a second factor sets one up first, then chooses a password', async () => {
    expect((await admin.post(`/api/users/${bea.id}/reset-second-factor`, { reason: 'lost_device' })).statusCode).toBe(200);
    const out = (await reset()).json() as Reset;
    expect(out.secondFactor).toBe(false);
    const api = new ApiClient(app);
    expect((await api.post('/api/auth/signin', { email: bea.email, password: out.temporaryPassword })).json()).toMatchObject({ stage: 'enrol_totp' });
    const { totpSecret } = (await api.get('/api/auth/totp')).json() as { totpSecret: string };
    expect((await api.post('/api/auth/totp/confirm', { code: totpNow(totpSecret, ctx.clock.now()) })).json()).toMatchObject({ stage: 'change_password' });
    expect((await api.get('/api/clients')).statusCode).toBe(403);
    expect((await api.post('/api/auth/password', { newPassword: CHOSEN })).json()).toMatchObject({ stage: 'full' });
  });

  it('only admins, never on themselves, never across practices', async () => {
    const carl = await addColleague(ctx, app, admin);
    const notAdmin = await carl.api.post(`/api/users/${bea.id}/reset-password`, { reason: 'forgotten' });
    expect(notAdmin.statusCode).toBe(403);
    const own = await reset(adminId);
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ error: { message: expect.stringMatching(/own password from Account/) } });
    expect((await reset(bea.id, 'felt_like_it')).json()).toMatchObject({ error: { code: 'invalid_input', field: 'reason' } });

    await ctx.db.kysely.insertInto('practices').values({ id: 'other-practice', name: 'Elsewhere', jurisdiction: 'GB-ENG', time_zone: 'Europe/London', created_at: ctx.clock.now().toISOString() }).execute();
    const outsider = await addStaff(ctx, 'other-practice');
    const across = await reset(outsider.principal.userId);
    const unknown = await reset('no-such-user');
    expect(across.statusCode).toBe(404);
    expect(across.json()).toEqual(unknown.json());
    const outsiderRow = await ctx.db.kysely.selectFrom('users').select(['password_must_change']).where('id', '=', outsider.principal.userId).executeTakeFirstOrThrow();
    expect(outsiderRow.password_must_change).toBe(0);

    const denied = (await auditRows(ctx, 'user.password_reset')).map((e) => [e.actor_id, e.target_id, e.outcome, JSON.parse(e.details ?? '{}').reason]);
    expect(denied).toEqual([[carl.id, bea.id, 'denied', 'not_admin'], [adminId, adminId, 'denied', 'own_account']]);
    expect((await signIn(PASSWORD)).res.json()).toMatchObject({ stage: 'full' });
  });
});
