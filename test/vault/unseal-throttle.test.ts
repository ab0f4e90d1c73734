import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { PASSPHRASE, type TestContext, testContext, withPractice } from '../support/context.js';

/** Guessing the vault passphrase over the network: limited per source and overall, in the database. */
describe('unlocking the vault over the network', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  beforeEach(async () => {
    ctx = await testContext();
    await withPractice(ctx);
    ctx.vault.seal();
    app = await createApp(ctx);
  });
  afterEach(async () => ctx.cleanup());

  const unseal = (passphrase: string, from = '198.51.100.1') =>
    app.inject({ method: 'POST', url: '/api/vault/unseal', remoteAddress: from, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ passphrase }) });
  const denials = async () => {
    await ctx.audit.flush();
    const rows = await ctx.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'vault.unseal').where('outcome', '=', 'denied').execute();
    return rows.map((r) => (JSON.parse(r.details ?? '{}') as { reason?: string }).reason ?? 'wrong_passphrase');
  };

  it('checks at most five guesses sent at once from one source, and audits every refusal', async () => {
    const res = await Promise.all(Array.from({ length: 12 }, () => unseal('not the passphrase at all')));
    expect(res.filter((r) => r.statusCode === 400)).toHaveLength(5);
    expect(res.filter((r) => r.statusCode === 429)).toHaveLength(7);
    expect(res.find((r) => r.statusCode === 429)?.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/from here\. Try again in 1 minute\./) } });
    const reasons = await denials();
    expect(reasons.filter((r) => r === 'wrong_passphrase')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'throttled')).toHaveLength(7);
    expect(ctx.vault.isSealed).toBe(true);
  });

  it('makes that source wait, longer each time, while others can still unlock', async () => {
    for (let i = 0; i < 5; i++) await unseal('not the passphrase at all');
    expect((await unseal(PASSPHRASE)).statusCode).toBe(429);
    ctx.clock.advance(61_000);
    expect((await unseal('still not the passphrase')).statusCode).toBe(400);
    expect((await unseal(PASSPHRASE)).json()).toMatchObject({ error: { message: expect.stringMatching(/Try again in 2 minutes/) } });
    expect((await unseal(PASSPHRASE, '203.0.113.77')).statusCode).toBe(200);
    expect(ctx.vault.isSealed).toBe(false);
  });

  it('slows guesses spread over many sources, and a right passphrase resets the count', async () => {
    for (let i = 0; i < 20; i++) expect((await unseal('not the passphrase at all', `198.51.100.${i + 10}`)).statusCode).toBe(400);
    const refused = await unseal(PASSPHRASE, '203.0.113.5');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { message: expect.stringMatching(/have been tried\. Try again in 1 minute/) } });
    ctx.clock.advance(61_000);
    expect((await unseal(PASSPHRASE, '203.0.113.5')).statusCode).toBe(200);
    expect(await ctx.db.kysely.selectFrom('attempt_locks').select('key').where('key', 'like', 'unseal%').execute()).toHaveLength(20);
    ctx.vault.seal();
    expect((await unseal('not the passphrase at all', '203.0.113.5')).statusCode).toBe(400);
  });
});
