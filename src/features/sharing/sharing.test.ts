import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, addStaff, testContext } from '../../../test/support/context.js';
import { eraseClient } from '../clients/clients.service.js';
import { decideSpan, getDraft } from './drafts.service.js';
import type { DraftView } from './view.js';
import type { SharingRecord } from './share.service.js';

const IDENTITY = {
  name: 'Jordan Ellis', dob: '1988-04-12', email: 'jordan.ellis@example.org', phone: '07700 900123',
  address: '14 Mill Lane, Bexley DA5 1AB', gp: 'Dr A. Shah, Riverside Surgery', emergencyContact: 'Sam Ellis (partner) 07700 900456',
};
const NOTE_1 = 'JORDAN arrived late. jordan said her sister Priya rang on 07700900123 about the birthday (12/04/1988). Email came from jordan.ellis@example.org. She works as the only lifeguard at the lido. The Mill Lane flat is damp. Dr Shah changed the dose.';
const NOTE_2 = 'Priya came up again; Jordan felt she was the favourite. The ELLIS family met in DA5 1AB. Sam was supportive at Riverside Surgery.';
// Long enough (or with spaces and punctuation) that no hex digest or base64 ciphertext holds them by chance.
const ORIGINAL_FRAGMENTS = ['Jordan', 'Ellis', 'Priya', '07700900123', '07700 900', 'jordan.ellis@', 'Mill Lane', 'DA5 1AB', 'Dr Shah', 'Riverside', 'lifeguard', 'arrived late', 'family met'];
const RESIDUAL = { occupation: 'generalised', event: 'absent', place: 'absent', age: 'absent', condition: 'absent' };
const SHARE = { recipientKind: 'supervisor', recipient: 'Monthly clinical supervisor', purpose: 'Supervision of the work on family conflict', form: 'pdf', consent: { answer: 'not_needed', reason: 'Fully anonymised; the agreement covers supervision.' }, residual: RESIDUAL };

