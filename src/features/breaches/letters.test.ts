import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { pdfText } from '../retention/retention.test-helpers.js';

const INTERNAL = 'Dr Patel left the unencrypted ThinkPad (asset 0042) on the 18:05 from Leeds; IT were slow to wipe it.';
const FOR_CLIENTS = 'A practice laptop was left on a train. We asked for it to be wiped remotely the next morning.';
type Letter = { clientSummary: string | null; text: string; edited: boolean; ready: boolean };

describe('the breach letter to clients', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let breachId: string;
  let clientId: string;
  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
    const me = ((await api.get('/api/auth/me')).json() as { user: { id: string } }).user.id;
    clientId = ((await api.post('/api/clients', { name: 'Ffion Aldous', address: '1 Quay Street' })).json() as { id: string }).id;
    breachId = ((await api.post('/api/breaches', {
      kind: 'lost_device', summary: INTERNAL, reportedBy: 'Alex Morgan', occurredAt: '2026-11-01T18:00:00Z', discoveredAt: '2026-11-02T08:00:00Z',
      categories: ['identity', 'progress_notes'], scope: { kind: 'practitioner', practitionerId: me }, containment: [],
    })).json() as { id: string }).id;
  });
  afterEach(async () => ctx.cleanup());

  const letterPdf = () => api.get(`/api/breaches/${breachId}/letters/${clientId}`);

  it('never copies the register\'s description into the letter, and produces none until the client-facing account is written', async () => {
    const dr = await api.get(`/api/breaches/${breachId}/drafts`);
    const drafts = dr.json() as { individual: { sections: { text: string }[] } };
    expect(JSON.stringify(drafts.individual)).not.toContain('ThinkPad');
    const first = (await api.get(`/api/breaches/${breachId}/client-letter`)).json() as Letter;
    expect(first).toMatchObject({ clientSummary: null, ready: false, edited: false });
    expect(first.text).not.toContain('ThinkPad');
    const refused = await letterPdf();
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { message: expect.stringContaining('in words for clients') } });

    const saved = (await api.put(`/api/breaches/${breachId}/client-letter`, { clientSummary: FOR_CLIENTS })).json() as Letter;
    expect(saved).toMatchObject({ clientSummary: FOR_CLIENTS, ready: true, edited: false });
    expect(saved.text).toContain(FOR_CLIENTS);
    const pdf = await letterPdf();
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Dear Ffion Aldous');
    expect(text).toContain('A practice laptop was left on a train');
    expect(text).not.toContain('ThinkPad');
  });

  it('sends the letter as edited, sealed at rest, and audits each change', async () => {
    const drafted = (await api.put(`/api/breaches/${breachId}/client-letter`, { clientSummary: FOR_CLIENTS })).json() as Letter;
    const edited = drafted.text.replace('We are sorry that this has happened.', 'We are very sorry. Your counsellor will call you this week to talk it through.');
    const res = (await api.put(`/api/breaches/${breachId}/client-letter`, { clientSummary: FOR_CLIENTS, text: edited })).json() as Letter;
    expect(res).toMatchObject({ edited: true, text: edited });
    expect(pdfText((await letterPdf()).rawPayload)).toContain('Your counsellor will call you this week');
    const row = await ctx.db.kysely.selectFrom('breach_client_letters').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('counsellor will call');
    const audits = await ctx.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'breach.letter.edit').execute();
    expect(audits).toHaveLength(2);

    expect((await api.put(`/api/breaches/${breachId}/client-letter`, { clientSummary: '   ' })).json()).toMatchObject({ error: { field: 'clientSummary' } });
    const reminder = await api.put(`/api/breaches/${breachId}/client-letter`, { clientSummary: FOR_CLIENTS, text: 'What happened\n[Say here, in plain words for the client, what happened. The register\'s own description is not copied into letters.]' });
    expect(reminder.json()).toMatchObject({ error: { field: 'text' } });
  });
});
