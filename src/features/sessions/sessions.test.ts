import { afterEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice, signInClient } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { lastContact } from './sessions.repository.js';

interface Session { id: string; date: string; attendance: string; caseCode: string }

describe('sessions: planned ahead, marked only once their day has come', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let signInAgain: () => Promise<ApiClient>;
  afterEach(async () => ctx.cleanup());

  async function start(clock?: string): Promise<{ id: string; caseCode: string }> {
    ctx = await testContext(clock ? { clock } : {});
    const setup = await setUpPractice(ctx);
    api = setup.api;
    signInAgain = () => signInClient(ctx, setup.app, setup.email, setup.totpSecret);
    return (await api.post('/api/clients', { name: 'Sam Reyes' })).json() as { id: string; caseCode: string };
  }
  const add = (clientId: string, body: Record<string, unknown>) => api.post(`/api/clients/${clientId}/sessions`, { durationMinutes: 50, modality: 'in_person', ...body });

  it('refuses "attended" or "did not attend" for a future date, plans it instead, and marks it once the day comes', async () => {
    const client = await start();
    for (const attendance of ['attended', 'did_not_attend']) {
      const res = await add(client.id, { date: '2027-03-04', attendance });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid_input', field: 'attendance' } });
    }
    const planned = await add(client.id, { date: '2027-03-04', attendance: 'planned' });
    expect(planned.statusCode).toBe(201);
    // Left unsaid, a future date is planned and a past one attended.
    expect(((await add(client.id, { date: '2026-12-01' })).json() as Session).attendance).toBe('planned');
    expect(((await add(client.id, { date: '2026-10-20' })).json() as Session).attendance).toBe('attended');
    // A cancellation can be recorded ahead.
    expect((await add(client.id, { date: '2026-12-08', attendance: 'cancelled_by_client' })).statusCode).toBe(201);

    const id = (planned.json() as Session).id;
    const early = await api.patch(`/api/clients/${client.id}/sessions/${id}`, { attendance: 'attended' });
    expect(early.json()).toMatchObject({ error: { field: 'attendance' } });
    ctx.clock.set('2027-03-04T09:00:00.000Z');
    api = await signInAgain();
    const marked = await api.patch(`/api/clients/${client.id}/sessions/${id}`, { attendance: 'attended' });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ id, attendance: 'attended' });
    expect((await api.patch(`/api/clients/${client.id}/sessions/not-a-session`, { attendance: 'attended' })).statusCode).toBe(404);
  });

  it('decides "today" in the practice time zone, not UTC', async () => {
    // 23:30 UTC on 1 July is already 2 July in London.
    const client = await start('2026-07-01T23:30:00.000Z');
    expect((await add(client.id, { date: '2026-07-02', attendance: 'attended' })).statusCode).toBe(201);
    expect((await add(client.id, { date: '2026-07-03', attendance: 'attended' })).statusCode).toBe(400);
  });

  it('counts only sessions that took place in the consent warning and the last contact', async () => {
    const client = await start();
    expect((await add(client.id, { date: '2026-10-26', attendance: 'attended' })).statusCode).toBe(201);
    expect((await add(client.id, { date: '2026-10-19', attendance: 'did_not_attend' })).statusCode).toBe(201);
    expect((await add(client.id, { date: '2027-01-11' })).statusCode).toBe(201);
    // A row marked attended ahead before this rule existed must not count either.
    await ctx.db.kysely.insertInto('therapy_sessions').values({ id: 'legacy-future', case_code: client.caseCode, session_date: '2027-06-01', duration_minutes: 50, modality: 'in_person', attendance: 'attended', created_by: 'cli', created_at: ctx.clock.now().toISOString() }).execute();

    const warnings = (await api.get(`/api/clients/${client.id}/consent/warnings`)).json() as { code: string; message: string }[];
    expect(warnings.find((w) => w.code === 'no_signed_agreement')?.message).toContain('one session has already taken place');
    expect(await lastContact(ctx.db.kysely, client.caseCode, '2026-11-02')).toBe('2026-10-26');
  });
});
