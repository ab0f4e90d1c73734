import { describe, expect, it } from 'vitest';
import { ApiClient, totpNow } from '../support/api.js';
import { PASSWORD } from '../support/context.js';
import { usePractice } from '../support/practice.js';
import { addColleague, auditRows, signInWithCode } from './support.js';

describe('staff accounts: disable, unlock, reset the second factor', () => {
  const p = usePractice();

  const status = async (id: string) => ((await p.api.get('/api/users')).json() as { id: string; status: string; lockedUntil: string | null }[]).find((m) => m.id === id);

  it('disabling ends every live session at once and refuses sign-in; their work and caseload stay', async () => {
    const bea = await addColleague(p.ctx, p.app, p.api);
    const second = (await signInWithCode(p.ctx, p.app, bea.email, bea.totpSecret)).api;
    const client = (await bea.api.post('/api/clients', { name: 'Held Client' })).json() as { id: string };
    expect((await bea.api.post(`/api/clients/${client.id}/notes`, { kind: 'progress', text: 'Kept after disabling.', sign: true })).statusCode).toBe(201);

    const res = await p.api.post(`/api/users/${bea.id}/disable`, { reason: 'left_practice' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disabled', sessionsEnded: 2, caseload: { open: 1, closed: 0 }, disabledAt: p.ctx.clock.now().toISOString() });
    expect((await bea.api.get('/api/clients')).statusCode).toBe(401);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);

    const refused = (await signInWithCode(p.ctx, p.app, bea.email, bea.totpSecret)).res;
    const wrong = (await new ApiClient(p.app).post('/api/auth/signin', { email: bea.email, password: 'Not-the-password-at-all', code: '000000' }));
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual(wrong.json());
    const tried = (await auditRows(p.ctx, 'auth.signin')).filter((e) => e.target_id === bea.id && e.outcome === 'denied');
    expect(tried.map((e) => JSON.parse(e.details ?? '{}').reason)).toContain('disabled');

    const notes = await p.ctx.db.kysely.selectFrom('notes').select(['author_id']).execute();
    expect(notes.map((n) => n.author_id)).toEqual([bea.id]);
    expect((await auditRows(p.ctx, 'note.sign')).map((e) => e.actor_id)).toEqual([bea.id]);
    const [entry] = await auditRows(p.ctx, 'user.disable');
    expect(entry).toMatchObject({ actor_id: p.userId, target_id: bea.id, outcome: 'ok', details: JSON.stringify({ reason: 'left_practice', sessionsEnded: 2 }) });

    expect((await p.api.post(`/api/users/${bea.id}/disable`, { reason: 'left_practice' })).statusCode).toBe(409);
    const enabled = await p.api.post(`/api/users/${bea.id}/enable`, {});
    expect(enabled.json()).toMatchObject({ status: 'active', disabledAt: null });
    expect((await signInWithCode(p.ctx, p.app, bea.email, bea.totpSecret)).res.statusCode).toBe(200);
    expect((await p.api.post(`/api/users/${bea.id}/enable`, {})).statusCode).toBe(409);
    expect((await auditRows(p.ctx, 'user.enable')).map((e) => e.target_id)).toEqual([bea.id]);
  });

  it('an admin cannot disable, unlock or reset their own account', async () => {
    await addColleague(p.ctx, p.app, p.api, ['admin']);
    for (const [path, body] of [['disable', { reason: 'left_practice' }], ['unlock', { reason: 'identity_verified' }], ['reset-second-factor', { reason: 'lost_device' }]] as const) {
      const res = await p.api.post(`/api/users/${p.userId}/${path}`, body);
      expect(res.statusCode, path).toBe(403);
      expect(res.json()).toMatchObject({ error: { message: expect.stringMatching(/your own account/) } });
    }
    expect((await p.api.get('/api/users')).statusCode).toBe(200);
  });

  it('unlocks an account locked by failed sign-ins, recording why', async () => {
    const bea = await addColleague(p.ctx, p.app, p.api);
    expect((await p.api.post(`/api/users/${bea.id}/unlock`, { reason: 'identity_verified' })).statusCode).toBe(409);
    for (let i = 0; i < 5; i++) await new ApiClient(p.app).post('/api/auth/signin', { email: bea.email, password: 'Not-the-password-at-all', code: '000000' });
    expect((await status(bea.id))?.status).toBe('locked');
    expect((await status(bea.id))?.lockedUntil).toBe(new Date(p.ctx.clock.now().getTime() + 15 * 60_000).toISOString());
    expect((await signInWithCode(p.ctx, p.app, bea.email, bea.totpSecret)).res.statusCode).toBe(423);

    const res = await p.api.post(`/api/users/${bea.id}/unlock`, { reason: 'own_attempts_confirmed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', locked: false, lockedUntil: null, failedAttempts: 0 });
    expect((await signInWithCode(p.ctx, p.app, bea.email, bea.totpSecret)).res.statusCode).toBe(200);
    const [entry] = await auditRows(p.ctx, 'user.unlock');
    expect(JSON.parse(entry.details ?? '{}')).toEqual({ reason: 'own_attempts_confirmed', failedAttempts: 5, wasLocked: true });
  });

  it('resetting the second factor ends sessions, voids old codes and sends the colleague through enrolment again', async () => {
    const bea = await addColleague(p.ctx, p.app, p.api);
    const res = await p.api.post(`/api/users/${bea.id}/reset-second-factor`, { reason: 'lost_device' });
    expect(res.statusCode, res.body).toBe(200);
    const { recoveryCodes, sessionsEnded } = res.json() as { recoveryCodes: string[]; sessionsEnded: number };
    expect(sessionsEnded).toBe(1);
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes).not.toContain(bea.recoveryCodes[0]);
    expect((await bea.api.get('/api/clients')).statusCode).toBe(401);
    expect((await status(bea.id))?.status).toBe('not_enrolled');

    // The old authenticator and the old recovery codes no longer open anything.
    expect((await signInWithCode(p.ctx, p.app, bea.email, bea.totpSecret)).res.json()).toMatchObject({ stage: 'enrol_totp' });
    expect((await new ApiClient(p.app).post('/api/auth/signin', { email: bea.email, password: PASSWORD, recoveryCode: bea.recoveryCodes[0] })).json()).toMatchObject({ stage: 'enrol_totp' });

    const again = new ApiClient(p.app);
    expect((await again.post('/api/auth/signin', { email: bea.email, password: PASSWORD })).json()).toMatchObject({ stage: 'enrol_totp' });
    expect((await again.get('/api/clients')).statusCode).toBe(401);
    const { totpSecret } = (await again.get('/api/auth/totp')).json() as { totpSecret: string };
    expect(totpSecret).not.toBe(bea.totpSecret);
    expect((await again.post('/api/auth/totp/confirm', { code: totpNow(totpSecret, p.ctx.clock.now()) })).json()).toMatchObject({ stage: 'full' });
    expect((await again.get('/api/clients')).statusCode).toBe(200);
    expect((await status(bea.id))?.status).toBe('active');
    // The new codes work once enrolled.
    expect((await new ApiClient(p.app).post('/api/auth/signin', { email: bea.email, password: PASSWORD, recoveryCode: recoveryCodes[0] })).json()).toMatchObject({ stage: 'full' });

    const [entry] = await auditRows(p.ctx, 'user.reset_second_factor');
    expect(entry).toMatchObject({ actor_id: p.userId, target_id: bea.id, details: JSON.stringify({ reason: 'lost_device', wasEnrolled: true, sessionsEnded: 1 }) });
    expect((await p.api.post('/api/audit/verify', {})).json()).toMatchObject({ ok: true });
  });
});
