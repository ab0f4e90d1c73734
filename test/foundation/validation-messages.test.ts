import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';
import { newClient, policeNoOrder, logged } from '../requests/helpers.js';

// People see these sentences beside the field they typed into; no schema wording reaches them.
describe('schema failures in plain words', () => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeAll(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterAll(async () => ctx.cleanup());

  const failure = async (method: 'post' | 'patch', url: string, body: unknown) => {
    const res = await api[method](url, body);
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as { error: { code: string; message: string; field?: string } };
    expect(error.code).toBe('invalid_input');
    expect(error.message).not.toMatch(/must NOT|must be equal to|allowed values|"[a-z]+[A-Z]?[a-z]*" /);
    return error;
  };

  it('names the field and the limit for a name that is too long', async () => {
    expect(await failure('post', '/api/clients', { name: 'x'.repeat(201) })).toEqual({ code: 'invalid_input', field: 'name', message: 'Name can be at most 200 characters long.' });
  });

  it('says what is missing, and asks for at least one item in an empty list', async () => {
    expect(await failure('post', '/api/clients', {})).toMatchObject({ field: 'name', message: 'Name is required.' });
    const breach = await failure('post', '/api/breaches', { kind: 'lost_device', summary: 'A laptop was left on a train.', reportedBy: 'Alex Morgan', occurredAt: '2026-12-01T10:00:00.000Z', discoveredAt: '2026-12-01T11:00:00.000Z', categories: [] });
    expect(breach).toEqual({ code: 'invalid_input', field: 'categories', message: 'Categories: choose at least one.' });
    expect(breach.message).not.toMatch(/items/);
  });

  it('asks for one of the options rather than quoting a schema', async () => {
    const e = await failure('post', '/api/clients', { name: 'Jordan Avery', dob: 'last spring' });
    expect(e).toMatchObject({ field: 'dob' });
    expect(e.message).toMatch(/^Date of birth must be a date/);
  });

  it('lets an optional choice left at its default through (a checklist step with no answer on consent)', async () => {
    const client = await newClient(api);
    const id = await logged(api, policeNoOrder(client.id));
    const res = await api.post(`/api/requests/${id}/steps`, { step: 'discuss_with_client', date: '2026-11-01', outcome: 'Talked it through', consent: null });
    expect(res.statusCode).toBe(201);
  });
});
