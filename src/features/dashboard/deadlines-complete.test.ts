import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { completeChecklist, courtOrder, logged } from '../../../test/requests/helpers.js';
import { clientWithHistory } from '../retention/retention.test-helpers.js';

interface Item { source: string; id: string; label: string; duty: string; due: string; status: string; href: string; urgency: string }

describe('the deadlines page lists every open clock', () => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());
  const items = async () => ((await api.get('/api/dashboard/deadlines')).json() as { items: Item[] }).items;

  it('includes a court order’s date, a solicitor’s reply-by date, subject access and disposal reviews', async () => {
    const open = await clientWithHistory(api, { name: 'Jordan Avery', sessions: ['2026-10-01'], close: false });
    const order = await logged(api, { ...courtOrder(open.id), dueOn: '2026-12-21' });
    const solicitor = await logged(api, {
      requesterType: 'solicitor', requester: { name: 'A Solicitor', organisation: 'Hale & Co', role: 'Solicitor', verifiedHow: 'Law Society register' },
      asks: 'records', asked: 'Records for a claim.', authority: 'client_authority', clientId: open.id, dueOn: '2026-11-16',
    });
    const noDate = await logged(api, { ...courtOrder(open.id), dueOn: null });
    expect((await api.post('/api/sar/requests', { clientId: open.id, right: 'access', receivedOn: '2026-11-01' })).statusCode).toBe(201);
    const closed = await clientWithHistory(api, { name: 'Long Finished', dob: '1970-01-01', sessions: ['2018-05-01'] });

    const list = await items();
    const orderItem = list.find((i) => i.id === order);
    expect(orderItem).toMatchObject({ source: 'request', due: '2026-12-21', href: `/requests/${order}` });
    expect(orderItem?.duty).toMatch(/court order/);
    expect(list.find((i) => i.id === solicitor)).toMatchObject({ source: 'request', due: '2026-11-16', duty: 'Reply to the requester' });
    expect(list.find((i) => i.id === noDate)).toBeUndefined();
    expect(list.some((i) => i.source === 'sar')).toBe(true);
    expect(list.find((i) => i.source === 'retention' && i.label.includes(closed.caseCode))).toMatchObject({ href: '/retention' });
    // Nothing identifying in the list.
    expect(JSON.stringify(list)).not.toMatch(/Jordan|Avery|Long Finished|Hale/);

    // A decided request has no clock left.
    await completeChecklist(api, order);
    await api.put(`/api/requests/${order}/decision`, { outcome: 'disclose_in_part', reasons: 'The order covers attendance.' });
    expect((await api.post(`/api/requests/${order}/decision/sign`)).statusCode).toBe(204);
    expect((await items()).find((i) => i.id === order)).toBeUndefined();
  });
});
