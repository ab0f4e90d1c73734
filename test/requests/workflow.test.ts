import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice, totpNow } from '../support/api.js';
import { PASSWORD, type TestContext, addStaff, testContext } from '../support/context.js';
import { completeChecklist, courtOrder, logged, newClient, policeNoOrder, tvResearcher, view } from './helpers.js';

describe('requests: register, triage and the guided decision', () => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('logs a TV researcher with no client linked and triages it as no basis: decline', async () => {
    const id = await logged(api, tvResearcher);
    const v = await view(api, id);
    expect(v).toMatchObject({ status: 'open', basis: 'no_basis', triage: { recommendation: 'decline' } });
    expect(v.triage.steps).toContain('do_not_confirm_client');
    expect(v.triage.reasons[0].rule).toMatch(/media/);
    expect(v.requester.name).toBe('Sally Producer');
    const list = (await api.get('/api/requests')).json() as { id: string; linked: boolean; organisation: string }[];
    expect(list).toEqual([expect.objectContaining({ id, linked: false, organisation: 'Brightside Television' })]);
    // Nothing identifying is stored in plaintext.
    const raw = JSON.stringify(await ctx.db.kysely.selectFrom('info_requests').selectAll().execute()) + JSON.stringify(await ctx.db.kysely.selectFrom('request_parties').selectAll().execute());
    expect(raw).not.toContain('Sally');
    expect(raw).not.toContain('affair');
  });

  it('takes a police request without an order through consent, supervisor advice and sign-off', async () => {
    const client = await newClient(api);
    const id = await logged(api, policeNoOrder(client.id));
    let v = await view(api, id);
    expect(v).toMatchObject({ status: 'awaiting_consent', basis: 'consent_needed' });
    expect(v.triage.steps).toEqual(expect.arrayContaining(['consult_supervisor', 'legal_advice', 'discuss_with_client']));

    // A supervisor step needs the name, date and advice.
    const bad = await api.post(`/api/requests/${id}/steps`, { step: 'consult_supervisor', name: 'Dr Ruth Ellis' });
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_input', field: 'date' } });
    expect((await api.post(`/api/requests/${id}/steps`, { step: 'consult_supervisor', name: 'Dr Ruth Ellis', date: '2026-11-01', advice: 'Ask the client; release nothing without an order or consent.' })).statusCode).toBe(201);
    const talk = await api.post(`/api/requests/${id}/steps`, { step: 'discuss_with_client', date: '2026-11-01', outcome: 'Client agreed to a short letter confirming attendance only.', consent: 'given' });
    expect(talk.json()).toMatchObject({ retriaged: true });
    v = await view(api, id);
    expect(v).toMatchObject({ status: 'open', consent: 'given' });
    expect(v.checklist.find((c) => c.step === 'consult_supervisor')?.latest).toMatchObject({ name: 'Dr Ruth Ellis', recordedByName: 'Alex Morgan' });

    // Sign-off waits for every step.
    expect((await api.put(`/api/requests/${id}/decision`, { outcome: 'provide_report', factors: ['Client consent', 'Minimum necessary'], reasons: 'A report of attendance meets the need.' })).statusCode).toBe(204);
    const early = await api.post(`/api/requests/${id}/decision/sign`);
    expect(early.json()).toMatchObject({ error: { field: 'steps' } });
    await completeChecklist(api, id);
    expect((await api.post(`/api/requests/${id}/decision/sign`)).statusCode).toBe(204);
    v = await view(api, id);
    expect(v).toMatchObject({ status: 'decided', decision: { outcome: 'provide_report', status: 'signed', factors: ['Client consent', 'Minimum necessary'] } });
  });

  it('refuses every edit after sign-off with 409 and appends corrections as addenda', async () => {
    const client = await newClient(api);
    const id = await logged(api, courtOrder(client.id));
    expect((await api.post(`/api/requests/${id}/addenda`, { text: 'too early' })).statusCode).toBe(409);
    await completeChecklist(api, id);
    await api.put(`/api/requests/${id}/decision`, { outcome: 'disclose_in_part', reasons: 'The order covers March to May only.', scope: 'Attendance and three notes' });
    expect((await api.post(`/api/requests/${id}/decision/sign`)).statusCode).toBe(204);

    expect((await api.put(`/api/requests/${id}/decision`, { outcome: 'decline', reasons: 'changed my mind' })).statusCode).toBe(409);
    expect((await api.post(`/api/requests/${id}/decision/sign`)).statusCode).toBe(409);
    expect((await api.post(`/api/requests/${id}/steps`, { step: 'legal_advice', source: 'x', advice: 'y' })).statusCode).toBe(409);
    expect((await api.patch(`/api/requests/${id}/status`, { status: 'open' })).statusCode).toBe(409);

    expect((await api.post(`/api/requests/${id}/addenda`, { text: 'Correction: the order was served on 2 November.' })).statusCode).toBe(201);
    const v = await view(api, id);
    expect(v.decision).toMatchObject({ outcome: 'disclose_in_part', reasons: 'The order covers March to May only.' });
    expect(v.addenda.map((a) => a.text)).toEqual(['Correction: the order was served on 2 November.']);
    expect((await api.patch(`/api/requests/${id}/status`, { status: 'closed' })).statusCode).toBe(204);
    const log = (await ctx.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', id).execute()).map((r) => r.action);
    expect(log).toEqual(expect.arrayContaining(['request.log', 'request.step', 'request.decision.save', 'request.decision.sign', 'request.addendum', 'request.status']));
  });

  it('keeps another practitioner out: not yours looks like not there', async () => {
    const client = await newClient(api);
    const id = await logged(api, policeNoOrder(client.id));
    const unlinked = await logged(api, tvResearcher);
    const practiceId = (await ctx.db.kysely.selectFrom('practices').select('id').executeTakeFirstOrThrow()).id;
    const other = await addStaff(ctx, practiceId);
    const otherApi = new ApiClient(api.app);
    await otherApi.post('/api/auth/signin', { email: other.email, password: PASSWORD });
    ctx.clock.advance(31_000);
    expect((await otherApi.post('/api/auth/totp/confirm', { code: totpNow(other.totpSecret, ctx.clock.now()) })).statusCode).toBe(200);
    expect((await otherApi.get(`/api/requests/${id}`)).statusCode).toBe(404);
    expect((await otherApi.get(`/api/requests/${unlinked}`)).statusCode).toBe(404);
    expect((await otherApi.get('/api/requests')).json()).toEqual([]);
  });

  it('names the field on bad input', async () => {
    const r = await api.post('/api/requests', { ...tvResearcher, authority: 'a letter' });
    expect(r.json()).toMatchObject({ error: { code: 'invalid_input', field: 'authority' } });
    const future = await api.post('/api/requests', { ...tvResearcher, receivedOn: '2030-01-01' });
    expect(future.json()).toMatchObject({ error: { field: 'receivedOn' } });
  });
});
