import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';

describe('rectification, erasure, restriction and objection', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let clientId: string;
  let noteId: string;
  const open = async (right: string) => ((await api.post('/api/sar/requests', { clientId, right, receivedOn: '2026-04-01' })).json() as { id: string }).id;

  beforeEach(async () => {
    ctx = await testContext({ clock: '2026-04-02T10:00:00.000Z' });
    ({ api } = await setUpPractice(ctx));
    clientId = ((await api.post('/api/clients', { name: 'Jordan Avery', dob: '1988-04-12' })).json() as { id: string }).id;
    const session = ((await api.post(`/api/clients/${clientId}/sessions`, { date: '2026-03-02' })).json() as { id: string }).id;
    noteId = ((await api.post(`/api/clients/${clientId}/notes`, { kind: 'progress', text: 'Client said the move was in 2019.', sessionId: session, sign: true })).json() as { id: string }).id;
  });
  afterEach(async () => ctx.cleanup());

  it('rectifies by addendum: the original stays, the statement sits beside it, the log keeps the history', async () => {
    const id = await open('rectification');
    const r = await api.post(`/api/sar/requests/${id}/rectify`, { noteId, kind: 'disagreement', text: 'I moved in 2018, not 2019.' });
    expect(r.json()).toMatchObject({ status: 'completed', outcome: { decision: 'statement_added' } });
    const notes = (await api.get(`/api/clients/${clientId}/notes`)).json() as { id: string; text: string; addenda: { text: string }[] }[];
    const note = notes.find((n) => n.id === noteId);
    expect(note?.text).toBe('Client said the move was in 2019.');
    expect(note?.addenda[0].text).toMatch(/statement of disagreement.*I moved in 2018, not 2019\./);
    const log = (await api.get(`/api/clients/${clientId}/access-log`)).json() as { action: string }[];
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['note.addendum', 'sar.rectification_done']));
  });

  it('weighs erasure against retention: a refusal gives the date and the route to the ICO', async () => {
    const id = await open('erasure');
    expect((await api.get(`/api/sar/requests/${id}/retention`)).json()).toEqual({ policy: 'uk-default', lastContact: '2026-03-02', retainUntil: '2033-03-02', retentionApplies: true });
    expect((await api.post(`/api/sar/requests/${id}/erasure`, { decision: 'refuse', reasons: ' ' })).json()).toMatchObject({ error: { field: 'reasons' } });
    const r = (await api.post(`/api/sar/requests/${id}/erasure`, { decision: 'refuse', reasons: 'Professional body requires records for seven years.' })).json() as { request: { status: string; outcome: Record<string, string> } };
    expect(r.request.status).toBe('refused');
    expect(r.request.outcome.effect).toContain('2033-03-02');
    expect(r.request.outcome.complaintRoute).toContain('Information Commissioner');
  });

  it('erases securely when that is the decision; the request stays on the register', async () => {
    const id = await open('erasure');
    await api.post(`/api/sar/requests/${id}/redactions/propose`);
    const r = (await api.post(`/api/sar/requests/${id}/erasure`, { decision: 'erase', reasons: 'Seen once; no duty to keep applies.' })).json();
    expect(r).toMatchObject({ erased: true });
    expect((await api.get(`/api/clients/${clientId}`)).statusCode).toBe(410);
    const listed = (await api.get('/api/sar/requests')).json() as { id: string; status: string }[];
    expect(listed.find((x) => x.id === id)?.status).toBe('completed');
    const certs = (await api.get('/api/retention/certificates')).json() as { basis: string }[];
    expect(certs.map((c) => c.basis)).toContain('erasure_request');
  });

  it('records restriction and objection decisions with their effect', async () => {
    const id = await open('restriction');
    expect((await api.post(`/api/sar/requests/${id}/decision`, { decision: 'upheld', reasons: 'Accuracy contested', effect: '' })).statusCode).toBe(400);
    const r = (await api.post(`/api/sar/requests/${id}/decision`, { decision: 'upheld', reasons: 'Accuracy contested while checked', effect: 'Notes are kept but not used or shared until the check is done.' })).json();
    expect(r).toMatchObject({ status: 'completed', outcome: { decision: 'upheld', effect: expect.stringContaining('not used or shared') } });
    const obj = await open('objection');
    const d = (await api.post(`/api/sar/requests/${obj}/decision`, { decision: 'declined', reasons: 'Records are needed for care', effect: 'Record keeping continues.' })).json();
    expect(d).toMatchObject({ status: 'refused', outcome: { complaintRoute: expect.stringContaining('ico.org.uk') } });
  });
});
