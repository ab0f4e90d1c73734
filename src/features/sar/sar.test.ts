import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, addStaff, testContext } from '../../../test/support/context.js';
import { getRequest, listRequests } from './sar.service.js';

const EMAIL = `Hello,\n\nPlease send me everything you hold about me, including my session notes.\n\nThanks, Jordan`;

describe('rights request register and dashboard', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let clientId: string;

  afterEach(async () => ctx.cleanup());

  async function start(jurisdiction = 'GB-ENG', clock = '2026-01-31T10:00:00.000Z') {
    ctx = await testContext({ clock });
    ({ api } = await setUpPractice(ctx, jurisdiction));
    clientId = ((await api.post('/api/clients', { name: 'Jordan Avery', dob: '1988-04-12' })).json() as { id: string }).id;
  }

  describe('UK', () => {
    beforeEach(() => start());

    it('detects an access request in a pasted email and opens it with the ICO deadline', async () => {
      const det = (await api.post('/api/sar/detect', { text: EMAIL })).json() as { right: string; cues: string[] };
      expect(det.right).toBe('access');
      expect(det.cues.length).toBeGreaterThan(0);
      const res = await api.post('/api/sar/requests', { clientId, message: EMAIL, receivedOn: '2026-01-31' });
      expect(res.statusCode).toBe(201);
      const r = res.json() as Record<string, unknown>;
      // One calendar month from 31 January: no 31 February, so the last day of February (Sat 28th) → next working day.
      expect(r).toMatchObject({ right: 'access', regime: 'uk-gdpr', dueOn: '2026-03-02', extendedDueOn: '2026-04-30', status: 'awaiting_verification', feeCents: 0 });
      expect((r.message as { cues: string[] }).cues.length).toBeGreaterThan(0);
    });

    it('takes the received date in the practice’s time zone', async () => {
      // 23:30 UTC on 30 June is 00:30 on 1 July in London.
      const r = (await api.post('/api/sar/requests', { clientId, right: 'access', receivedAt: '2025-06-30T23:30:00Z' })).json() as { receivedOn: string };
      expect(r.receivedOn).toBe('2025-07-01');
    });

    it('records verification, refuses a late extension notice, accepts a timely one', async () => {
      const r = (await api.post('/api/sar/requests', { clientId, right: 'access', receivedOn: '2026-01-05' })).json() as { id: string; dueOn: string };
      expect(r.dueOn).toBe('2026-02-05');
      const v = await api.post(`/api/sar/requests/${r.id}/verify`, { method: 'known_to_practitioner', on: '2026-01-06' });
      expect(v.json()).toMatchObject({ status: 'in_progress', verification: { method: 'known_to_practitioner', on: '2026-01-06' } });
      const late = await api.post(`/api/sar/requests/${r.id}/extend`, { reason: 'Ten years of records to review', toldOn: '2026-02-06' });
      expect(late.statusCode).toBe(400);
      expect(late.json()).toMatchObject({ error: { field: 'toldOn' } });
      const ok = await api.post(`/api/sar/requests/${r.id}/extend`, { reason: 'Ten years of records to review', toldOn: '2026-01-20' });
      expect(ok.json()).toMatchObject({ extended: true, currentDueOn: '2026-04-07', extensionReason: 'Ten years of records to review' });
      expect((await api.post(`/api/sar/requests/${r.id}/extend`, { reason: 'again', toldOn: '2026-01-21' })).statusCode).toBe(400);
    });

    it('charges no fee unless a lawful reason is given', async () => {
      const r = (await api.post('/api/sar/requests', { clientId, right: 'access', receivedOn: '2026-01-05' })).json() as { id: string };
      expect((await api.post(`/api/sar/requests/${r.id}/fee`, { feeCents: 1000 })).json()).toMatchObject({ error: { field: 'feeReason' } });
      expect((await api.post(`/api/sar/requests/${r.id}/fee`, { feeCents: 1000, feeReason: 'cost_based_copying' })).statusCode).toBe(400);
      expect((await api.post(`/api/sar/requests/${r.id}/fee`, { feeCents: 1000, feeReason: 'further_copies' })).json()).toMatchObject({ feeCents: 1000 });
    });

    it('restarts the clock from verification only when asked', async () => {
      const r = (await api.post('/api/sar/requests', { clientId, right: 'access', receivedOn: '2026-01-05' })).json() as { id: string };
      const v = (await api.post(`/api/sar/requests/${r.id}/verify`, { method: 'photo_id', on: '2026-01-12', clockFromVerification: true })).json();
      expect(v).toMatchObject({ clockStartOn: '2026-01-12', dueOn: '2026-02-12' });
    });

    it('shows open requests on the dashboard, overdue first, and audits it all', async () => {
      const old = (await api.post('/api/sar/requests', { clientId, right: 'access', receivedOn: '2025-12-01' })).json() as { id: string };
      const fresh = (await api.post('/api/sar/requests', { clientId, right: 'rectification', receivedOn: '2026-01-30' })).json() as { id: string };
      const done = (await api.post('/api/sar/requests', { clientId, right: 'objection', receivedOn: '2026-01-29' })).json() as { id: string };
      await api.post(`/api/sar/requests/${done.id}/close`, { status: 'withdrawn' });
      const d = (await api.get('/api/dashboard/deadlines')).json() as { overdue: number; items: { id: string; urgency: string; source: string; href: string }[] };
      expect(d.items.map((i) => i.id)).toEqual([old.id, fresh.id]);
      expect(d.overdue).toBe(1);
      expect(d.items[0]).toMatchObject({ urgency: 'overdue', source: 'sar', href: `/subject-access/${old.id}` });
      const log = (await api.get(`/api/clients/${clientId}/access-log`)).json() as { action: string }[];
      expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['sar.open', 'sar.withdrawn']));
    });

    it('names the field on bad input and hides other practitioners’ requests', async () => {
      expect((await api.post('/api/sar/requests', { clientId, right: 'gossip' })).json()).toMatchObject({ error: { field: 'right' } });
      expect((await api.post('/api/sar/requests', { clientId, right: 'access', receivedOn: '2027-01-01' })).json()).toMatchObject({ error: { field: 'receivedOn' } });
      expect((await api.get('/api/sar/requests/nope')).statusCode).toBe(404);
      const r = (await api.post('/api/sar/requests', { clientId, right: 'access', receivedOn: '2026-01-05' })).json() as { id: string; caseCode: string };
      const practiceId = (await ctx.db.kysely.selectFrom('practices').select('id').executeTakeFirstOrThrow()).id;
      const other = (await addStaff(ctx, practiceId, ['practitioner'])).principal;
      await expect(getRequest(ctx, other, r.id)).rejects.toMatchObject({ code: 'not_found' });
      expect(await listRequests(ctx, other)).toEqual([]);
    });
  });

  it('uses HIPAA’s 30 days for a US practice', async () => {
    await start('US-CA', '2026-03-05T18:00:00.000Z');
    const r = (await api.post('/api/sar/requests', { clientId, right: 'access', receivedOn: '2026-03-01' })).json();
    expect(r).toMatchObject({ regime: 'hipaa', dueOn: '2026-03-31', extendedDueOn: '2026-04-30' });
    const amend = (await api.post('/api/sar/requests', { clientId, right: 'rectification', receivedOn: '2026-03-01' })).json();
    expect(amend).toMatchObject({ dueOn: '2026-04-30' });
  });
});
