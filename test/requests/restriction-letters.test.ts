import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';
import { disclosuresVisibleToClient, activeRestrictions } from '../../src/features/disclosures/disclosures.service.js';
import { completeChecklist, courtOrder, logged, newClient, policeNoOrder, tvResearcher, view } from './helpers.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);

describe('requests: restriction, letters and authority documents', () => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('never confirms the client in a decline or a request for the proper instrument', async () => {
    const client = await newClient(api, 'Marisol Quintero-Blake');
    const id = await logged(api, { ...tvResearcher, asked: 'Is Marisol Quintero-Blake one of your clients? We would like to interview her.', clientId: client.id });
    for (const kind of ['decline', 'request_instrument']) {
      const letter = (await api.get(`/api/requests/${id}/letters/${kind}`)).json() as { text: string };
      expect(letter.text).toContain('Sally Producer');
      expect(letter.text).not.toMatch(/Marisol|Quintero|Blake/);
      expect(letter.text).not.toContain(client.caseCode);
      expect(letter.text).not.toContain(client.id);
      const pdf = await api.get(`/api/requests/${id}/letters/${kind}/pdf`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const instrument = (await api.get(`/api/requests/${id}/letters/request_instrument`)).json() as { text: string };
    expect(instrument.text).toContain('Schedule 1 to the Police and Criminal Evidence Act 1984');
    expect((await api.get(`/api/requests/${id}/letters/report_template`)).statusCode).toBe(200);
    expect((await api.get(`/api/requests/${id}/letters/poem`)).statusCode).toBe(400);
  });

  it('hides a "do not inform" request and its disclosure from the client until lifted, and records the lifting', async () => {
    const client = await newClient(api);
    const note = (await api.post(`/api/clients/${client.id}/notes`, { kind: 'progress', text: 'Session about work.' })).json() as { id: string };
    const id = await logged(api, courtOrder(client.id));
    await completeChecklist(api, id);
    await api.put(`/api/requests/${id}/decision`, { outcome: 'disclose_in_part', reasons: 'Order; the police asked that the client is not told.', doNotInformClient: true });
    expect((await api.post(`/api/requests/${id}/decision/sign`)).statusCode).toBe(204);
    expect((await view(api, id)).restricted).toBe(true);
    const pack = await api.post(`/api/requests/${id}/pack`, { noteIds: [note.id], purpose: 'Court proceedings' });
    expect(pack.statusCode).toBe(201);
    const disclosureId = (pack.json() as { disclosureId: string }).disclosureId;

    expect(await disclosuresVisibleToClient(ctx, client.id)).toEqual([]);
    expect(await activeRestrictions(ctx, client.id)).toEqual([expect.objectContaining({ requestId: id, disclosureIds: [disclosureId] })]);
    // The practitioner's own accounting still shows it, marked.
    const acct = (await api.get(`/api/clients/${client.id}/disclosures`)).json() as { disclosures: { id: string; restricted: boolean }[] };
    expect(acct.disclosures).toEqual([expect.objectContaining({ id: disclosureId, restricted: true })]);

    ctx.clock.advance(60_000);
    expect((await api.post(`/api/requests/${id}/restriction`, { restricted: false, reason: 'Investigation closed; officer confirmed in writing.' })).statusCode).toBe(204);
    expect(await activeRestrictions(ctx, client.id)).toEqual([]);
    expect(await disclosuresVisibleToClient(ctx, client.id)).toEqual([expect.objectContaining({ id: disclosureId, recipient: 'Court Manager, Family Court at Bristol', purpose: 'Court proceedings' })]);
    const v = await view(api, id);
    expect(v.restrictionEvents.map((e) => e.action)).toEqual(['restrict', 'lift']);
    expect(v.restrictionEvents[1].reason).toContain('Investigation closed');
    const actions = (await ctx.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', id).execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['request.restrict', 'request.restriction.lift']));
  });

  it('restricts at logging when triage says the client must not be told', async () => {
    const client = await newClient(api);
    const id = await logged(api, { ...policeNoOrder(client.id), concerns: ['terrorism'] });
    const v = await view(api, id);
    expect(v.triage.mustNotInformClient).toBe(true);
    expect(v.restricted).toBe(true);
    expect(await activeRestrictions(ctx, client.id)).toHaveLength(1);
  });

  it('takes PDF, PNG and JPEG authority documents by their content, stores them encrypted, refuses the rest', async () => {
    const client = await newClient(api);
    const id = await logged(api, courtOrder(client.id));
    const ok = await api.post(`/api/requests/${id}/documents`, { fileName: 'order.pdf', mediaType: 'application/pdf', contentBase64: PDF.toString('base64') });
    expect(ok.statusCode).toBe(201);
    expect((await api.post(`/api/requests/${id}/documents`, { fileName: 'scan.png', contentBase64: PNG.toString('base64') })).json()).toMatchObject({ mediaType: 'image/png' });
    const liar = await api.post(`/api/requests/${id}/documents`, { fileName: 'order.pdf', mediaType: 'application/pdf', contentBase64: PNG.toString('base64') });
    expect(liar.statusCode).toBe(415);
    const exe = await api.post(`/api/requests/${id}/documents`, { fileName: 'run.exe', contentBase64: Buffer.from('MZ\x90\x00binary').toString('base64') });
    expect(exe.statusCode).toBe(415);
    const big = await api.post(`/api/requests/${id}/documents`, { fileName: 'big.pdf', contentBase64: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]).toString('base64') });
    expect(big.statusCode).toBe(413);
    const docId = (ok.json() as { id: string }).id;
    const back = await api.get(`/api/requests/${id}/documents/${docId}`);
    expect(back.rawPayload.equals(PDF)).toBe(true);
    const stored = await ctx.db.kysely.selectFrom('request_documents').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('order.pdf');
    expect(JSON.stringify(stored)).not.toContain(PDF.toString('base64'));
  });

  it('links an unconfirmed request to a client later, re-triaging with the client facts', async () => {
    const id = await logged(api, { ...policeNoOrder(''), clientId: null });
    expect((await view(api, id)).triage.basis).toBeDefined();
    const client = await newClient(api, 'Young Person', '2012-01-01');
    expect((await api.post(`/api/requests/${id}/link`, { clientId: client.id })).statusCode).toBe(204);
    const list = (await api.get('/api/requests')).json() as { id: string; clientId: string; linked: boolean }[];
    expect(list[0]).toMatchObject({ id, clientId: client.id, linked: true });
    expect((await api.post(`/api/requests/${id}/link`, { clientId: client.id })).statusCode).toBe(409);
  });
});
