import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { initPractice } from '../../src/features/practice/practice.service.js';
import { rotateMasterKey } from '../../src/features/vault/vault.service.js';
import { ApiClient } from '../support/api.js';
import { type CliStore, cliStore, sanctum } from '../support/cli.js';
import { PASSWORD, type TestContext, testContext, withPractice } from '../support/context.js';

const WEAK = ['password1234', 'aaaaaaaaaaaa', 'short'];

/** A new vault passphrase meets the password policy wherever it is chosen. */
describe('vault passphrase strength', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await testContext();
  });
  afterEach(async () => ctx.cleanup());

  it('set-up in the browser refuses a weak passphrase, naming the field, and creates nothing', async () => {
    const api = new ApiClient(await createApp(ctx));
    const base = { practiceName: 'P', jurisdiction: 'GB-ENG', displayName: 'Sam Reyes', email: 'sam@example.org', password: PASSWORD };
    for (const passphrase of WEAK) {
      const res = await api.post('/api/setup', { ...base, passphrase });
      expect(res.statusCode, passphrase).toBe(400);
      expect(res.json(), passphrase).toMatchObject({ error: { code: 'invalid_input', field: 'passphrase', message: expect.stringMatching(/at least 12|too common or too easy to guess/) } });
    }
    expect((await api.get('/api/health')).json()).toMatchObject({ vault: 'uninitialised' });
    expect((await api.post('/api/setup', { ...base, passphrase: 'copper kettle under the stair, nine lamps' })).statusCode).toBe(201);
  });

  it('a new vault (init, demo) and a rotation to a new passphrase are refused with a weak one', async () => {
    await expect(initPractice(ctx, { passphrase: 'password1234' }, { name: 'P' })).rejects.toMatchObject({ code: 'invalid_input', field: 'passphrase' });
    const { operator } = await withPractice(ctx);
    await expect(rotateMasterKey(ctx, { passphrase: 'aaaaaaaaaaaa' }, { id: operator.userId })).rejects.toMatchObject({ code: 'invalid_input', field: 'passphrase' });
    await expect(rotateMasterKey(ctx, { passphrase: 'a different and longer vault passphrase' }, { id: operator.userId })).resolves.toMatchObject({ rewrapped: 0 });
  });
});

describe('vault passphrase strength from the command line', () => {
  let cli: CliStore;
  beforeAll(async () => {
    cli = await cliStore();
  });
  afterAll(async () => cli.cleanup());

  it('sanctum init and sanctum keys rotate refuse a weak passphrase with exit 2, naming it', () => {
    const weak = sanctum(['init', ...cli.data], { env: { ...cli.env, SANCTUM_PASSPHRASE: 'password1234' } });
    expect(weak.code).toBe(2);
    expect(weak.stderr.trim().split('\n')).toHaveLength(1);
    expect(weak.stderr).toMatch(/^init: field "passphrase": That vault passphrase is too common/);
    expect(sanctum(['init', ...cli.data], { env: cli.env }).code).toBe(0);
    const rotate = sanctum(['keys', 'rotate', ...cli.data], { env: { ...cli.env, SANCTUM_NEW_PASSPHRASE: 'aaaaaaaaaaaa' } });
    expect(rotate.code).toBe(2);
    expect(rotate.stderr).toMatch(/field "passphrase"/);
  }, 120_000);
});