describe('anonymising case material for sharing', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let clientId: string;
  let noteIds: string[];

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
    clientId = ((await api.post('/api/clients', IDENTITY)).json() as { id: string }).id;
    noteIds = [];
    for (const text of [NOTE_1, NOTE_2]) {
      ctx.clock.advance(60_000);
      noteIds.push(((await api.post(`/api/clients/${clientId}/notes`, { kind: 'progress', text, sign: true })).json() as { id: string }).id);
    }
  });
  afterEach(async () => ctx.cleanup());

  const anonymise = async () => {
    const res = await api.post(`/api/clients/${clientId}/sharing/drafts`, { noteIds });
    expect(res.statusCode).toBe(201);
    return res.json() as DraftView;
  };
  const acceptAll = async (d: DraftView) => {
    let view = d;
    for (const s of d.parts.flatMap((p) => p.spans).filter((x) => x.decision === 'pending')) {
      const res = await api.put(`/api/sharing/drafts/${d.id}/spans/${s.id}`, { decision: 'accepted' });
      expect(res.statusCode).toBe(200);
      view = res.json() as DraftView;
    }
    return view;
  };

  it("always catches the client's recorded identifiers, however the notes write them", async () => {
    const d = await anonymise();
    expect(d.parts.map((p) => p.label)).toEqual(['Note 1', 'Note 2']);
    const out = d.parts.map((p) => p.output).join('\n');
    for (const leak of ['JORDAN', 'jordan', 'Jordan', 'ELLIS', '07700900123', '12/04/1988', 'jordan.ellis@example.org', 'Mill Lane', 'DA5 1AB', 'Shah', 'Riverside Surgery', 'Sam']) {
      expect(out).not.toContain(leak);
    }
    expect(d.parts[0].spans.every((s) => s.decision === 'pending' && s.origin === 'engine')).toBe(true);
    expect(d.pending).toBe(d.parts.flatMap((p) => p.spans).length);
  });

  it('gives the same stand-in to the same person in every note', async () => {
    const d = await anonymise();
    const priya = d.parts.map((p) => p.spans.find((s) => s.text === 'Priya')?.replacement);
    expect(priya[0]).toMatch(/^\[PERSON-\d+\]$/);
    expect(priya[1]).toBe(priya[0]);
    const client = d.parts.map((p) => p.spans.find((s) => /jordan/i.test(s.text))?.replacement);
    expect(client).toEqual(['[PERSON-1]', '[PERSON-1]']);
  });

  it('refuses to share while any change is unreviewed (409), and restores a rejected span', async () => {
    const d = await anonymise();
    const blocked = await api.post(`/api/sharing/drafts/${d.id}/share`, SHARE);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ error: { code: 'conflict' } });

    const dr = d.parts[0].spans.find((s) => s.text.includes('Shah'));
    expect(dr).toBeDefined();
    const after = (await api.put(`/api/sharing/drafts/${d.id}/spans/${dr!.id}`, { decision: 'rejected' })).json() as DraftView;
    expect(after.parts[0].output).toContain('Shah changed the dose');
    expect(after.pending).toBe(d.pending - 1);
    expect((await api.post(`/api/sharing/drafts/${d.id}/share`, SHARE)).statusCode).toBe(409);
  });

  it('applies a span the practitioner adds, everywhere the words occur', async () => {
    const d = await anonymise();
    const at = NOTE_1.indexOf('lifeguard');
    const res = await api.post(`/api/sharing/drafts/${d.id}/spans`, { part: 0, start: at, end: at + 'lifeguard'.length, type: 'OCCUPATION', replacement: 'leisure worker' });
    expect(res.statusCode).toBe(201);
    const v = res.json() as DraftView;
    expect(v.parts[0].output).toContain('the only leisure worker at the lido');
    expect(v.parts[0].spans.find((s) => s.origin === 'added')).toMatchObject({ type: 'OCCUPATION', decision: 'accepted', text: 'lifeguard' });

    const byText = (await api.post(`/api/sharing/drafts/${d.id}/spans`, { part: 0, text: 'lido', type: 'LOCATION' })).json() as DraftView;
    expect(byText.parts[0].output).toMatch(/at the \[LOCATION-\d+\]/);

    const overlap = await api.post(`/api/sharing/drafts/${d.id}/spans`, { part: 0, start: at, end: at + 4, type: 'PERSON' });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json()).toMatchObject({ error: { field: 'start' } });
    expect((await api.post(`/api/sharing/drafts/${d.id}/spans`, { part: 0, start: 0, end: 3, type: 'NOPE' })).statusCode).toBe(400);
  });

  it('shares a reviewed draft and keeps a record, visible in the audit log and the shared-material list', async () => {
    const d = await acceptAll(await anonymise());
    expect(d.pending).toBe(0);
    expect(d.flags.some((f) => f.reasons.includes('occupation') && f.sentence.includes('lifeguard'))).toBe(true);

    const res = await api.post(`/api/sharing/drafts/${d.id}/share`, SHARE);
    expect(res.statusCode).toBe(201);
    const rec = res.json() as SharingRecord & { text: string };
    expect(rec).toMatchObject({ recipientKind: 'supervisor', recipient: 'Monthly clinical supervisor', form: 'pdf', consent: { answer: 'not_needed' }, residual: RESIDUAL });
    expect(rec.counts.PERSON).toBeGreaterThan(2);
    expect(rec.text.startsWith('Note 1\n\n[PERSON-1] arrived late.')).toBe(true);

    expect((await api.post(`/api/sharing/drafts/${d.id}/share`, SHARE)).statusCode).toBe(409);
    const firstSpan = d.parts[0].spans[0].id;
    expect((await api.put(`/api/sharing/drafts/${d.id}/spans/${firstSpan}`, { decision: 'rejected' })).statusCode).toBe(409);

    const list = (await api.get(`/api/clients/${clientId}/shared-material`)).json() as { records: SharingRecord[]; drafts: unknown[] };
    expect(list.records).toHaveLength(1);
    expect(list.records[0]).toMatchObject({ id: rec.id, purpose: SHARE.purpose, recipientKindLabel: 'Clinical supervision' });
    expect(list.drafts).toHaveLength(0);

    const full = (await api.get(`/api/sharing/records/${rec.id}`)).json() as { text: string; textIntact: boolean };
    expect(full).toMatchObject({ text: rec.text, textIntact: true });
    const pdf = await api.get(`/api/sharing/records/${rec.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const log = (await api.get(`/api/clients/${clientId}/access-log`)).json() as { action: string }[];
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['sharing.create', 'sharing.review', 'sharing.share', 'sharing.download']));
    const share = await ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'sharing.share').executeTakeFirstOrThrow();
    expect(JSON.parse(share.details as string)).toMatchObject({ draftId: d.id, recipientKind: 'supervisor', form: 'pdf', consentAnswer: 'not_needed' });
  });

  it('stores nothing of the original text, nor of the shared text, in plain', async () => {
    const d = await acceptAll(await anonymise());
    await api.post(`/api/sharing/drafts/${d.id}/spans`, { part: 0, text: 'lifeguard', type: 'OCCUPATION' });
    await api.post(`/api/sharing/drafts/${d.id}/share`, SHARE);
    const summary = await api.post(`/api/clients/${clientId}/sharing/drafts`, { summary: 'Summary: Jordan Ellis and Priya, ongoing family rift.' });
    expect(summary.statusCode).toBe(201);
    const rows = JSON.stringify([
      await ctx.db.kysely.selectFrom('sharing_drafts').selectAll().execute(),
      await ctx.db.kysely.selectFrom('sharing_records').selectAll().execute(),
      await ctx.db.kysely.selectFrom('audit_log').selectAll().execute(),
    ]);
    for (const f of [...ORIGINAL_FRAGMENTS, 'ongoing family rift', 'Monthly clinical supervisor', 'Supervision of the work', 'PERSON-1', 'leisure']) expect(rows).not.toContain(f);
  });

  it('checks consent and the checklist before anything is shared', async () => {
    const d = await acceptAll(await anonymise());
    const post = (body: unknown) => api.post(`/api/sharing/drafts/${d.id}/share`, body);
    expect((await post({ ...SHARE, recipientKind: 'publication' })).json()).toMatchObject({ error: { field: 'consent.answer' } });
    expect((await post({ ...SHARE, consent: { answer: 'no' } })).json()).toMatchObject({ error: { field: 'consent.reason' } });
    expect((await post({ ...SHARE, residual: { ...RESIDUAL, age: undefined } })).statusCode).toBe(400);
    expect((await post({ ...SHARE, recipient: '  ' })).json()).toMatchObject({ error: { field: 'recipient' } });
    const ok = (await post({ ...SHARE, recipientKind: 'training', consent: { answer: 'yes' } })).json() as SharingRecord;
    expect(ok.consent).toMatchObject({ answer: 'yes', consentId: null });
  });

  it("looks like a missing record to another practitioner, and goes when the client's records are destroyed", async () => {
    const d = await anonymise();
    const practiceId = (await ctx.db.kysely.selectFrom('practices').select('id').executeTakeFirstOrThrow()).id;
    const colleague = await addStaff(ctx, practiceId);
    await expect(getDraft(ctx, colleague.principal, d.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(decideSpan(ctx, colleague.principal, d.id, d.parts[0].spans[0].id, 'rejected')).rejects.toMatchObject({ code: 'not_found' });
    expect((await api.get('/api/sharing/drafts/nope')).statusCode).toBe(404);

    await acceptAll(d);
    await api.post(`/api/sharing/drafts/${d.id}/share`, SHARE);
    await eraseClient(ctx, { userId: 'cli', practiceId, roles: ['operator'] }, clientId, 'retention period ended');
    expect(await ctx.db.kysely.selectFrom('sharing_drafts').selectAll().execute()).toHaveLength(0);
    expect(await ctx.db.kysely.selectFrom('sharing_records').selectAll().execute()).toHaveLength(0);
  });
});
