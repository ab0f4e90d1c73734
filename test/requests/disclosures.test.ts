import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice, signInClient } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';
import { eraseClient } from '../../src/features/clients/clients.service.js';
import { completeChecklist, courtOrder, logged, newClient } from './helpers.js';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'sanctum-pdf-'));
  try {
    writeFileSync(join(dir, 'p.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('disclosure packs and the accounting of disclosures', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let client: { id: string; caseCode: string };
  let progress: string;
  let processNote: string;
  let signIn: () => Promise<ApiClient>;

  beforeEach(async () => {
    ctx = await testContext();
    const setup = await setUpPractice(ctx);
    api = setup.api;
    signIn = () => signInClient(ctx, setup.app, setup.email, setup.totpSecret);
    client = await newClient(api);
    progress = ((await api.post(`/api/clients/${client.id}/notes`, { kind: 'progress', text: 'Attended; discussed sleep.' })).json() as { id: string }).id;
    processNote = ((await api.post(`/api/clients/${client.id}/notes`, { kind: 'process', text: 'My countertransference: irritation.' })).json() as { id: string }).id;
    await api.post(`/api/clients/${client.id}/notes`, { kind: 'progress', text: 'Unchosen note about family.' });
  });
  afterEach(async () => ctx.cleanup());

  async function decidedCourtOrder(): Promise<string> {
    const id = await logged(api, courtOrder(client.id));
    await completeChecklist(api, id);
    await api.put(`/api/requests/${id}/decision`, { outcome: 'disclose_in_part', reasons: 'Order limited to attendance.' });
    await api.post(`/api/requests/${id}/decision/sign`);
    return id;
  }

  it('will not produce a pack before a signed decision to disclose', async () => {
    const id = await logged(api, courtOrder(client.id));
    const r = await api.post(`/api/requests/${id}/pack`, { noteIds: [progress], purpose: 'Court proceedings' });
    expect(r.statusCode).toBe(409);
  });

  it('produces a watermarked pack of exactly the chosen notes and records only ids and a hash', async () => {
    const id = await decidedCourtOrder();
    const preview = (await api.post(`/api/requests/${id}/pack/preview`, { noteIds: [progress], purpose: 'Court proceedings' })).json() as { items: { text: string }[]; watermark: string };
    expect(preview.items.map((i) => i.text)).toEqual(['Attended; discussed sleep.']);
    expect(preview.watermark).toContain('Court Manager, Family Court at Bristol');

    const r = await api.post(`/api/requests/${id}/pack`, { noteIds: [progress], purpose: 'Court proceedings' });
    expect(r.statusCode).toBe(201);
    const { pdfBase64, sha256, disclosureId } = r.json() as { pdfBase64: string; sha256: string; disclosureId: string };
    const text = pdfText(Buffer.from(pdfBase64, 'base64'));
    expect(text).toContain('Disclosed to Court Manager, Family Court at Bristol');
    expect(text).toContain('Purpose: Court proceedings');
    expect(text).toContain('2026-11-02');
    expect(text).toContain('Attended; discussed sleep.');
    expect(text).not.toContain('countertransference');
    expect(text).not.toContain('Unchosen');

    const row = await ctx.db.kysely.selectFrom('disclosures').selectAll().where('id', '=', disclosureId).executeTakeFirstOrThrow();
    expect(row.pdf_sha256).toBe(sha256);
    expect(row.record_enc).not.toContain('Court');
    const audit = await ctx.db.kysely.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', disclosureId).executeTakeFirstOrThrow();
    expect(audit.action).toBe('disclosure.pack');
    expect(audit.details).toContain(sha256);
  });

  it('leaves process notes out unless chosen with a reason', async () => {
    const id = await decidedCourtOrder();
    const refused = await api.post(`/api/requests/${id}/pack`, { noteIds: [progress, processNote], purpose: 'Court proceedings' });
    expect(refused.json()).toMatchObject({ error: { code: 'invalid_input', field: 'processReasons' } });
    const r = await api.post(`/api/requests/${id}/pack`, { noteIds: [progress, processNote], processReasons: { [processNote]: 'The order names process notes expressly.' }, purpose: 'Court proceedings' });
    expect(r.statusCode).toBe(201);
    expect(pdfText(Buffer.from((r.json() as { pdfBase64: string }).pdfBase64, 'base64'))).toContain('countertransference');
  });

  it('accounts for disclosures over any period, six years back by default, as JSON and PDF', async () => {
    const id = await decidedCourtOrder();
    await api.post(`/api/requests/${id}/pack`, { noteIds: [progress], purpose: 'Court proceedings' });
    ctx.clock.set('2027-03-10T10:00:00.000Z');
    api = await signIn();
    await api.post(`/api/requests/${id}/pack`, { extracts: [{ title: 'Report', text: 'Attended eight sessions.' }], purpose: 'Supplementary report' });

    const all = (await api.get(`/api/clients/${client.id}/disclosures`)).json() as { period: { from: string; to: string }; disclosures: { disclosedOn: string; recipient: string; what: string; purpose: string; legalBasis: string }[] };
    expect(all.period).toEqual({ from: '2021-03-10', to: '2027-03-10' });
    expect(all.disclosures.map((d) => d.disclosedOn)).toEqual(['2026-11-02', '2027-03-10']);
    expect(all.disclosures[0]).toMatchObject({ recipient: 'Court Manager, Family Court at Bristol', what: '1 session note', purpose: 'Court proceedings' });
    expect(all.disclosures[0].legalBasis).toMatch(/^Required by law/);
    expect(all.disclosures[1].what).toContain('1 extract (Report)');

    const q1 = (await api.get(`/api/clients/${client.id}/disclosures?from=2027-01-01&to=2027-12-31`)).json() as { disclosures: unknown[] };
    expect(q1.disclosures).toHaveLength(1);
    expect((await api.get(`/api/clients/${client.id}/disclosures?from=2027-12-31&to=2027-01-01`)).json()).toMatchObject({ error: { field: 'from' } });

    const pdf = await api.get(`/api/clients/${client.id}/disclosures/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Accounting of disclosures');
    expect(text).toContain('Supplementary');
  });

  it('removes requests and disclosures with the client on secure disposal', async () => {
    const id = await decidedCourtOrder();
    await api.post(`/api/requests/${id}/pack`, { noteIds: [progress], purpose: 'Court proceedings' });
    const practiceId = (await ctx.db.kysely.selectFrom('practices').select('id').executeTakeFirstOrThrow()).id;
    await eraseClient(ctx, { userId: 'cli', practiceId, roles: ['operator'] }, client.id, 'Retention period ended');
    expect(await ctx.db.kysely.selectFrom('disclosures').selectAll().execute()).toEqual([]);
    expect(await ctx.db.kysely.selectFrom('info_requests').selectAll().execute()).toEqual([]);
  });
});
