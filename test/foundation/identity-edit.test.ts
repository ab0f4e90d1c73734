import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';

describe('correcting identity details', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await testContext();
  });
  afterEach(async () => ctx.cleanup());

  it('changes, clears and refuses details field by field', async () => {
    const { api } = await setUpPractice(ctx);
    const { id } = (await api.post('/api/clients', { name: 'Sam Reed', dob: '1990-02-03', email: 'sam@example.org', phone: '01234 567890' })).json() as { id: string };

    const bad = await api.patch(`/api/clients/${id}`, { email: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_input', field: 'email' } });
    const badDate = await api.patch(`/api/clients/${id}`, { dob: '03/02/1990' });
    expect(badDate.json()).toMatchObject({ error: { field: 'dob' } });

    const ok = await api.patch(`/api/clients/${id}`, { name: 'Sam Reed-Iqbal', dob: '', email: '', pronouns: 'they/them' });
    expect(ok.statusCode).toBe(200);
    const identity = (ok.json() as { identity: Record<string, string> }).identity;
    expect(identity).toEqual({ name: 'Sam Reed-Iqbal', phone: '01234 567890', pronouns: 'they/them' });
  });

  it('closes and reopens a case', async () => {
    const { api } = await setUpPractice(ctx);
    const { id } = (await api.post('/api/clients', { name: 'Sam Reed' })).json() as { id: string };
    expect((await api.post(`/api/clients/${id}/status`, { status: 'closed' })).statusCode).toBe(204);
    const closed = (await api.get(`/api/clients/${id}`)).json() as { status: string; closedAt: string | null };
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toBeTruthy();
    expect((await api.post(`/api/clients/${id}/status`, { status: 'open' })).statusCode).toBe(204);
    expect((await api.get(`/api/clients/${id}`)).json()).toMatchObject({ status: 'open', closedAt: null });
  });
});
