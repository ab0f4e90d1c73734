import { describe, expect, it } from 'vitest';
import { ApiClient, totpNow } from '../support/api.js';
import { PASSWORD, testContext } from '../support/context.js';
import { usePractice } from '../support/practice.js';

describe('sign-in and sessions', () => {
  const p = usePractice();

  const signIn = async (body: Record<string, string>) => {
    const api = new ApiClient(p.app);
    const res = await api.post('/api/auth/signin', body);
    return { api, res };
  };

  it('needs the password and a current code; a code works only once', async () => {
    p.ctx.clock.advance(60_000);
    const code = totpNow(p.totpSecret, p.ctx.clock.now());
    expect((await signIn({ email: p.email, password: PASSWORD })).res.statusCode).toBe(401);
    expect((await signIn({ email: p.email, password: 'Wrong-password-entirely', code })).res.statusCode).toBe(401);
    const ok = await signIn({ email: p.email.toUpperCase(), password: PASSWORD, code });
    expect(ok.res.statusCode).toBe(200);
    expect((await ok.api.get('/api/clients')).statusCode).toBe(200);
    expect((await signIn({ email: p.email, password: PASSWORD, code })).res.statusCode).toBe(401);
  });

  it('accepts each recovery code once', async () => {
    const first = await signIn({ email: p.email, password: PASSWORD, recoveryCode: p.recoveryCodes[0].toLowerCase() });
    expect(first.res.statusCode).toBe(200);
    expect((await signIn({ email: p.email, password: PASSWORD, recoveryCode: p.recoveryCodes[0] })).res.statusCode).toBe(401);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) await signIn({ email: p.email, password: 'Wrong-password-entirely', code: '000000' });
    p.ctx.clock.advance(60_000);
    const res = (await signIn({ email: p.email, password: PASSWORD, code: totpNow(p.totpSecret, p.ctx.clock.now()) })).res;
    expect(res.statusCode).toBe(423);
    expect(res.json()).toMatchObject({ error: { code: 'locked' } });
    p.ctx.clock.advance(16 * 60_000);
    expect((await signIn({ email: p.email, password: PASSWORD, code: totpNow(p.totpSecret, p.ctx.clock.now()) })).res.statusCode).toBe(200);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const a = (await signIn({ email: 'nobody@example.org', password: PASSWORD, code: '123456' })).res;
    const b = (await signIn({ email: p.email, password: 'Wrong-password-entirely', code: '123456' })).res;
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.json()).toEqual(b.json());
  });

  it('ends sessions after 15 idle minutes and after 12 hours regardless', async () => {
    p.ctx.clock.advance(60_000);
    const { api } = await signIn({ email: p.email, password: PASSWORD, code: totpNow(p.totpSecret, p.ctx.clock.now()) });
    p.ctx.clock.advance(14 * 60_000);
    expect((await api.get('/api/clients')).statusCode).toBe(200);
    p.ctx.clock.advance(16 * 60_000);
    expect((await api.get('/api/clients')).statusCode).toBe(401);

    p.ctx.clock.advance(60_000);
    const again = await signIn({ email: p.email, password: PASSWORD, code: totpNow(p.totpSecret, p.ctx.clock.now()) });
    for (let i = 0; i < 52; i++) {
      p.ctx.clock.advance(14 * 60_000);
      await again.api.get('/api/auth/me');
    }
    expect((await again.api.get('/api/clients')).statusCode).toBe(401);
  });

  it('issues a new session token at every sign-in and forgets it at sign-out', async () => {
    p.ctx.clock.advance(60_000);
    const one = await signIn({ email: p.email, password: PASSWORD, code: totpNow(p.totpSecret, p.ctx.clock.now()) });
    p.ctx.clock.advance(31_000);
    const two = await signIn({ email: p.email, password: PASSWORD, code: totpNow(p.totpSecret, p.ctx.clock.now()) });
    expect(one.api.cookie).not.toBe(two.api.cookie);
    const cookie = two.api.cookie;
    expect((await two.api.post('/api/auth/signout')).statusCode).toBe(204);
    const replay = new ApiClient(p.app);
    replay.cookie = cookie;
    expect((await replay.get('/api/clients')).statusCode).toBe(401);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
    p.ctx.clock.advance(60_000);
    const { res } = await signIn({ email: p.email, password: PASSWORD, code: totpNow(p.totpSecret, p.ctx.clock.now()) });
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Strict/i);
  });

  it('refuses short and common passwords at set-up', async () => {
    const other = await testContext();
    try {
      const { createApp } = await import('../../src/http/app.js');
      const api = new ApiClient(await createApp(other));
      const base = { practiceName: 'P', jurisdiction: 'GB-ENG', passphrase: 'a long vault passphrase', displayName: 'Sam', email: 'sam@example.org' };
      expect((await api.post('/api/setup', { ...base, password: 'short' })).json()).toMatchObject({ error: { field: 'password' } });
      expect((await api.post('/api/setup', { ...base, password: 'password1234' })).json()).toMatchObject({ error: { field: 'password', message: expect.stringMatching(/common|guess/) } });
    } finally {
      await other.cleanup();
    }
  });
});
