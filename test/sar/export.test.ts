import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';
import { COUPLE_NOTE, PROCESS_NOTE, coupleCase, fhirValidator, unpack } from './sar-fixture.js';

// The disclosures feature's client-facing view: one ordinary disclosure, one under a standing
// "do not inform" decision (which must never reach the export, even if offered by mistake).
vi.mock('../../src/features/disclosures/disclosures.service.js', () => ({
  disclosuresVisibleToClient: async () => [
    { id: 'd-visible', requestId: 'r-1', disclosedOn: '2026-03-20', recipient: 'Dr Patel, GP surgery', what: 'Summary of attendance', purpose: 'Referral at the client’s request', basis: 'With the client’s consent' },
    { id: 'd-hidden', requestId: 'r-2', disclosedOn: '2026-03-21', recipient: 'Northshire Police', what: 'Session notes', purpose: 'Investigation under restriction', basis: 'Required by law' },
  ],
  activeRestrictions: async () => [{ id: 'r-2', requestId: 'r-2', disclosureIds: ['d-hidden'], since: '2026-03-21T00:00:00Z' }],
}));

// One recorded consent, so the Consent resource is exercised by the FHIR schema check.
vi.mock('../../src/features/consent/consents.service.js', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  readConsents: async () => [{ id: 'c-1', kind: 'records', channel: null, recipient: null, purpose: null, given: true, withdrawnAt: null, recordedAt: '2026-03-01T10:00:00.000Z' }],
}));

const PASS = 'correct horse battery staple';

interface Review { sources: { id: string; text: string; redactions: { id: string; kind: string; excerpt: string; start: number; end: number; status: string }[] }[] }

async function exportOnce(api: ApiClient, requestId: string, passphrase = PASS): Promise<Buffer> {
  const started = (await api.post(`/api/sar/requests/${requestId}/exports`, { passphrase })).json() as { exportId: string };
  for (let i = 0; i < 200; i++) {
    const s = (await api.get(`/api/sar/exports/${started.exportId}`)).json() as { status: string; percent: number };
    if (s.status === 'ready') break;
    if (s.status === 'failed') throw new Error('export failed');
    await new Promise((r) => setTimeout(r, 50));
  }
  const dl = await api.get(`/api/sar/exports/${started.exportId}/download`);
  expect(dl.headers['content-type']).toBe('application/octet-stream');
  return dl.rawPayload;
}

