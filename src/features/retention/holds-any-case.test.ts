import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { clientWithHistory } from './retention.test-helpers.js';

describe('former and current clients alike: holds, rights and requests', () => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('offers every case for a hold, marked open or closed, and places a litigation hold on an open one', async () => {
    const open = await clientWithHistory(api, { name: 'Still Seeing', sessions: ['2026-10-01'], close: false });
    const closed = await clientWithHistory(api, { name: 'Long Finished', sessions: ['2020-05-01'] });
    const cases = (await api.get('/api/retention/cases')).json() as { caseCode: string; status: string }[];
    expect(cases).toEqual(expect.arrayContaining([{ caseCode: open.caseCode, status: 'open' }, { caseCode: closed.caseCode, status: 'closed' }]));
    expect(cases).toHaveLength(2);

    const hold = await api.post('/api/retention/holds', { caseCode: open.caseCode, kind: 'litigation', reason: 'Solicitor’s letter: proceedings expected.' });
    expect(hold.statusCode).toBe(201);
    const holds = (await api.get(`/api/retention/holds?caseCode=${open.caseCode}`)).json() as { kind: string; source: string }[];
    expect(holds).toEqual([expect.objectContaining({ kind: 'litigation', source: 'manual' })]);
    // Closing the case later leaves the hold in force, so disposal waits for it.
    expect((await api.post(`/api/clients/${open.id}/status`, { status: 'closed' })).statusCode).toBe(204);
    const schedule = (await api.get('/api/retention/schedule')).json() as { cases: { caseCode: string; holds: unknown[] }[] };
    expect(schedule.cases.find((c) => c.caseCode === open.caseCode)?.holds).toHaveLength(1);
  });

  it('accepts a subject access request and a request for information about a closed client', async () => {
    const closed = await clientWithHistory(api, { name: 'Long Finished', sessions: ['2020-05-01'] });
    const listed = (await api.get('/api/clients')).json() as { id: string; status: string }[];
    expect(listed.find((c) => c.id === closed.id)?.status).toBe('closed');
    const sar = await api.post('/api/sar/requests', { clientId: closed.id, right: 'access', receivedOn: '2026-11-01' });
    expect(sar.statusCode).toBe(201);
    const erasure = await api.post('/api/sar/requests', { clientId: closed.id, right: 'erasure', receivedOn: '2026-11-01' });
    expect(erasure.statusCode).toBe(201);
    const req = await api.post('/api/requests', {
      requesterType: 'solicitor', requester: { name: 'A Solicitor', organisation: 'Hale & Co', role: 'Solicitor', verifiedHow: 'Law Society register' },
      asks: 'records', asked: 'Records for a personal injury claim.', authority: 'client_authority', clientId: closed.id,
    });
    expect(req.statusCode).toBe(201);
  });
});
