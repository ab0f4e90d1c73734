import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';
import { type Colleague, addColleague } from '../staff/support.js';
import { completeChecklist, logged, newClient } from '../requests/helpers.js';

/**
 * The data-protection officer's registers show what happened to requests and disclosures without
 * a name or a word of content: distinctive markers are planted everywhere and must never appear.
 */
describe('registers of requests and disclosures', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let admin: ApiClient;
  let ann: Colleague;
  let dpo: Colleague;
  let client: { id: string; caseCode: string };
  let requestId: string;
  let otherId: string;
  const MARKERS = ['Zephyrine Quillbottom', 'Xanthorp Holdings', 'Kestrelwick asked', 'Obadiah Fenwright', 'Plumtree reasons', 'Wrenfield purpose'];

  beforeAll(async () => {
    ctx = await testContext();
    ({ app, api: admin } = await setUpPractice(ctx));
    ann = await addColleague(ctx, app, admin);
    dpo = await addColleague(ctx, app, admin, ['dpo']);
    client = await newClient(ann.api, 'Zephyrine Quillbottom', '1980-02-03');
    const note = ((await ann.api.post(`/api/clients/${client.id}/notes`, { kind: 'progress', text: 'Attended.' })).json() as { id: string }).id;
    requestId = await logged(ann.api, {
      requesterType: 'court', requester: { name: 'Obadiah Fenwright', organisation: 'Xanthorp Holdings', role: 'Clerk', verifiedHow: 'Called back' },
      asks: 'records', asked: 'Kestrelwick asked for attendance records.', authority: 'court_order', clientId: client.id, dueOn: '2026-12-20',
    });
    await completeChecklist(ann.api, requestId);
    await ann.api.put(`/api/requests/${requestId}/decision`, { outcome: 'disclose_in_part', reasons: 'Plumtree reasons.' });
    await ann.api.post(`/api/requests/${requestId}/decision/sign`);
    const pack = await ann.api.post(`/api/requests/${requestId}/pack`, { noteIds: [note], purpose: 'Wrenfield purpose' });
    if (pack.statusCode !== 201) throw new Error(pack.body);
    otherId = await logged(ann.api, {
      requesterType: 'media', requester: { name: 'Obadiah Fenwright', organisation: 'Xanthorp Holdings', role: 'Researcher', verifiedHow: 'Email only' },
      asks: 'contact_clients', asked: 'Kestrelwick asked to talk to clients.', authority: 'none',
    });
  }, 120_000);
  afterAll(async () => ctx?.cleanup());

  it('gives the data-protection officer every request as metadata, with its disclosures counted', async () => {
    const r = await dpo.api.get('/api/registers/requests');
    expect(r.statusCode).toBe(200);
    const rows = r.json() as { id: string; reference: string; caseCode: string | null; disclosures: number }[];
    expect(rows.find((x) => x.id === requestId)).toMatchObject({
      requesterType: 'court', asks: 'records', authority: 'court_order', dueOn: '2026-12-20', caseCode: client.caseCode, emergency: false,
      restricted: false, contraryToAdvice: false, disclosures: 1, status: 'decided',
    });
    expect(rows.find((x) => x.id === requestId)?.reference).toMatch(/^R-[0-9A-F]{8}$/);
    expect(rows.find((x) => x.id === otherId)).toMatchObject({ requesterType: 'media', caseCode: null, disclosures: 0 });
    for (const m of MARKERS) expect(r.body).not.toContain(m);
  });

  it('gives the accounting of disclosures across the practice without recipient, content or purpose', async () => {
    const r = await dpo.api.get('/api/registers/disclosures');
    expect(r.statusCode).toBe(200);
    const rows = r.json() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ caseCode: client.caseCode, requesterType: 'court', kind: 'pack', noteCount: 1 });
    const reqs = (await dpo.api.get('/api/registers/requests')).json() as { id: string; reference: string }[];
    expect(rows[0]!.reference).toBe(reqs.find((x) => x.id === requestId)?.reference);
    for (const m of MARKERS) expect(r.body).not.toContain(m);
  });

  it('is open to an admin, refused to a practitioner, and each read is in the audit log', async () => {
    expect((await admin.get('/api/registers/requests')).statusCode).toBe(200);
    for (const path of ['/api/registers/requests', '/api/registers/disclosures']) {
      const r = await ann.api.get(path);
      expect(r.statusCode).toBe(403);
      for (const m of MARKERS) expect(r.body).not.toContain(m);
    }
    const actions = (await ctx.db.kysely.selectFrom('audit_log').select(['action', 'outcome', 'actor_id']).where('action', 'like', 'register.%').execute());
    expect(actions).toContainEqual(expect.objectContaining({ action: 'register.requests.read', actor_id: dpo.id }));
    expect(actions).toContainEqual(expect.objectContaining({ action: 'register.disclosures.read', actor_id: dpo.id }));
    expect(actions).toContainEqual(expect.objectContaining({ action: 'register.requests.read', outcome: 'denied', actor_id: ann.id }));
  });
});
