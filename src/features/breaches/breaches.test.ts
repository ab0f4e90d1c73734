import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice, signInClient } from '../../../test/support/api.js';
import { prepare, signBody } from '../consent/consent.test-helpers.js';
import { type TestContext, addStaff, testContext } from '../../../test/support/context.js';
import { pdfText } from '../retention/retention.test-helpers.js';
import { listRegister } from './register.service.js';

type Clock = { audience: string; due: string; state: string; hoursLeft: number | null; required: boolean };
type B = { id: string; reference: string; affectedCount: number; clocks: Clock[]; overdue: boolean; status: string; outcome: string | null; affected: { clientId: string; caseCode: string }[] };

describe('the breach register (UK)', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let me: string;
  let again: () => Promise<void>;
  const clients: { id: string; caseCode: string }[] = [];

  beforeEach(async () => {
    ctx = await testContext();
    const s = await setUpPractice(ctx);
    api = s.api;
    // Sessions idle out when the test clock jumps by days: sign in again as a person would.
    again = async () => {
      api = await signInClient(ctx, s.app, s.email, s.totpSecret);
    };
    me = ((await api.get('/api/auth/me')).json() as { user: { id: string } }).user.id;
    clients.length = 0;
    for (const name of ['Ffion Aldous', 'Kwame Brightwell', 'Saoirse Delacourt']) clients.push((await api.post('/api/clients', { name, address: '1 Quay Street' })).json() as { id: string; caseCode: string });
  });
  afterEach(async () => ctx.cleanup());

  const lostLaptop = () => api.post('/api/breaches', {
    kind: 'lost_device', summary: 'Practice laptop left on a train; disk encryption status unknown.', reportedBy: 'Alex Morgan',
    occurredAt: '2026-11-01T18:00:00Z', discoveredAt: '2026-11-02T08:00:00Z', categories: ['identity', 'contact_details', 'progress_notes'],
    scope: { kind: 'practitioner', practitionerId: me }, containment: [{ at: '2026-11-02T08:30:00Z', text: 'Remote wipe requested; passwords changed.' }],
  });

  it('records a lost laptop, counts the clients on it, runs the 72-hour clock, and closes once everyone is told', async () => {
    const res = await lostLaptop();
    expect(res.statusCode).toBe(201);
    const b = res.json() as B;
    expect(b).toMatchObject({ reference: 'B-2026-0001', affectedCount: 3, status: 'open', overdue: false });
    expect(b.clocks).toEqual([expect.objectContaining({ audience: 'regulator', due: '2026-11-05T08:00:00Z', state: 'running', hoursLeft: 69, required: true })]);

    // Free text is sealed at rest.
    const row = await ctx.db.kysely.selectFrom('breaches').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('train');

    const dash = (await api.get('/api/dashboard/deadlines')).json() as { items: { source: string; label: string; due: string }[] };
    expect(dash.items).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'breach', label: 'Breach · B-2026-0001', due: '2026-11-05T08:00:00Z' })]));

    expect((await api.post(`/api/breaches/${b.id}/close`)).statusCode).toBe(409);
    const thin = await api.post(`/api/breaches/${b.id}/assessment`, { likelihood: 'likely', severity: 'severe', reasoning: 'short' });
    expect(thin.json()).toMatchObject({ error: { field: 'reasoning' } });
    const assessed = (await api.post(`/api/breaches/${b.id}/assessment`, {
      likelihood: 'likely', severity: 'severe', reasoning: 'Unencrypted counselling notes for three clients; a finder could read them.',
    })).json() as B;
    expect(assessed.outcome).toBe('high_risk');
    expect(assessed.clocks.map((c) => [c.audience, c.state])).toEqual([['regulator', 'running'], ['individual', 'running']]);

    const drafts = (await api.get(`/api/breaches/${b.id}/drafts`)).json() as { regulator: { sections: { heading: string; text: string }[] }; individual: { sections: { heading: string }[] } };
    const reg = drafts.regulator.sections.map((s) => `${s.heading}\n${s.text}`).join('\n');
    expect(reg).toContain('About 3 clients');
    expect(reg).toContain('Remote wipe requested');
    expect(reg).toContain('Alex Morgan, Riverside Counselling');
    expect(drafts.individual.sections.map((s) => s.heading)).toEqual(expect.arrayContaining(['What happened', 'What information was involved', 'What we have done', 'What you can do', 'Who to contact']));

    expect((await api.put(`/api/breaches/${b.id}/client-letter`, { clientSummary: 'A practice laptop holding records was left on a train.' })).statusCode).toBe(200);
    const letter = await api.get(`/api/breaches/${b.id}/letters/${clients[0].id}`);
    expect(letter.headers['content-type']).toContain('application/pdf');
    const text = pdfText(letter.rawPayload);
    expect(text).toContain('Dear Ffion Aldous');
    expect(text).toContain('B-2026-0001');
    expect(text).not.toContain('Kwame');

    ctx.clock.advance(24 * 3_600_000);
    await again();
    const tooEarly = await api.post(`/api/breaches/${b.id}/notifications`, { audience: 'regulator', decision: 'sent', sentOn: '2026-11-09', channel: 'online_form' });
    expect(tooEarly.json()).toMatchObject({ error: { field: 'sentOn' } });
    await api.post(`/api/breaches/${b.id}/notifications`, { audience: 'regulator', decision: 'sent', sentOn: '2026-11-03', channel: 'online_form' });
    await api.post(`/api/breaches/${b.id}/notifications`, { audience: 'individual', clientId: clients[0].id, decision: 'sent', sentOn: '2026-11-03', channel: 'post' });
    await api.post(`/api/breaches/${b.id}/notifications`, { audience: 'individual', clientId: clients[1].id, decision: 'sent', sentOn: '2026-11-03', channel: 'in_person' });
    expect((await api.post(`/api/breaches/${b.id}/close`)).json()).toMatchObject({ error: { message: expect.stringContaining('individual') } });
    const noReason = await api.post(`/api/breaches/${b.id}/notifications`, { audience: 'individual', clientId: clients[2].id, decision: 'not_notified' });
    expect(noReason.json()).toMatchObject({ error: { field: 'reason' } });
    await api.post(`/api/breaches/${b.id}/notifications`, { audience: 'individual', clientId: clients[2].id, decision: 'not_notified', reason: 'Client died in 2025; next of kin not to be contacted.' });

    const closed = await api.post(`/api/breaches/${b.id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', clocks: [expect.objectContaining({ state: 'done' }), expect.objectContaining({ state: 'done' })] });

    const csv = (await api.get('/api/breaches/register.csv')).body;
    expect(csv.split('\r\n')[0]).toBe('reference,regime,kind,occurredAt,discoveredAt,affectedCount,outcome,status,closedAt,notifications');
    expect(csv).toContain('B-2026-0001,uk-gdpr,lost_device');
    expect(csv).not.toContain('train');
    const pdf = pdfText((await api.get('/api/breaches/register.pdf')).rawPayload);
    expect(pdf).toContain('Breach register');
    expect(pdf).toContain('B-2026-0001');
  });

  it('opens a breach from an access-log entry and makes an unanswered 72 hours loud', async () => {
    await api.get(`/api/clients/${clients[1].id}`);
    const log = (await api.get(`/api/clients/${clients[1].id}/access-log`)).json() as { seq: number; action: string }[];
    const read = log.find((e) => e.action === 'client.read');
    const res = await api.post('/api/breaches/from-audit', { seq: read?.seq });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'unauthorised_access', affectedCount: 1, auditSeq: read?.seq, affected: [{ clientId: clients[1].id }] });
    expect((await api.post('/api/breaches/from-audit', { seq: 999_999 })).statusCode).toBe(404);

    ctx.clock.advance(73 * 3_600_000);
    await again();
    const list = (await api.get('/api/breaches')).json() as B[];
    expect(list[0]).toMatchObject({ overdue: true, clocks: [expect.objectContaining({ audience: 'regulator', state: 'overdue' })] });
  });

  it('names the field on bad input, and keeps the register to managers', async () => {
    expect((await api.post('/api/breaches', { kind: 'meteor', summary: 'x', reportedBy: 'y', occurredAt: '2026-11-01T00:00:00Z', discoveredAt: '2026-11-01T00:00:00Z', categories: ['identity'] })).json()).toMatchObject({ error: { field: 'kind' } });
    const backwards = await api.post('/api/breaches', { kind: 'paper', summary: 'File left in a café.', reportedBy: 'Reception', occurredAt: '2026-11-01T10:00:00Z', discoveredAt: '2026-11-01T09:00:00Z', categories: ['identity'] });
    expect(backwards.json()).toMatchObject({ error: { field: 'discoveredAt' } });
    const practiceId = (await ctx.db.kysely.selectFrom('practices').select('id').executeTakeFirstOrThrow()).id;
    const { principal } = await addStaff(ctx, practiceId, ['practitioner']);
    await expect(listRegister(ctx, principal)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("refuses a client notice by a channel the client refused", async () => {
    const b = (await lostLaptop()).json() as B;
    // The client signs the agreement by link, refusing email.
    const a = await prepare(api, clients[2].id);
    const link = (await api.post(`/api/clients/${clients[2].id}/consent/agreements/${a.id}/link`)).json() as { token: string };
    expect((await new ApiClient(api.app).post(`/api/sign/${link.token}`, signBody({ email: false, sms: false, phone: true, video: false }))).statusCode).toBe(201);
    const res = await api.post(`/api/breaches/${b.id}/notifications`, { audience: 'individual', clientId: clients[2].id, decision: 'sent', sentOn: '2026-11-02', channel: 'email' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { field: 'channel', message: expect.stringContaining('refused') } });
    expect((await api.post(`/api/breaches/${b.id}/notifications`, { audience: 'individual', clientId: clients[2].id, decision: 'sent', sentOn: '2026-11-02', channel: 'in_person' })).statusCode).toBe(200);
  });

  it('holds back disposal of affected cases while the breach is open', async () => {
    const b = (await lostLaptop()).json() as B;
    const holds = (await api.get(`/api/retention/holds?caseCode=${clients[0].caseCode}`)).json() as { kind: string; reason: string }[];
    expect(holds).toEqual([expect.objectContaining({ kind: 'breach_investigation', reason: `Breach ${b.reference} is still open.` })]);
  });
});

describe('the breach register (HIPAA)', () => {
  let ctx: TestContext;
  let api: ApiClient;
  afterEach(async () => ctx.cleanup());

  it('runs the 60-day and HHS clocks and closes on a documented low probability of compromise', async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx, 'US-CA'));
    const ids: string[] = [];
    for (const name of ['Dana Whitcombe', 'Luis Arriaga']) ids.push(((await api.post('/api/clients', { name })).json() as { id: string }).id);
    const b = (await api.post('/api/breaches', {
      kind: 'misdirected_message', summary: 'Appointment summary emailed to the wrong address.', reportedBy: 'Front desk',
      occurredAt: '2026-10-01T16:00:00Z', discoveredAt: '2026-10-02T03:00:00Z', categories: ['identity', 'session_dates'], clientIds: ids,
    })).json() as B;
    // 03:00 UTC on 2 October is still 1 October in Los Angeles.
    expect(b.clocks).toEqual([
      expect.objectContaining({ audience: 'individual', due: '2026-11-30', state: 'running' }),
      expect.objectContaining({ audience: 'hhs', due: '2027-03-01', state: 'running' }),
    ]);
    const missing = await api.post(`/api/breaches/${b.id}/assessment`, { likelihood: 'remote', severity: 'minimal', reasoning: 'Recipient is a covered entity who deleted it.' });
    expect(missing.json()).toMatchObject({ error: { field: 'factors.nature_extent' } });
    const low = (await api.post(`/api/breaches/${b.id}/assessment`, {
      likelihood: 'remote', severity: 'minimal', reasoning: 'Recipient is a covered entity who confirmed deletion in writing; dates only.',
      factors: { nature_extent: 'low', unauthorised_person: 'low', acquired_viewed: 'low', mitigation: 'low' },
    })).json() as B;
    expect(low.outcome).toBe('low_probability');
    expect(low.clocks.every((c) => c.state === 'not_required')).toBe(true);
    expect((await api.post(`/api/breaches/${b.id}/close`)).statusCode).toBe(200);
  });
});
