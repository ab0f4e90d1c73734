import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { buildContext } from '../../main.js';
import { addClient, prepare } from './consent.test-helpers.js';
import { checkPublicUrl } from './public-url.js';

describe('signing links use the practice\'s public address', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let clientId: string;
  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
    clientId = await addClient(api);
  });
  afterEach(async () => ctx.cleanup());

  const link = async () => {
    const a = await prepare(api, clientId);
    const res = await api.post(`/api/clients/${clientId}/consent/agreements/${a.id}/link`);
    expect(res.statusCode).toBe(201);
    return res.json() as { token: string; path: string; url: string | null };
  };

  it('gives the full link on the public address when one is set', async () => {
    ctx.config.publicUrl = checkPublicUrl('https://records.riverside.example/');
    const l = await link();
    expect(l.url).toBe(`https://records.riverside.example/sign/${l.token}`);
  });

  it('gives no full link without one, so the page can say how the client should receive it', async () => {
    ctx.config.publicUrl = null;
    const l = await link();
    expect(l.url).toBeNull();
    expect(l.path).toBe(`/sign/${l.token}`);
  });

  it('reads SANCTUM_PUBLIC_URL and refuses an address that is not one, naming it', async () => {
    const ok = await buildContext({ db: ctx.db, env: { SANCTUM_PUBLIC_URL: 'https://sanctum.example.org/practice/' } });
    expect(ok.config.publicUrl).toBe('https://sanctum.example.org/practice');
    await expect(buildContext({ db: ctx.db, env: { SANCTUM_PUBLIC_URL: 'localhost:4480' } })).rejects.toMatchObject({ code: 'invalid_input', field: 'publicUrl' });
    expect(() => checkPublicUrl('ftp://files.example.org')).toThrow(/https:\/\//);
    expect(() => checkPublicUrl('https://x.example.org/?token=1')).toThrow(/no query/);
  });
});
