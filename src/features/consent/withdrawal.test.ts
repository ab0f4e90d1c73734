import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { addClient, auditActions, prepare, signBody } from './consent.test-helpers.js';
import { mayContact } from './lookup.js';

describe('withdrawing a consent records how and when the client asked', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let clientId: string;
  let smsId: string;
  beforeEach(async () => {
    ctx = await testContext({ clock: '2026-11-02T10:00:00.000Z' });
    ({ api } = await setUpPractice(ctx));
    clientId = await addClient(api);
    const a = await prepare(api, clientId);
    const link = (await api.post(`/api/clients/${clientId}/consent/agreements/${a.id}/link`)).json() as { token: string };
    expect((await new ApiClient(api.app).post(`/api/sign/${link.token}`, signBody())).statusCode).toBe(201);
    smsId = (await mayContact(ctx, clientId, 'sms')).consent?.id ?? '';
    expect(smsId).not.toBe('');
  });
  afterEach(async () => ctx.cleanup());

  const withdraw = (body: unknown) => api.post(`/api/clients/${clientId}/consents/${smsId}/withdraw`, body);

  it('refuses a withdrawal that does not say how the client asked, or a day still to come, and changes nothing', async () => {
    const none = await withdraw({});
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ error: { field: 'via' } });
    const pigeon = await withdraw({ via: 'pigeon' });
    expect(pigeon.statusCode).toBe(400);
    expect(pigeon.json()).toMatchObject({ error: { field: 'via' } });
    const future = await withdraw({ via: 'phone', askedOn: '2026-11-09' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ error: { field: 'askedOn' } });
    expect(await mayContact(ctx, clientId, 'sms')).toMatchObject({ allowed: true });
  });

  it('keeps the way and the day the client asked, in the record and the audit entry', async () => {
    const res = await withdraw({ via: 'letter', askedOn: '2026-10-30' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'withdrawn', withdrawnVia: 'letter', withdrawalAskedOn: '2026-10-30', withdrawnAt: '2026-11-02T10:00:31.000Z' });
    expect(await mayContact(ctx, clientId, 'sms')).toMatchObject({ allowed: false, reason: 'withdrawn' });
    const [entry] = await auditActions(ctx, 'consent.withdraw');
    expect(entry.details).toMatchObject({ via: 'letter', askedOn: '2026-10-30' });

    // Without a day, it is today; a second withdrawal is refused and keeps the first one's answers.
    expect((await withdraw({ via: 'phone' })).statusCode).toBe(409);
    const consents = ((await api.get(`/api/clients/${clientId}/consent`)).json() as { consents: { id: string; withdrawnVia: string | null }[] }).consents;
    expect(consents.find((c) => c.id === smsId)?.withdrawnVia).toBe('letter');
  });
});
