import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, totpNow } from '../support/api.js';
import { createApp } from '../../src/http/app.js';
import { PASSPHRASE, PASSWORD, type TestContext, testContext } from '../support/context.js';
import { usePractice } from '../support/practice.js';

/**
 * Parallel sign-ins: every guess is counted before it is checked, and a code opens one session.
 * Argon2 runs off the event loop, so requests sent together really do interleave here.
 */
describe('sign-in under parallel requests', () => {
  const p = usePractice();

  const together = (n: number, body: Record<string, string>) => Promise.all(Array.from({ length: n }, () => new ApiClient(p.app).post('/api/auth/signin', body)));
  const denials = async (reason: string) =>
    (await p.ctx.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'auth.signin').where('outcome', '=', 'denied').execute())
      .filter((e) => JSON.parse(e.details ?? '{}').reason === reason).length;
  const sessions = async () => Number((await p.ctx.db.kysely.selectFrom('auth_sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('evaluates at most the lockout threshold of 20 wrong passwords sent at once', async () => {
    await p.ctx.audit.flush();
    const res = await together(20, { email: p.email, password: 'Wrong-password-entirely', code: '000000' });
    const statuses = res.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 401 || s === 423)).toBe(true);
    // Exactly five are counted and checked; the fifth sets the lock that refuses the rest unchecked.
    expect(statuses.filter((s) => s === 401)).toHaveLength(p.ctx.config.lockoutThreshold);
    expect(await denials('password')).toBe(p.ctx.config.lockoutThreshold);
    const row = await p.ctx.db.kysely.selectFrom('users').select(['failed_attempts', 'locked_until']).where('email', '=', p.email).executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBe(p.ctx.config.lockoutThreshold);
    expect(row.locked_until).not.toBeNull();
  });

  it('lets one wrong guess through after the lock runs out, however many arrive', async () => {
    await together(5, { email: p.email, password: 'Wrong-password-entirely', code: '000000' });
    p.ctx.clock.advance(16 * 60_000);
    const res = await together(10, { email: p.email, password: 'Wrong-password-entirely', code: '000000' });
    expect(res.filter((r) => r.statusCode === 401)).toHaveLength(1);
    expect(res.filter((r) => r.statusCode === 423)).toHaveLength(9);
  });

  it('opens one session for one TOTP code sent eight times at once', async () => {
    p.ctx.config.lockoutThreshold = 50; // so only the replay rule is at work
    p.ctx.clock.advance(60_000);
    const before = await sessions();
    const res = await together(8, { email: p.email, password: PASSWORD, code: totpNow(p.totpSecret, p.ctx.clock.now()) });
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 401, 401, 401, 401, 401, 401, 401]);
    expect((await sessions()) - before).toBe(1);
    // The winner cleared the count; the copies refused as replays were still counted as guesses.
    const row = await p.ctx.db.kysely.selectFrom('users').select(['failed_attempts', 'totp_last_step']).where('email', '=', p.email).executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBeLessThanOrEqual(7);
    expect(row.totp_last_step).toBe(Math.floor(p.ctx.clock.now().getTime() / 30_000));
  });

  it('opens at most one session for a TOTP code sent at once with the normal lockout', async () => {
    p.ctx.clock.advance(60_000);
    const before = await sessions();
    const res = await together(8, { email: p.email, password: PASSWORD, code: totpNow(p.totpSecret, p.ctx.clock.now()) });
    expect(res.every((r) => [200, 401, 423].includes(r.statusCode))).toBe(true);
    expect(res.filter((r) => r.statusCode === 200).length).toBeLessThanOrEqual(1);
    expect((await sessions()) - before).toBeLessThanOrEqual(1);
  });

  it('spends a recovery code once when it is sent eight times at once', async () => {
    p.ctx.config.lockoutThreshold = 50;
    const before = await sessions();
    const res = await together(8, { email: p.email, password: PASSWORD, recoveryCode: p.recoveryCodes[0] });
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 401, 401, 401, 401, 401, 401, 401]);
    expect((await sessions()) - before).toBe(1);
    expect((await new ApiClient(p.app).post('/api/auth/signin', { email: p.email, password: PASSWORD, recoveryCode: p.recoveryCodes[1] })).statusCode).toBe(200);
  });

  it('keeps a recovery code unspent when the sign-in using it is refused by a lock', async () => {
    for (let i = 0; i < 5; i++) await new ApiClient(p.app).post('/api/auth/signin', { email: p.email, password: 'Wrong-password-entirely', code: '000000' });
    expect((await new ApiClient(p.app).post('/api/auth/signin', { email: p.email, password: PASSWORD, recoveryCode: p.recoveryCodes[2] })).statusCode).toBe(423);
    p.ctx.clock.advance(16 * 60_000);
    expect((await new ApiClient(p.app).post('/api/auth/signin', { email: p.email, password: PASSWORD, recoveryCode: p.recoveryCodes[2] })).statusCode).toBe(200);
  });
});

describe('second-factor enrolment under parallel requests', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await testContext();
  });
  afterEach(async () => ctx.cleanup());

  it('upgrades the enrolment session once when one code is confirmed five times at once', async () => {
    const app = await createApp(ctx);
    const api = new ApiClient(app);
    const setup = await api.post('/api/setup', { practiceName: 'P', jurisdiction: 'GB-ENG', passphrase: PASSPHRASE, displayName: 'Alex Morgan', email: 'alex@example.org', password: PASSWORD });
    const { totpSecret } = setup.json() as { totpSecret: string };
    const code = totpNow(totpSecret, ctx.clock.now());
    const res = await Promise.all(Array.from({ length: 5 }, () => api.call('POST', '/api/auth/totp/confirm', { code })));
    expect(res.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(res.every((r) => [200, 401, 409].includes(r.statusCode))).toBe(true);
    const full = await ctx.db.kysely.selectFrom('auth_sessions').select('stage').where('stage', '=', 'full').execute();
    expect(full).toHaveLength(1);
  });
});
