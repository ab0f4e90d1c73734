import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { DETECT_MAX_CHARS, DETECT_PER_USER } from './detect.limit.js';

const MESSAGE = 'Please send me a copy of my notes.';

describe('POST /api/sar/detect', () => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    ctx = await testContext({ clock: '2026-03-02T10:00:00.000Z' });
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('answers a signed-in practitioner', async () => {
    const res = await api.post('/api/sar/detect', { text: MESSAGE });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { right: string }).right).toBe('access');
  });

  it('refuses anyone not signed in, whatever the body', async () => {
    const stranger = new ApiClient(api.app);
    for (const body of [{ text: MESSAGE }, { text: 'x'.repeat(DETECT_MAX_CHARS + 1) }, {}]) {
      const res = await stranger.post('/api/sar/detect', body);
      expect(res.statusCode).toBe(401);
      expect((res.json() as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
  });

  it('refuses an over-long message with an error naming the field and the limit', async () => {
    const res = await api.post('/api/sar/detect', { text: 'Aaaa '.repeat(DETECT_MAX_CHARS / 5 + 1) });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as { error: { code: string; field: string; message: string } };
    expect(error).toMatchObject({ code: 'invalid_input', field: 'text' });
    expect(error.message).toMatch(/at most 50,?000 characters/);
  });

  it('rations checks per user in a ten-minute window, then lets them through again', async () => {
    for (let i = 0; i < DETECT_PER_USER; i++) expect((await api.post('/api/sar/detect', { text: MESSAGE })).statusCode).toBe(200);
    const refused = await api.post('/api/sar/detect', { text: MESSAGE });
    expect(refused.statusCode).toBe(429);
    const { error } = refused.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/wait a few minutes/i);
    ctx.clock.advance(10 * 60_000);
    expect((await api.post('/api/sar/detect', { text: MESSAGE })).statusCode).toBe(200);
  });
});
