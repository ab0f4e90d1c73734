import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileRemainingSchemas } from '../../src/http/app.js';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';
import type { FastifyInstance } from 'fastify';

// Route schemas compile on first use; these tests hold that validation is as strict on the very
// first request as on any later one, and that every schema the app declares does compile.
describe('route schemas compiled on first use', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let api: ApiClient;

  beforeEach(async () => {
    ctx = await testContext();
    ({ app, api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('refuses an unknown key and a wrong type on the first request a route receives', async () => {
    const unknown = await api.post('/api/clients', { name: 'Jordan Avery', nickname: 'JJ' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'invalid_input' } });
    const wrongType = await api.post('/api/clients', { name: 42 });
    expect(wrongType.statusCode).toBe(400);
    expect((wrongType.json() as { error: { field?: string } }).error.field).toBe('name');
  });

  it('compiles every remaining schema once, and then has nothing left', async () => {
    const compiled = await compileRemainingSchemas(app);
    expect(compiled).toBeGreaterThan(100);
    expect(await compileRemainingSchemas(app)).toBe(0);
    // Still validating after the background pass.
    expect((await api.post('/api/clients', { name: 'Jordan Avery', extra: true })).statusCode).toBe(400);
    expect((await api.post('/api/clients', { name: 'Jordan Avery' })).statusCode).toBe(201);
  });

  it('serialises a response through its schema on first use', async () => {
    const res = await api.post('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    const declared = ['ok', 'entries', 'firstBadSeq', 'reason', 'headSeq', 'headHash'];
    expect(Object.keys(res.json() as object).every((k) => declared.includes(k))).toBe(true);
    expect(res.json()).toMatchObject({ ok: true });
  });
});
