import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';

/** A left-open session must not become a fast way to guess the password: parallel checks count too. */
describe('changing one\'s password under parallel requests', () => {
  let ctx: TestContext;
  let api: ApiClient;
  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('checks at most the lockout threshold of wrong current passwords sent at once', async () => {
    const body = { currentPassword: 'Not-my-password-at-all', newPassword: 'Lantern-meadow-copper-19' };
    const res = await Promise.all(Array.from({ length: 10 }, () => api.post('/api/me/password', body)));
    const statuses = res.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 400 || s === 423)).toBe(true);
    expect(statuses.filter((s) => s === 400)).toHaveLength(ctx.config.lockoutThreshold);
    const row = await ctx.db.kysely.selectFrom('users').select(['failed_attempts', 'locked_until']).executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBe(ctx.config.lockoutThreshold);
    expect(row.locked_until).not.toBeNull();
  });
});
