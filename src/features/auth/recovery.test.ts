import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice, totpNow } from '../../../test/support/api.js';
import { PASSWORD, type TestContext, testContext } from '../../../test/support/context.js';

describe('your own recovery codes', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let secret: string;
  let email: string;
  let oldCodes: string[];
  beforeEach(async () => {
    ctx = await testContext();
    const s = await setUpPractice(ctx);
    ({ api, email } = s);
    secret = s.totpSecret;
    oldCodes = s.recoveryCodes;
  });
  afterEach(async () => ctx.cleanup());

  const remaining = async (client = api) => ((await client.get('/api/me/recovery-codes')).json() as { remaining: number }).remaining;
  const code = () => totpNow(secret, ctx.clock.now());
  const signInWithRecovery = (recoveryCode: string) => new ApiClient(api.app).post('/api/auth/signin', { email, password: PASSWORD, recoveryCode });
  const audits = async (outcome: string) =>
    (await ctx.db.kysely.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'auth.recovery_codes').execute()).filter((r) => r.outcome === outcome);

  it('counts what is left, and asks for the password and a current code before making new ones', async () => {
    expect(await remaining()).toBe(10);
    expect((await signInWithRecovery(oldCodes[0])).statusCode).toBe(200);
    expect(await remaining()).toBe(9);

    ctx.clock.advance(31_000);
    const wrongPassword = await api.post('/api/me/recovery-codes', { password: 'not the password at all', code: code() });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json()).toMatchObject({ error: { field: 'password' } });
    const wrongCode = await api.post('/api/me/recovery-codes', { password: PASSWORD, code: '000000' === code() ? '111111' : '000000' });
    expect(wrongCode.json()).toMatchObject({ error: { field: 'code' } });
    expect(await remaining()).toBe(9);
    expect(await audits('denied')).toHaveLength(2);

    const now = code();
    const made = await api.post('/api/me/recovery-codes', { password: PASSWORD, code: now });
    expect(made.statusCode).toBe(200);
    const fresh = (made.json() as { codes: string[] }).codes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => oldCodes.includes(c))).toBe(false);
    expect(await remaining()).toBe(10);
    expect(await audits('ok')).toHaveLength(1);
    // The codes are kept only as hashes.
    const rows = await ctx.db.kysely.selectFrom('recovery_codes').select('code_hash').execute();
    expect(JSON.stringify(rows)).not.toContain(fresh[0]);

    // The old codes stop working, the new ones work, and the code used to confirm is spent.
    expect((await signInWithRecovery(oldCodes[1])).statusCode).toBe(401);
    expect((await signInWithRecovery(fresh[0])).statusCode).toBe(200);
    const replay = await api.post('/api/me/recovery-codes', { password: PASSWORD, code: now });
    expect(replay.json()).toMatchObject({ error: { field: 'code' } });
  });

  it('is refused without a full session', async () => {
    const stranger = new ApiClient(api.app);
    expect((await stranger.get('/api/me/recovery-codes')).statusCode).toBe(401);
    expect((await stranger.post('/api/me/recovery-codes', { password: PASSWORD, code: code() })).statusCode).toBe(401);
  });
});
