import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { parseTrustProxy } from '../../src/http/proxy-trust.js';
import { type TestContext, testContext, withPractice } from '../support/context.js';

/** Only proxies the operator names may tell us who the client is. */
describe('trusted proxies and the per-source sign-in limit', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await testContext();
    await withPractice(ctx);
  });
  afterEach(async () => ctx.cleanup());

  it('reads hops or proxy addresses from the flag, never "any proxy"', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy(true)).toBe(1); // the bare flag, as before
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('10.0.0.1, 10.0.0.0/8,fd00::/8,loopback')).toEqual(['10.0.0.1', '10.0.0.0/8', 'fd00::/8', 'loopback']);
    for (const bad of ['any', 'true-ish', '10.0.0.0/33', '300.1.1.1', '11', '10.0.0.1/8/2', ',']) {
      expect(() => parseTrustProxy(bad), bad).toThrow(expect.objectContaining({ code: 'invalid_input', field: 'trust-proxy' }));
    }
  });

  /** 31 sign-ins, each claiming a different client address in X-Forwarded-For. */
  const spoofedSignIns = async (trust: ReturnType<typeof parseTrustProxy>, from: string, forwarded: (i: number) => string) => {
    const app = await createApp(ctx, { trustProxy: trust });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await app.inject({
        method: 'POST', url: '/api/auth/signin', remoteAddress: from,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded(i) },
        payload: JSON.stringify({ email: 'nobody@example.org', password: 'Not-the-password-at-all', code: '000000' }),
      });
      statuses.push(res.statusCode);
    }
    return statuses;
  };

  it('keys the limit on the address the one trusted proxy saw, not on what the client wrote', async () => {
    // The client writes a new address each time; the proxy appends the address it really saw.
    const statuses = await spoofedSignIns(parseTrustProxy(true), '10.0.0.1', (i) => `198.51.100.${i}, 203.0.113.9`);
    expect(statuses.slice(0, 30).every((s) => s === 401 || s === 423)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('ignores X-Forwarded-For from a client that is not one of the named proxies', async () => {
    const statuses = await spoofedSignIns(parseTrustProxy('10.0.0.1,10.1.0.0/16'), '203.0.113.50', (i) => `198.51.100.${i}`);
    expect(statuses[30]).toBe(429);
  });

  it('believes a named proxy about the client address', async () => {
    // Each request really comes from a different client through the proxy: no shared limit.
    const statuses = await spoofedSignIns(parseTrustProxy('10.1.0.0/16'), '10.1.2.3', (i) => `198.51.100.${i}`);
    expect(statuses).not.toContain(429);
  });
});