describe('subject access export', () => {
  let ctx: TestContext;
  let api: ApiClient;
  afterEach(async () => ctx.cleanup());

  describe('UK practice, couple work', () => {
    let ids: Awaited<ReturnType<typeof coupleCase>>;
    let requestId: string;
    beforeEach(async () => {
      ctx = await testContext({ clock: '2026-04-01T09:00:00.000Z' });
      ({ api } = await setUpPractice(ctx));
      ids = await coupleCase(api);
      requestId = ((await api.post('/api/sar/requests', { clientId: ids.jordan, right: 'access', receivedOn: '2026-03-30' })).json() as { id: string }).id;
    });

    it('assembles everything: identity, sessions, notes with process notes (UK), letters, disclosures except restricted, access log', async () => {
      const p = (await api.get(`/api/sar/requests/${requestId}/preview`)).json();
      expect(p).toMatchObject({ identity: true, sessions: 2, jointSessions: 1, progressNotes: 2, processNotes: 1, processNotesExcluded: 0, documents: 1, consents: 1, disclosures: 1 });
      expect((p as { accessLogEntries: number }).accessLogEntries).toBeGreaterThan(5);
    });

    it('proposes the partner’s name and words in the couple-work note and a confidential third-party report', async () => {
      expect((await api.post(`/api/sar/requests/${requestId}/redactions/propose`)).json()).toMatchObject({ proposed: expect.any(Number) });
      const review = (await api.get(`/api/sar/requests/${requestId}/redactions`)).json() as Review;
      const couple = review.sources.find((s) => s.id === ids.couple);
      expect(couple?.text).toBe(COUPLE_NOTE);
      const words = couple?.redactions.find((r) => r.kind === 'third_party_words');
      expect(words?.excerpt).toBe('Sam said: "I feel invisible when Jordan works late."');
      expect(couple?.redactions.some((r) => r.kind === 'third_party_name' && r.excerpt === 'Sam')).toBe(true);
      // The client's own name is never proposed.
      expect(couple?.redactions.every((r) => !/^Jordan/.test(r.excerpt))).toBe(true);
      const indiv = review.sources.find((s) => s.id === ids.indiv);
      expect(indiv?.redactions.find((r) => r.kind === 'third_party_confidence')?.excerpt).toContain('in confidence');
    });

    it('leaves accepted redactions out of the PDF and JSON, lists them with grounds, and validates as FHIR R4', async () => {
      await api.post(`/api/sar/requests/${requestId}/redactions/propose`);
      const review = (await api.get(`/api/sar/requests/${requestId}/redactions`)).json() as Review;
      const all = review.sources.flatMap((s) => s.redactions);
      const accept = all.filter((r) => r.kind !== 'staff_name' && r.kind !== 'other_person').map((r) => r.id);
      expect((await api.post(`/api/sar/requests/${requestId}/redactions/decide`, { ids: accept, decision: 'accept' })).json()).toMatchObject({ decided: accept.length });
      // Edit one span: keep only the name in the first sentence.
      const first = all.find((r) => r.kind === 'third_party_name' && r.start < 40);
      if (first) {
        const edited = await api.post(`/api/sar/requests/${requestId}/redactions/decide`, { ids: [first.id], decision: 'accept', start: first.start, end: first.end });
        expect(edited.statusCode).toBe(200);
      }

      const file = await exportOnce(api, requestId);
      const out = await unpack(file, PASS);
      expect(out.names.sort()).toEqual(['README.txt', 'records.fhir.json', 'records.json', 'records.pdf']);
      for (const text of [out.pdfText, JSON.stringify(out.json)]) {
        expect(text).not.toContain('Sam');
        expect(text).not.toContain('invisible');
        expect(text).not.toContain('in confidence');
        expect(text).not.toContain('Northshire Police');
        expect(text).toContain('[withheld: another person]');
        expect(text).toContain('Jordan described feeling criticised.');
        expect(text).toContain('Dr Patel, GP surgery');
        expect(text).toContain(PROCESS_NOTE.slice(0, 30));
      }
      expect(out.pdfText).toContain('Information withheld and why');
      expect(out.pdfText).toContain('Schedule 2, paragraphs 16–17');
      const withheld = out.json.withheld as { summary: { ground: string; count: number }[]; items: unknown[] };
      expect(withheld.summary[0]).toMatchObject({ ground: 'uk-dpa2018-sch2-16' });
      expect(withheld.items.length).toBeGreaterThanOrEqual(2);

      const validate = fhirValidator();
      const ok = validate(out.fhir);
      expect(validate.errors ?? null).toBeNull();
      expect(ok).toBe(true);
      const types = new Set((out.fhir.entry as { resource: { resourceType: string } }[]).map((e) => e.resource.resourceType));
      expect([...types].sort()).toEqual(['AuditEvent', 'Consent', 'DocumentReference', 'Encounter', 'Patient', 'Provenance']);
      expect(out.pdfText).toContain('Consent to keeping records — given');
      expect(JSON.stringify(out.fhir)).not.toContain(Buffer.from('Sam said').toString('base64').slice(0, 8));

      // The wrong passphrase opens nothing; the export and download are in the audit log.
      await expect(unpack(file, 'not the passphrase at all')).rejects.toThrow(/passphrase/);
      const log = (await api.get(`/api/clients/${ids.jordan}/access-log`)).json() as { action: string }[];
      expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['sar.export', 'sar.export_download', 'sar.redaction_accept', 'sar.redaction_propose']));
    });

    it('withholds UK process notes only with a recorded exemption', async () => {
      expect((await api.post(`/api/sar/requests/${requestId}/process-notes`, { choice: 'exclude' })).json()).toMatchObject({ error: { field: 'exemption' } });
      await api.post(`/api/sar/requests/${requestId}/process-notes`, { choice: 'exclude', exemption: 'Sch.3 para 5: serious harm, opinion of the treating practitioner' });
      expect((await api.get(`/api/sar/requests/${requestId}/preview`)).json()).toMatchObject({ processNotes: 0, processNotesExcluded: 1 });
    });
  });

  describe('US practice', () => {
    it('leaves psychotherapy notes out under HIPAA unless the practitioner chooses to include them', async () => {
      ctx = await testContext({ clock: '2026-04-01T18:00:00.000Z' });
      ({ api } = await setUpPractice(ctx, 'US-CA'));
      const ids = await coupleCase(api);
      const id = ((await api.post('/api/sar/requests', { clientId: ids.jordan, right: 'access', receivedOn: '2026-03-30' })).json() as { id: string }).id;
      expect((await api.get(`/api/sar/requests/${id}/preview`)).json()).toMatchObject({ processNotes: 0, processNotesExcluded: 1 });
      const out = await unpack(await exportOnce(api, id), PASS);
      expect(out.pdfText).not.toContain('protectiveness');
      expect(out.pdfText).toContain('164.524');
      await api.post(`/api/sar/requests/${id}/process-notes`, { choice: 'include' });
      expect((await api.get(`/api/sar/requests/${id}/preview`)).json()).toMatchObject({ processNotes: 1, processNotesExcluded: 0 });
      await api.post(`/api/sar/requests/${id}/redactions/propose`);
      const review = (await api.get(`/api/sar/requests/${id}/redactions`)).json() as Review;
      const grounds = new Set(review.sources.flatMap((s) => s.redactions.map((r) => (r as unknown as { ground: string }).ground)));
      expect([...grounds].every((g) => g.startsWith('hipaa-'))).toBe(true);
    });
  });
});
