import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice, signInClient } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { addClient, auditActions, capable, prepare, signBody } from './consent.test-helpers.js';
import { allowedChannels, findDisclosureConsent, mayContact } from './lookup.js';

type Consent = { id: string; kind: string; channel: string | null; state: string; withoutCapacity: boolean; versionId: string; documentHash: string; statementHash: string };

describe('consents and the lookup service', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let clientId: string;
  let relogin: () => Promise<void>;

  beforeEach(async () => {
    ctx = await testContext();
    const s = await setUpPractice(ctx);
    api = s.api;
    // Moving the clock a day ends the idle session, as it would in use.
    relogin = async () => {
      api = await signInClient(ctx, s.app, s.email, s.totpSecret);
    };
    clientId = await addClient(api);
  });
  afterEach(async () => ctx.cleanup());

  async function signLinked(channels?: Record<string, boolean>) {
    const a = await prepare(api, clientId);
    const link = (await api.post(`/api/clients/${clientId}/consent/agreements/${a.id}/link`)).json() as { token: string };
    expect((await new ApiClient(api.app).post(`/api/sign/${link.token}`, signBody(channels))).statusCode).toBe(201);
    return a;
  }

  it('ties each consent to the exact version shown and withdraws at once, everywhere', async () => {
    const a = await signLinked();
    const consents = ((await api.get(`/api/clients/${clientId}/consent`)).json() as { consents: Consent[] }).consents;
    expect(consents.map((c) => c.kind)).toEqual(['records', 'supervision', 'channel', 'channel', 'channel', 'channel']);
    expect(new Set(consents.map((c) => c.documentHash))).toEqual(new Set([a.documentHash]));
    expect(new Set(consents.map((c) => c.statementHash)).size).toBe(6);

    const sms = await mayContact(ctx, clientId, 'sms');
    expect(sms).toMatchObject({ allowed: true, reason: 'consented' });
    expect((await mayContact(ctx, clientId, 'phone')).reason).toBe('refused');
    expect((await mayContact(ctx, clientId, 'post')).reason).toBe('not_asked');

    const w = await api.post(`/api/clients/${clientId}/consents/${sms.consent?.id}/withdraw`, { via: 'email' });
    expect(w.json()).toMatchObject({ state: 'withdrawn' });
    const after = await mayContact(ctx, clientId, 'sms');
    expect(after).toMatchObject({ allowed: false, reason: 'withdrawn', consent: { id: sms.consent?.id } });
    expect(await allowedChannels(ctx, clientId)).toEqual(['email', 'video']);
    expect((await api.get(`/api/clients/${clientId}/consent/channels`)).json()).toEqual({ allowed: ['email', 'video'] });
    expect((await api.post(`/api/clients/${clientId}/consents/${sms.consent?.id}/withdraw`, { via: 'email' })).statusCode).toBe(409);
    expect((await auditActions(ctx, 'consent.withdraw'))[0].details).toMatchObject({ kind: 'channel', channel: 'sms' });

    // Consent given again later replaces the withdrawn one.
    await api.post(`/api/clients/${clientId}/consents`, { kind: 'channel', channel: 'sms', given: true });
    expect((await mayContact(ctx, clientId, 'sms')).allowed).toBe(true);
  });

  it('finds a specific disclosure consent only for the recipient, purpose and scope agreed, until it ends', async () => {
    expect((await api.post(`/api/clients/${clientId}/consents`, { kind: 'disclosure', recipient: 'Dr Okafor', what: 'report', purpose: 'Referral' })).statusCode).toBe(409);
    await signLinked();
    const rec = await api.post(`/api/clients/${clientId}/consents`, { kind: 'disclosure', recipient: 'Dr Priya Okafor, Elm Surgery', what: 'report', purpose: 'Referral to the memory clinic', expiresOn: '2026-12-31' });
    expect(rec.statusCode).toBe(201);
    const row = await ctx.db.kysely.selectFrom('consents').select('details_enc').where('kind', '=', 'disclosure').executeTakeFirstOrThrow();
    expect(row.details_enc).not.toContain('Okafor');

    const q = { recipient: 'dr priya okafor,  elm surgery', purpose: 'Referral to the memory clinic', what: 'report' as const };
    expect(await findDisclosureConsent(ctx, clientId, q)).toMatchObject({ found: true, reason: 'consented', consent: { id: (rec.json() as Consent).id } });
    expect((await findDisclosureConsent(ctx, clientId, { ...q, what: 'confirm_client' })).found).toBe(true);
    expect((await findDisclosureConsent(ctx, clientId, { ...q, what: 'records' })).found).toBe(false);
    expect((await findDisclosureConsent(ctx, clientId, { ...q, recipient: 'Elm Surgery' })).reason).toBe('not_asked');
    expect((await findDisclosureConsent(ctx, clientId, { ...q, purpose: 'Insurance claim' })).found).toBe(false);

    ctx.clock.set('2027-01-01T09:00:00.000Z');
    expect(await findDisclosureConsent(ctx, clientId, q)).toMatchObject({ found: false, reason: 'expired' });
    await relogin();

    const lookup = await api.get(`/api/clients/${clientId}/consent/lookup?recipient=${encodeURIComponent(q.recipient)}&purpose=${encodeURIComponent(q.purpose)}&what=report`);
    expect(lookup.json()).toMatchObject({ found: false, reason: 'expired' });
    expect((await auditActions(ctx, 'consent.lookup'))[0].details).toMatchObject({ query: 'disclosure:report', reason: 'expired' });
  });

  it('flags consent given without capacity and does not rely on it', async () => {
    const a = await prepare(api, clientId);
    const res = await api.post(`/api/clients/${clientId}/consent/agreements/${a.id}/sign`, { ...signBody(), capacity: { hasCapacity: false, reasons: 'Acutely intoxicated and unable to retain the information today.' } });
    expect(res.json()).toMatchObject({ status: 'signed', withoutCapacity: true });
    const status = (await api.get(`/api/clients/${clientId}/consent`)).json() as { consents: Consent[]; warnings: { code: string }[]; capacity: { hasCapacity: boolean; reasons: string }[] };
    expect(status.consents.every((c) => c.withoutCapacity)).toBe(true);
    expect(status.capacity[0]).toMatchObject({ hasCapacity: false, reasons: 'Acutely intoxicated and unable to retain the information today.' });
    expect(status.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['agreement_without_capacity', 'consent_without_capacity']));
    expect(await mayContact(ctx, clientId, 'email')).toMatchObject({ allowed: false, reason: 'without_capacity' });

    // The next day, with capacity, the consent is given again and relied on.
    ctx.clock.advance(86_400_000);
    await relogin();
    await api.post(`/api/clients/${clientId}/consents`, { kind: 'channel', channel: 'email', given: true, capacity: capable });
    expect(await mayContact(ctx, clientId, 'email')).toMatchObject({ allowed: true, reason: 'consented' });
  });

  it('keeps consent out of reach of other practitioners', async () => {
    await signLinked();
    const other = await api.post('/api/clients', { name: 'Someone Else' });
    expect(other.statusCode).toBe(201);
    // An unknown client id is a plain 404, like a client that is not yours.
    expect((await api.get('/api/clients/nope/consent')).statusCode).toBe(404);
  });
});
