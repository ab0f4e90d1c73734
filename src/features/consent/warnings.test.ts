import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { addClient, capable, prepare, signBody } from './consent.test-helpers.js';
import { contractWarnings } from './warnings.js';

type Warning = { code: string; severity: string; action?: string };

describe('contracting warnings', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let clientId: string;
  const warnings = async () => (await api.get(`/api/clients/${clientId}/consent/warnings`)).json() as Warning[];

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
    clientId = await addClient(api);
  });
  afterEach(async () => ctx.cleanup());

  it('warns before a second session with no signed agreement, and stops once it is signed', async () => {
    expect((await warnings()).find((w) => w.code === 'no_signed_agreement')).toMatchObject({ severity: 'info' });
    await api.post(`/api/clients/${clientId}/sessions`, { date: '2026-11-01' });
    expect((await warnings()).find((w) => w.code === 'no_signed_agreement')).toMatchObject({ severity: 'warn', action: 'sign' });

    const a = await prepare(api, clientId);
    await api.post(`/api/clients/${clientId}/consent/agreements/${a.id}/link`);
    expect((await warnings()).map((w) => w.code)).toContain('awaiting_signature');
    await api.post(`/api/clients/${clientId}/consent/agreements/${a.id}/sign`, { ...signBody(), capacity: capable });
    expect((await warnings()).map((w) => w.code)).not.toContain('no_signed_agreement');
  });

  it('offers re-consent when the agreement was signed on a version that has since been replaced', async () => {
    const a = await prepare(api, clientId);
    await api.post(`/api/clients/${clientId}/consent/agreements/${a.id}/sign`, { ...signBody(), capacity: capable });
    const v1 = (await api.get(`/api/consent/templates`)).json() as { id: string; templateKey: string }[];
    const current = (await api.get(`/api/consent/templates/versions/${v1.find((t) => t.templateKey === 'GB-ENG/private/adult')?.id}`)).json() as { body: string };
    await api.post('/api/consent/templates/versions', { templateKey: 'GB-ENG/private/adult', title: 'Our agreement, revised', body: current.body + '\nRevised wording.\n', publish: true });
    expect((await warnings()).find((w) => w.code === 'outdated_version')).toMatchObject({ severity: 'warn', action: 'reconsent' });
    const again = await prepare(api, clientId);
    expect(again.version).toBe(2);
    await api.post(`/api/clients/${clientId}/consent/agreements/${again.id}/sign`, { ...signBody(), capacity: capable });
    expect((await warnings()).map((w) => w.code)).not.toContain('outdated_version');
  });

  it('lists expiring and withdrawn consents, and is callable by other features', async () => {
    const a = await prepare(api, clientId);
    await api.post(`/api/clients/${clientId}/consent/agreements/${a.id}/sign`, { ...signBody(), capacity: capable });
    await api.post(`/api/clients/${clientId}/consents`, { kind: 'disclosure', recipient: 'Employee assistance provider', what: 'attendance', purpose: 'Confirming sessions took place', expiresOn: '2026-11-20' });
    const status = (await api.get(`/api/clients/${clientId}/consent`)).json() as { consents: { id: string; kind: string; channel: string }[] };
    const email = status.consents.find((c) => c.channel === 'email');
    await api.post(`/api/clients/${clientId}/consents/${email?.id}/withdraw`, { via: 'email' });
    const codes = (await warnings()).map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['consent_expiring', 'consent_withdrawn']));

    const [staff] = await ctx.db.kysely.selectFrom('users').select(['id', 'practice_id']).execute();
    const direct = await contractWarnings(ctx, { userId: staff.id, practiceId: staff.practice_id, roles: ['practitioner'] }, clientId);
    expect(direct.map((w) => w.code)).toEqual(codes);
  });
});
