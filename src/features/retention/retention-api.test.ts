import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, addStaff, testContext } from '../../../test/support/context.js';
import { secureDispose } from './disposal.service.js';
import { reviewQueue } from './retention.service.js';
import { clientWithHistory, pdfText } from './retention.test-helpers.js';

describe('retention through the API', () => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('computes disposal dates, queues what is due, holds with reasons, destroys and certifies', async () => {
    const due = await clientWithHistory(api, { name: 'Morwenna Pellow-Trask', dob: '1970-04-03', sessions: ['2017-09-01', '2018-01-10'], note: 'Canary: spoke about the orchard fire.' });
    const sar = await clientWithHistory(api, { name: 'Idris Quennell', dob: '1965-02-02', sessions: ['2018-03-05'] });
    const child = await clientWithHistory(api, { name: 'Tamsin Oyelaran', dob: '2001-03-01', sessions: ['2018-06-01'] });
    await clientWithHistory(api, { name: 'Still Open', sessions: ['2026-10-01'], close: false });

    const schedule = (await api.get('/api/retention/schedule')).json() as { cases: { caseCode: string; retainUntil: string; rule: string; due: boolean; ageAtLastContact: number | null }[] };
    expect(schedule.cases).toHaveLength(3);
    expect(schedule.cases.find((c) => c.caseCode === due.caseCode)).toMatchObject({ retainUntil: '2025-01-10', rule: 'adult', due: true });
    expect(schedule.cases.find((c) => c.caseCode === child.caseCode)).toMatchObject({ retainUntil: '2027-03-01', rule: 'minor', ageAtLastContact: 17, due: false });
    expect(JSON.stringify(schedule)).not.toContain('Pellow');

    // An open subject access request holds the second case automatically.
    const opened = await api.post('/api/sar/requests', { clientId: sar.id, right: 'access', receivedOn: '2026-10-30' });
    expect(opened.statusCode).toBe(201);
    const queue = (await api.get('/api/retention/queue')).json() as { caseCode: string; holds: { kind: string; reason: string }[] }[];
    expect(queue.map((q) => q.caseCode).sort()).toEqual([due.caseCode, sar.caseCode].sort());
    expect(queue.find((q) => q.caseCode === sar.caseCode)?.holds).toEqual([expect.objectContaining({ kind: 'subject_access', reason: expect.stringContaining('subject access request') })]);
    const refused = await api.post('/api/retention/dispose', { caseCode: sar.caseCode, confirm: sar.caseCode });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { message: expect.stringContaining('subject access') } });

    // Not due yet: refused with the date.
    const early = await api.post('/api/retention/dispose', { caseCode: child.caseCode, confirm: child.caseCode });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { message: expect.stringContaining('2027-03-01') } });

    // A manual litigation hold, then released.
    const hold = await api.post('/api/retention/holds', { caseCode: due.caseCode, kind: 'litigation', reason: 'Claim intimated by solicitors' });
    expect(hold.statusCode).toBe(201);
    expect((await api.post('/api/retention/dispose', { caseCode: due.caseCode, confirm: due.caseCode })).statusCode).toBe(409);
    expect((await api.post(`/api/retention/holds/${(hold.json() as { id: string }).id}/release`)).statusCode).toBe(204);

    const wrong = await api.post('/api/retention/dispose', { caseCode: due.caseCode, confirm: 'C-XXXX-XXXX' });
    expect(wrong.json()).toMatchObject({ error: { field: 'confirm' } });

    const done = await api.post('/api/retention/dispose', { caseCode: due.caseCode, confirm: due.caseCode });
    expect(done.statusCode).toBe(201);
    const cert = done.json() as { id: string; number: string; caseCode: string; categories: { category: string; count: number; from: string | null; to: string | null }[]; policy: { retainUntil: string }; auditSeq: number };
    expect(cert).toMatchObject({ number: 'D-2026-0001', caseCode: due.caseCode, policy: { retainUntil: '2025-01-10' } });
    expect(cert.categories).toEqual(expect.arrayContaining([
      { category: 'sessions', count: 2, from: '2017-09-01', to: '2018-01-10' },
      expect.objectContaining({ category: 'process_notes', count: 1 }),
    ]));

    const read = await api.get(`/api/clients/${due.id}`);
    expect(read.json()).toMatchObject({ error: { code: 'erased' } });

    // The certificate, in JSON, in the audit log and as a PDF, names nothing identifying or clinical.
    const pdf = await api.get(`/api/retention/certificates/${cert.id}/pdf`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Certificate of destruction');
    expect(text).toContain(due.caseCode);
    expect(text).toContain('2017-09-01 to 2018-01-10');
    const entry = await ctx.db.kysely.selectFrom('audit_log').selectAll().where('seq', '=', cert.auditSeq).executeTakeFirstOrThrow();
    expect(entry.action).toBe('retention.certificate');
    for (const blob of [text, JSON.stringify(cert), JSON.stringify(entry)]) {
      for (const secret of ['Morwenna', 'Pellow', 'Trask', '1970-04-03', 'orchard', 'Canary']) expect(blob).not.toContain(secret);
    }
    const all = (await ctx.db.kysely.selectFrom('audit_log').select(['details', 'purpose']).execute()).map((r) => `${r.details} ${r.purpose}`).join(' ');
    expect(all).not.toContain('Pellow');
  });

  it('keeps a practice policy with its reason, and destroys process notes early when asked to', async () => {
    const noReason = await api.put('/api/retention/policy', { adultYears: 7, minorUntilBirthday: 25, minorUntilBirthdayAt17: 26, processNotesYears: 2 });
    expect(noReason.json()).toMatchObject({ error: { field: 'reason' } });
    const set = await api.put('/api/retention/policy', { adultYears: 7, minorUntilBirthday: 25, minorUntilBirthdayAt17: 26, processNotesYears: 2, reason: 'Process notes are working notes only' });
    expect(set.statusCode).toBe(200);
    expect(((await api.get('/api/retention/policy')).json() as { policy: { processNotesYears: number; isDefault: boolean } }).policy).toMatchObject({ processNotesYears: 2, isDefault: false });

    const c = await clientWithHistory(api, { name: 'Lowen Bosanko', sessions: ['2023-05-01'], note: 'Process thought.' });
    const queue = (await api.get('/api/retention/queue')).json() as { caseCode: string; due: boolean; processNotesDue: boolean; processNotesUntil: string }[];
    expect(queue).toEqual([expect.objectContaining({ caseCode: c.caseCode, due: false, processNotesDue: true, processNotesUntil: '2025-05-01' })]);
    const res = await api.post('/api/retention/dispose', { caseCode: c.caseCode, confirm: c.caseCode, scope: 'process_notes' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ scope: 'process_notes', categories: [expect.objectContaining({ category: 'process_notes', count: 1 })] });
    expect((await api.get(`/api/clients/${c.id}`)).statusCode).toBe(200);
    expect((await api.get(`/api/clients/${c.id}/notes`)).json()).toEqual([]);
  });

  it('refuses people without the retention role', async () => {
    const practiceId = (await ctx.db.kysely.selectFrom('practices').select('id').executeTakeFirstOrThrow()).id;
    const { principal } = await addStaff(ctx, practiceId, ['practitioner']);
    await expect(reviewQueue(ctx, principal)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(secureDispose(ctx, principal, 'C-AAAA-BBBB', { confirm: 'C-AAAA-BBBB' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
