/**
 * A client with one of everything the law gives them a copy of, exported as the client's copy by
 * the real `sanctum` binary (the built, bundled server when it is current, as in `npm test`) and
 * opened with standard tools only: pdftotext with the password, 7-Zip with the password.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice } from '../support/api.js';
import { sanctum } from '../support/cli.js';
import { PASSPHRASE, type TestContext, testContext } from '../support/context.js';
import { completeChecklist, courtOrder, logged } from '../requests/helpers.js';

const ok = async (r: Promise<{ statusCode: number; body: string; json: () => unknown }>) => {
  const res = await r;
  if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? {} : (res.json() as Record<string, unknown>);
};

describe('the client’s copy holds everything, and opens with standard tools', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let dir: string;
  let requestId: string;

  beforeAll(async () => {
    ctx = await testContext({ clock: '2026-11-02T10:00:00.000Z' });
    ({ api } = await setUpPractice(ctx));
    dir = mkdtempSync(join(tmpdir(), 'sanctum-sar-all-'));
    const client = (await ok(api.post('/api/clients', { name: 'Robin Ashdown', dob: '1979-05-14', email: 'robin.ashdown@example.org', phone: '07700 900123' }))).id as string;
    const session = (await ok(api.post(`/api/clients/${client}/sessions`, { date: '2026-10-05' }))).id as string;
    await ok(api.post(`/api/clients/${client}/sessions`, { date: '2026-11-09' }));
    const note = (await ok(api.post(`/api/clients/${client}/notes`, { kind: 'progress', text: 'Robin talked about the allotment and sleeping better.', sessionId: session, sign: true }))).id as string;
    await ok(api.post(`/api/notes/${note}/addenda`, { text: 'Correction: the allotment is shared with a neighbour.' }));
    await ok(api.post(`/api/clients/${client}/letters`, { title: 'Letter to the GP', text: 'Dear Dr Okafor, Robin has attended six sessions.' }));

    // The agreement, signed by the client through a link; a consent recorded afterwards.
    const agreement = (await ok(api.post(`/api/clients/${client}/consent/agreements`, {}))).id as string;
    const link = (await ok(api.post(`/api/clients/${client}/consent/agreements/${agreement}/link`))).token as string;
    await ok(new ApiClient(api.app).post(`/api/sign/${link}`, { signature: { name: 'Robin Ashdown', method: 'typed' }, choices: { records: true, supervision: true, channels: { email: true, sms: false, phone: true, video: false } } }));

    // A report sent to a solicitor (an ordinary disclosure) …
    const shared = await logged(api, { ...courtOrder(client), requester: { name: 'Ms Hana Price', organisation: 'Price & Lowe Solicitors', role: 'Solicitor', verifiedHow: 'Called the firm back' } });
    await completeChecklist(api, shared);
    await ok(api.put(`/api/requests/${shared}/decision`, { outcome: 'disclose_in_part', reasons: 'The order covers a report only.' }));
    await ok(api.post(`/api/requests/${shared}/decision/sign`));
    await ok(api.post(`/api/requests/${shared}/pack`, { extracts: [{ title: 'Report', text: 'Attended six sessions.' }], purpose: 'Report for family proceedings', recipient: 'Price & Lowe Solicitors' }));
    // … and one under a standing "do not inform the client" restriction.
    const hidden = await logged(api, { ...courtOrder(client), requester: { name: 'DS Carl Meyer', organisation: 'Northshire Police', role: 'Detective Sergeant', verifiedHow: 'Production order checked' } });
    await completeChecklist(api, hidden);
    await ok(api.put(`/api/requests/${hidden}/decision`, { outcome: 'disclose_in_part', reasons: 'Production order.' }));
    await ok(api.post(`/api/requests/${hidden}/decision/sign`));
    await ok(api.post(`/api/requests/${hidden}/pack`, { extracts: [{ title: 'Attendance', text: 'Dates attended.' }], purpose: 'Criminal investigation', recipient: 'Northshire Police' }));
    await ok(api.post(`/api/requests/${hidden}/restriction`, { restricted: true, reason: 'Police asked that the client not be told while they investigate.' }));

    requestId = (await ok(api.post('/api/sar/requests', { clientId: client, right: 'access', receivedOn: '2026-11-01' }))).id as string;
    await ctx.audit.flush();
  }, 240_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ctx?.cleanup();
  });

  it('shows the practitioner everything withheld, the restriction included, with its ground', async () => {
    const p = (await api.get(`/api/sar/requests/${requestId}/preview`)).json() as { disclosures: number; consents: number; documents: number; addenda: number; withheld: { what: string; ground: string }[] };
    expect(p).toMatchObject({ disclosures: 1, documents: 1, addenda: 1 });
    expect(p.consents).toBeGreaterThan(1);
    expect(p.withheld).toHaveLength(1);
    expect(p.withheld[0].what).toMatch(/^1 disclosure and the request it answered/);
    expect(p.withheld[0].ground).toMatch(/do not inform the client.*Schedule 2/);
  });

  it('exports identity, sessions, notes and addenda, letters, agreements, consents, disclosures and the access log', { timeout: 240_000 }, async () => {
    const env = { DATABASE_URL: ctx.store.databaseUrl ?? '', SANCTUM_PASSPHRASE: PASSPHRASE };
    const data = ['--data', ctx.store.dataDir ?? join(dir, 'unused')];
    const out = join(dir, 'copy');
    const r = sanctum(['sar', 'export', ...data, '--request', requestId, '--format', 'client', '--out', out, '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const summary = r.json() as { passphrase: string; files: { pdf: string; data: string } };
    expect(summary.passphrase).toMatch(/^[a-z]+( [a-z]+){4}$/);
    expect(summary.passphrase.length).toBeLessThanOrEqual(32);

    // Without the password the PDF gives nothing up.
    expect(() => execFileSync('pdftotext', [summary.files.pdf, '-'], { stdio: 'pipe' })).toThrow();
    const pdf = execFileSync('pdftotext', ['-upw', summary.passphrase, summary.files.pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Robin Ashdown', '14 May 1979', 'robin.ashdown@example.org', // identity, in the practice's date format
      '5 October 2026', // the session
      'Robin talked about the allotment', 'Correction: the allotment is shared', // note and addendum
      'Letter to the GP', 'Dear Dr Okafor', // letters and documents
      'as signed', 'Consent to keeping records — given', // the agreement's words and the consents
      'Price & Lowe Solicitors', 'Report for family proceedings', // the disclosure
      'Times are United Kingdom time (Europe/London)', 'Signed an agreement', 'You, through a signing link', 'Created the record', // the access log, in words
    ]) expect(pdf).toContain(expected);
    for (const absent of ['Northshire Police', 'Criminal investigation', 'There is no record of information about you being shared', 'client.create', 'record.open', 'UTC', 'Staff member']) expect(pdf).not.toContain(absent);

    const unzipped = join(dir, 'unzipped');
    expect(() => execFileSync('7z', ['x', '-pnot-the-password', `-o${join(dir, 'wrong')}`, summary.files.data], { stdio: 'pipe' })).toThrow();
    execFileSync('7z', ['x', `-p${summary.passphrase}`, `-o${unzipped}`, summary.files.data], { stdio: 'pipe' });
    expect(execFileSync('7z', ['l', '-slt', `-p${summary.passphrase}`, summary.files.data], { encoding: 'utf8' })).toContain('Method = AES-256');
    const json = JSON.parse(readFileSync(join(unzipped, 'records.json'), 'utf8')) as Record<string, unknown[]> & { client: { identity: { name: string } } };
    expect(json.client.identity.name).toBe('Robin Ashdown');
    expect(json.disclosures).toEqual([expect.objectContaining({ recipient: 'Price & Lowe Solicitors', purpose: 'Report for family proceedings' })]);
    expect(json.sessions).toHaveLength(2);
    expect(json.documents).toHaveLength(1);
    expect((json.notes[0] as { addenda: unknown[] }).addenda).toHaveLength(1);
    expect(json.consents.length).toBeGreaterThan(1);
    expect(json.accessLog.length).toBeGreaterThan(5);
    expect(JSON.stringify(json)).not.toContain('Northshire');
    const fhir = JSON.parse(readFileSync(join(unzipped, 'records.fhir.json'), 'utf8')) as { resourceType: string; entry: { resource: { resourceType: string; status?: string } }[] };
    expect(fhir.resourceType).toBe('Bundle');
    // The session that took place is finished; next week's is planned, not cancelled.
    expect(fhir.entry.filter((e) => e.resource.resourceType === 'Encounter').map((e) => e.resource.status).sort()).toEqual(['finished', 'planned']);
    expect(new Set(fhir.entry.map((e) => e.resource.resourceType))).toEqual(new Set(['Patient', 'Encounter', 'DocumentReference', 'Consent', 'AuditEvent', 'Provenance']));
  });

  it('gives the practitioner the two files and a readable passphrase through the web API', { timeout: 120_000 }, async () => {
    const started = (await ok(api.post(`/api/sar/requests/${requestId}/exports`, { format: 'client' }))) as { exportId: string; passphrase: string };
    expect(started.passphrase).toMatch(/^[a-z]+( [a-z]+){4}$/);
    for (let i = 0; i < 600; i++) {
      const s = (await api.get(`/api/sar/exports/${started.exportId}`)).json() as { status: string };
      if (s.status === 'ready') break;
      if (s.status === 'failed') throw new Error('export failed');
      await new Promise((r) => setTimeout(r, 100));
    }
    const pdf = await api.get(`/api/sar/exports/${started.exportId}/download?file=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/filename="records-C-[A-Z0-9-]+\.pdf"/);
    const zip = await api.get(`/api/sar/exports/${started.exportId}/download?file=data`);
    expect(zip.headers['content-type']).toBe('application/zip');
    writeFileSync(join(dir, 'web.pdf'), pdf.rawPayload);
    writeFileSync(join(dir, 'web.zip'), zip.rawPayload);
    expect(execFileSync('pdftotext', ['-upw', started.passphrase, join(dir, 'web.pdf'), '-'], { encoding: 'utf8' })).toContain('Price & Lowe Solicitors');
    expect(execFileSync('7z', ['t', `-p${started.passphrase}`, join(dir, 'web.zip')], { encoding: 'utf8' })).toContain('Everything is Ok');
    expect((await api.get(`/api/sar/exports/${started.exportId}/download?file=everything`)).statusCode).toBe(400);
    // A passphrase the PDF readers cannot all take is refused by name.
    const long = await api.post(`/api/sar/requests/${requestId}/exports`, { format: 'client', passphrase: 'a very long passphrase that no reader takes' });
    expect(long.json()).toMatchObject({ error: { code: 'invalid_input', field: 'passphrase' } });
  });
});
