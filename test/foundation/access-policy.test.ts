import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { can } from '../../src/core/access.js';
import { setUpPractice, signInClient } from '../support/api.js';
import { type TestContext, addStaff, testContext } from '../support/context.js';
import { writeTx } from '../../src/db/tx.js';
import { enableTotp } from '../../src/features/auth/auth.repository.js';

describe('access policy', () => {
  it('denies by default and limits practitioners to their own caseload', () => {
    const me = { userId: 'u1', practiceId: 'p1', roles: ['practitioner'] as const };
    expect(can(me, 'case.read_clinical', { practiceId: 'p1', practitionerId: 'u1' })).toBe(true);
    expect(can(me, 'case.read_clinical', { practiceId: 'p1', practitionerId: 'u2' })).toBe(false);
    expect(can(me, 'case.read_clinical', { practiceId: 'p2', practitionerId: 'u1' })).toBe(false);
    expect(can(me, 'practice.manage')).toBe(false);
    const reception = { userId: 'r', practiceId: 'p1', roles: ['reception'] as const };
    expect(can(reception, 'case.read_clinical', { practiceId: 'p1', practitionerId: 'r' })).toBe(false);
    const admin = { userId: 'a', practiceId: 'p1', roles: ['admin'] as const };
    expect(can(admin, 'case.read_clinical', { practiceId: 'p1', practitionerId: 'u1' })).toBe(false);
  });

  describe('through the API', () => {
    let ctx: TestContext;
    beforeEach(async () => {
      ctx = await testContext();
    });
    afterEach(async () => ctx.cleanup());

    it("answers a colleague's client exactly like a client that does not exist, and logs the refusal", async () => {
      const { app, api } = await setUpPractice(ctx);
      const { id } = (await api.post('/api/clients', { name: 'Private Person' })).json() as { id: string };
      const practice = (await api.get('/api/practice')).json() as { id: string };
      const colleague = await addStaff(ctx, practice.id);
      await writeTx(ctx.db, (trx) => enableTotp(trx, colleague.principal.userId, 0));
      const other = await signInClient(ctx, app, colleague.email, colleague.totpSecret);

      const theirs = await other.get(`/api/clients/${id}/record`);
      const missing = await other.get('/api/clients/00000000-0000-0000-0000-000000000000/record');
      expect(theirs.statusCode).toBe(404);
      expect(theirs.json()).toEqual(missing.json());
      expect((await other.get('/api/clients')).json()).toEqual([]);
      expect((await other.post(`/api/clients/${id}/notes`, { text: 'sneaky' })).statusCode).toBe(404);

      const log = (await api.get(`/api/clients/${id}/access-log`)).json() as { action: string; outcome: string; actorId: string }[];
      expect(log.some((e) => e.action === 'access.denied' && e.outcome === 'denied' && e.actorId === colleague.principal.userId)).toBe(true);
    });
  });
});

describe('staff accounts', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await testContext();
  });
  afterEach(async () => ctx.cleanup());

  it('an admin adds a practitioner, who must set up a second factor before seeing anything', async () => {
    const { app, api } = await setUpPractice(ctx);
    const add = await api.post('/api/users', { displayName: 'Bea Colleague', email: 'bea@example.org', roles: ['practitioner'], password: 'Meadow-copper-violin-77' });
    expect(add.statusCode).toBe(201);
    expect((add.json() as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    expect((await api.post('/api/users', { displayName: 'Bea Again', email: 'BEA@example.org', roles: ['practitioner'], password: 'Meadow-copper-violin-77' })).statusCode).toBe(409);
    const { ApiClient, totpNow } = await import('../support/api.js');
    const bea = new ApiClient(app);
    const signin = await bea.post('/api/auth/signin', { email: 'bea@example.org', password: 'Meadow-copper-violin-77' });
    expect(signin.json()).toMatchObject({ stage: 'enrol_totp' });
    expect((await bea.get('/api/clients')).statusCode).toBe(401);
    const { totpSecret } = (await bea.get('/api/auth/totp')).json() as { totpSecret: string };
    expect((await bea.post('/api/auth/totp/confirm', { code: totpNow(totpSecret, ctx.clock.now()) })).statusCode).toBe(200);
    expect((await bea.get('/api/clients')).statusCode).toBe(200);
    expect((await bea.get('/api/users')).statusCode).toBe(403);
    const staff = (await api.get('/api/users')).json() as { email: string; secondFactor: boolean }[];
    expect(staff.find((s) => s.email === 'bea@example.org')?.secondFactor).toBe(true);
  });
});
