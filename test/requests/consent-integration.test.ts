import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';
import { prepare, signBody } from '../../src/features/consent/consent.test-helpers.js';
import { logged, newClient, policeNoOrder } from './helpers.js';

type TriageView = { status: string; triage: { basis: string; consentRecord: null | { consentId: string } } };

describe('requests use the consent register', () => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('triages with a current disclosure consent to this requester, and without it once withdrawn', async () => {
    const client = await newClient(api);
    const a = await prepare(api, client.id);
    const link = (await api.post(`/api/clients/${client.id}/consent/agreements/${a.id}/link`)).json() as { token: string };
    expect((await new ApiClient(api.app).post(`/api/sign/${link.token}`, signBody())).statusCode).toBe(201);
    const consent = await api.post(`/api/clients/${client.id}/consents`, { kind: 'disclosure', recipient: 'Metropolitan Police', what: 'records', purpose: 'Investigation of a burglary at the client’s home' });
    expect(consent.statusCode).toBe(201);
    const consentId = (consent.json() as { id: string }).id;

    const withConsent = (await api.get(`/api/requests/${await logged(api, policeNoOrder(client.id))}`)).json() as TriageView;
    expect(withConsent.triage.consentRecord).toMatchObject({ consentId });
    expect(withConsent.status).toBe('open');

    expect((await api.post(`/api/clients/${client.id}/consents/${consentId}/withdraw`, { via: 'phone' })).statusCode).toBe(200);
    const without = (await api.get(`/api/requests/${await logged(api, policeNoOrder(client.id))}`)).json() as TriageView;
    expect(without.triage.consentRecord).toBeNull();
    expect(without).toMatchObject({ status: 'awaiting_consent', triage: { basis: 'consent_needed' } });
  });
});
