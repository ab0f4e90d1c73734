import { describe, expect, it } from 'vitest';
import { usePractice } from '../../../test/support/practice.js';
import { buildContext } from '../../main.js';
import { prepare } from './consent.test-helpers.js';
import { checkPublicUrl } from './public-url.js';

describe('signing links use the practice\'s public address', () => {
  const p = usePractice({ client: { name: 'Jordan Avery', dob: '1988-04-12' } });

  const link = async () => {
    const a = await prepare(p.api, p.clientId);
    const res = await p.api.post(`/api/clients/${p.clientId}/consent/agreements/${a.id}/link`);
    expect(res.statusCode).toBe(201);
    return res.json() as { token: string; path: string; url: string | null };
  };

  it('gives the full link on the public address when one is set', async () => {
    p.ctx.config.publicUrl = checkPublicUrl('https://records.riverside.example/');
    const l = await link();
    expect(l.url).toBe(`https://records.riverside.example/sign/${l.token}`);
  });

  it('gives no full link without one, so the page can say how the client should receive it', async () => {
    p.ctx.config.publicUrl = null;
    const l = await link();
    expect(l.url).toBeNull();
    expect(l.path).toBe(`/sign/${l.token}`);
  });

  it('reads SANCTUM_PUBLIC_URL and refuses an address that is not one, naming it', async () => {
    const ok = await buildContext({ db: p.ctx.db, env: { SANCTUM_PUBLIC_URL: 'https://sanctum.example.org/practice/' } });
    expect(ok.config.publicUrl).toBe('https://sanctum.example.org/practice');
    await expect(buildContext({ db: p.ctx.db, env: { SANCTUM_PUBLIC_URL: 'localhost:4480' } })).rejects.toMatchObject({ code: 'invalid_input', field: 'publicUrl' });
    expect(() => checkPublicUrl('ftp://files.example.org')).toThrow(/https:\/\//);
    expect(() => checkPublicUrl('https://x.example.org/?token=1')).toThrow(/no query/);
  });
});
