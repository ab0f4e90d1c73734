import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { parseTrustProxy } from '../../src/http/proxy-trust.js';
import { type TestContext, testContext, withPractice } from '../support/context.js';

describe('HSTS behind TLS and what the request log holds', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await testContext();
    await withPractice(ctx);
  });
  afterEach(async () => ctx.cleanup());

  const health = (app: Awaited<ReturnType<typeof createApp>>, proto?: string) =>
    app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.0.0.1', headers: proto ? { 'x-forwarded-proto': proto } : {} });

  it('sends Strict-Transport-Security when a trusted proxy says the request came over TLS', async () => {
    const behindTls = await createApp(ctx, { trustProxy: parseTrustProxy('10.0.0.1') });
    expect((await health(behindTls, 'https')).headers['strict-transport-security']).toBe('max-age=31536000');
    expect((await health(behindTls)).headers['strict-transport-security']).toBeUndefined();
  });

  it('does not let an untrusted client turn HSTS on by claiming TLS', async () => {
    const direct = await createApp(ctx);
    expect((await health(direct, 'https')).headers['strict-transport-security']).toBeUndefined();
  });

  it('logs route patterns, never query strings or signing-link tokens', async () => {
    const lines: string[] = [];
    const logStream = new Writable({ write: (chunk, _enc, done) => { lines.push(String(chunk)); done(); } });
    const app = await createApp(ctx, { logger: true, logStream });
    const token = 'Zq7signinglinktokenXk2mP9a';
    await app.inject({ method: 'GET', url: '/api/clients/cl-1/consent/lookup?recipient=Dr%20Imogen%20Tallis&purpose=insurance%20claim%20review&what=records' });
    await app.inject({ method: 'GET', url: `/api/sign/${token}` });
    await app.inject({ method: 'GET', url: `/api/sign/${token}/pdf?download=1` });
    await app.inject({ method: 'GET', url: '/api/no-such-thing?name=Imogen' });
    const log = lines.join('');
    expect(log).toContain('/api/clients/:id/consent/lookup');
    expect(log).toContain('/api/sign/:token');
    expect(log).toContain('(no route)');
    for (const secret of ['Imogen', 'Tallis', 'insurance', token, 'cl-1', '?']) expect(log, secret).not.toContain(secret);
  });
});
