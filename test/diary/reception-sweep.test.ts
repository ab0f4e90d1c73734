import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/features/retention/retention.test-helpers.js';
import { type TestContext, testContext } from '../support/context.js';
import { type Caller, type OpenApiDoc, operationsOf, requestFor } from '../authz/requests.js';
import { MARK, type Seed, seedPractice } from '../authz/seed.js';
import { type Colleague, addColleague, signInWithCode } from '../staff/support.js';

/**
 * Every published operation, called by a receptionist with practitioner A's real ids. Reception
 * may learn that the client exists and their first name and initial (the diary), and the contact
 * details the client agreed to (here none: the seeded agreement is not signed). Never the full
 * name, contact details, notes, drafts, addenda, letters, documents, requests, sharing or breach
 * text, and never a 500.
 */
describe('reception sweep over every published operation', () => {
  let ctx: TestContext;
  let seed: Seed;
  let rec: Colleague;
  let doc: OpenApiDoc;

  beforeAll(async () => {
    ctx = await testContext();
    seed = await seedPractice(ctx);
    rec = await addColleague(ctx, seed.app, seed.lead, ['reception']);
    doc = (await seed.lead.get('/api/openapi.json')).json() as typeof doc;
  }, 120_000);
  afterAll(async () => ctx?.cleanup());

  it('answers reception without any clinical or identifying detail beyond the diary’s', async () => {
    const forbidden = [MARK.name, MARK.email, MARK.phone, MARK.address, MARK.note, MARK.draft, MARK.addendum, MARK.letter, MARK.fileName, MARK.request, MARK.share, MARK.breach, '1979-05-06'];
    const caller: Caller = { label: 'reception', api: rec.api, id: rec.id };
    const problems: string[] = [];
    const reached: string[] = [];
    for (const o of operationsOf(doc)) {
      const { url, body } = requestFor(o, seed.ids, seed.seq, caller);
      const res = await rec.api.call(o.method.toUpperCase() as 'GET', url, body);
      const where = `${o.key} → ${res.statusCode}`;
      if (res.statusCode >= 500) problems.push(`${where}: ${res.body.slice(0, 200)}`);
      const isPdf = res.rawPayload.subarray(0, 5).toString('latin1') === '%PDF-';
      const text = isPdf ? pdfText(res.rawPayload) : res.body;
      for (const marker of forbidden) if (text.includes(marker)) problems.push(`${where}: reveals "${marker}"`);
      if (res.statusCode < 300 && o.path.startsWith('/api/clients/{id}') && o.method === 'get') reached.push(where);
    }
    expect(problems).toEqual([]);
    // Nothing under a client's record answers reception.
    expect(reached).toEqual([]);
    // The sweep ends by signing out; signed in again, the one thing reception sees of this
    // client is the diary's short name.
    const { api } = await signInWithCode(ctx, seed.app, rec.email, rec.totpSecret);
    const clients = (await api.get('/api/diary/clients')).json() as { id: string; name: string }[];
    expect(clients.find((c) => c.id === seed.ids.clientId)?.name).toBe('Wilhelmina Q.');
    expect(((await api.get(`/api/diary/clients/${seed.ids.clientId}/contact`)).json() as { channels: unknown[] }).channels).toEqual([]);
  }, 240_000);
});
