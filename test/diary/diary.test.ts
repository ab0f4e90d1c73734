import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';
import { type Colleague, addColleague, auditRows } from '../staff/support.js';
import { prepare, signBody } from '../../src/features/consent/consent.test-helpers.js';

interface Entry { id: string; clientId: string; clientName: string; date: string; startTime: string | null; durationMinutes: number; room: string | null; modality: string; practitionerName: string | null }

/**
 * Reception: the diary (names, times, rooms), booking a planned session, the contact details a
 * client has agreed to be reached by, and referrals with identity only. Never notes, documents,
 * requests, or any clinical field. On the database the suite runs on (SQLite, or PostgreSQL
 * with TEST_PG_URL). The clock stands at 2 November 2026.
 */
describe('reception: diary, arranging contact and referrals', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let admin: ApiClient;
  let ann: Colleague; // practitioner
  let rec: Colleague; // reception
  let dpo: Colleague;
  let clientId: string;
  let teamId: string;

  beforeAll(async () => {
    ctx = await testContext();
    ({ app, api: admin } = await setUpPractice(ctx));
    ann = await addColleague(ctx, app, admin);
    rec = await addColleague(ctx, app, admin, ['reception']);
    dpo = await addColleague(ctx, app, admin, ['dpo']);
    teamId = ((await admin.post('/api/teams', { name: 'Adult counselling' })).json() as { id: string }).id;
    clientId = ((await ann.api.post('/api/clients', { name: 'Marguerite Okafor', dob: '1984-03-02', email: 'm.okafor@example.org', phone: '07700 900123', address: '4 Elm Row', gp: 'Dr Shah' })).json() as { id: string }).id;
    // She signs an agreement that allows email and video, and refuses texts and calls.
    const a = await prepare(ann.api, clientId);
    const link = (await ann.api.post(`/api/clients/${clientId}/consent/agreements/${a.id}/link`)).json() as { token: string };
    const signed = await new ApiClient(app).post(`/api/sign/${link.token}`, { ...signBody({ email: true, sms: false, phone: false, video: true }), signature: { name: 'Marguerite Okafor', method: 'typed' } });
    expect(signed.statusCode).toBe(201);
    expect((await ann.api.post(`/api/clients/${clientId}/notes`, { kind: 'progress', text: 'Talked about her sister.' })).statusCode).toBe(201);
    expect((await ann.api.post(`/api/clients/${clientId}/sessions`, { date: '2026-11-04', startTime: '10:00', room: 'Room 2', durationMinutes: 50, modality: 'in_person', attendance: 'planned' })).statusCode).toBe(201);
    // Attended and past sessions are not in the diary.
    expect((await ann.api.post(`/api/clients/${clientId}/sessions`, { date: '2026-10-28', durationMinutes: 50, modality: 'in_person', attendance: 'attended' })).statusCode).toBe(201);
  }, 120_000);
  afterAll(async () => ctx?.cleanup());

  it('practitioners set a start time and room on a session, and old callers still work', async () => {
    const list = (await ann.api.get(`/api/clients/${clientId}/sessions`)).json() as Entry[];
    expect(list.find((s) => s.date === '2026-11-04')).toMatchObject({ startTime: '10:00', room: 'Room 2' });
    expect(list.find((s) => s.date === '2026-10-28')).toMatchObject({ startTime: null, room: null });
    const bad = await ann.api.post(`/api/clients/${clientId}/sessions`, { date: '2026-11-05', startTime: '25:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'startTime', message: expect.stringMatching(/HH:MM/) });
  });

  it('reception sees planned sessions with time, room and practitioner, the client by first name and initial', async () => {
    const res = await rec.api.get('/api/diary?from=2026-11-02&to=2026-11-08');
    expect(res.statusCode).toBe(200);
    const diary = res.json() as Entry[];
    expect(diary).toEqual([{ id: expect.any(String), clientId, clientName: 'Marguerite O.', date: '2026-11-04', startTime: '10:00', durationMinutes: 50, room: 'Room 2', modality: 'in_person', practitionerName: ann.displayName }]);
    expect(res.body).not.toMatch(/Okafor|1984|Elm|Shah|sister/);
    await ctx.audit.flush(); // reads are written in the background
    expect((await auditRows(ctx, 'diary.read')).at(-1)).toMatchObject({ actor_id: rec.id, outcome: 'ok' });
    const clients = (await rec.api.get('/api/diary/clients')).json() as { id: string; name: string }[];
    expect(clients).toContainEqual({ id: clientId, name: 'Marguerite O.', practitionerName: ann.displayName, teamName: null });
  });

  it('refuses a range that is back to front, too long or not a date, in words that name the field', async () => {
    for (const [q, field, words] of [
      ['from=2026-11-09&to=2026-11-02', 'to', /before the first day/],
      ['from=2026-11-01&to=2026-12-02', 'to', /at most 31 days/],
      ['from=2026-02-30&to=2026-03-02', 'from', /real date/],
      ['from=2026-11-01', 'to', /./],
    ] as const) {
      const r = await rec.api.get(`/api/diary?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.field, q).toBe(field);
      expect(r.json().error.message, q).toMatch(words);
    }
    expect((await rec.api.get('/api/diary?from=2026-11-01&to=2026-12-01')).statusCode).toBe(200);
  });

  it('reception books a planned session; a room is not booked twice at once; bad input is explained', async () => {
    const booked = await rec.api.post('/api/diary/sessions', { clientId, date: '2026-11-06', time: '14:30', duration: 50, room: 'Room 1', modality: 'in_person' });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({ clientName: 'Marguerite O.', date: '2026-11-06', startTime: '14:30', room: 'Room 1', practitionerName: ann.displayName });
    // The practitioner sees it on the client's record as planned.
    const theirs = (await ann.api.get(`/api/clients/${clientId}/sessions`)).json() as (Entry & { attendance: string })[];
    expect(theirs.find((s) => s.date === '2026-11-06')).toMatchObject({ attendance: 'planned', startTime: '14:30', room: 'Room 1' });
    expect((await auditRows(ctx, 'session.create')).at(-1)).toMatchObject({ actor_id: rec.id });

    const clash = await rec.api.post('/api/diary/sessions', { clientId, date: '2026-11-06', time: '15:00', duration: 50, room: 'Room 1', modality: 'in_person' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toMatch(/Room 1 is already booked at 14:30/);
    expect((await rec.api.post('/api/diary/sessions', { clientId, date: '2026-11-06', time: '15:20', duration: 50, room: 'Room 1', modality: 'in_person' })).statusCode).toBe(201);

    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ date: '2026-10-30', time: '10:00' }, 'date', /passed/],
      [{ date: '2026-11-09', time: '9.30' }, 'time', /HH:MM/],
      [{ date: '2026-11-09', time: '' }, 'time', /Give the time/],
      [{ date: '2026-11-09', time: '10:00', room: 'x'.repeat(90) }, 'room', /too long/],
    ];
    for (const [body, field, words] of cases) {
      const r = await rec.api.post('/api/diary/sessions', { clientId, modality: 'in_person', ...body });
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error).toMatchObject({ field, message: expect.stringMatching(words) });
    }
    const nobody = await rec.api.post('/api/diary/sessions', { clientId: 'no-such-client', date: '2026-11-09', time: '10:00' });
    expect(nobody.statusCode).toBe(404);
  });

  it('shows only the contact channels the client agreed to, and drops one the moment it is withdrawn', async () => {
    const res = await rec.api.get(`/api/diary/clients/${clientId}/contact`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ clientId, name: 'Marguerite O.', channels: [{ channel: 'email', label: 'Email', value: 'm.okafor@example.org' }], preferredChannel: null });
    // Her phone number (texts and calls refused), address, date of birth and GP are never shown.
    expect(res.body).not.toMatch(/07700|Elm Row|1984|Shah/);
    await ctx.audit.flush();
    expect((await auditRows(ctx, 'diary.contact')).at(-1)).toMatchObject({ actor_id: rec.id, target_id: clientId });

    const consents = ((await ann.api.get(`/api/clients/${clientId}/consent`)).json() as { consents: { id: string; channel: string | null; state: string }[] }).consents;
    const email = consents.find((c) => c.channel === 'email' && c.state === 'active');
    expect((await ann.api.post(`/api/clients/${clientId}/consents/${email?.id}/withdraw`, { via: 'in_person' })).statusCode).toBe(200);
    expect(((await rec.api.get(`/api/diary/clients/${clientId}/contact`)).json() as { channels: unknown[] }).channels).toEqual([]);
  });

  it('registers a referral with identity only, no practitioner, in a team; reception never reaches a record', async () => {
    const bad = await rec.api.post('/api/referrals', { name: 'Tomás Ruiz', preferredChannel: 'email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'email' });
    expect((await rec.api.post('/api/referrals', { name: 'Tomás Ruiz', teamId: 'no-such-team' })).json().error).toMatchObject({ field: 'teamId' });
    expect((await rec.api.post('/api/referrals', { name: 'Tomás Ruiz', dob: '2030-01-01' })).json().error).toMatchObject({ field: 'dob' });

    const made = await rec.api.post('/api/referrals', { name: 'Tomás Ruiz', dob: '1990-05-06', email: 'tomas@example.org', preferredChannel: 'email', teamId });
    expect(made.statusCode).toBe(201);
    const { id, caseCode } = made.json() as { id: string; caseCode: string };
    const row = await ctx.db.kysely.selectFrom('cases').select(['practitioner_id', 'team_id', 'preferred_channel']).where('case_code', '=', caseCode).executeTakeFirstOrThrow();
    expect(row).toEqual({ practitioner_id: null, team_id: teamId, preferred_channel: 'email' });
    expect((await auditRows(ctx, 'referral.create')).at(-1)).toMatchObject({ actor_id: rec.id, target_id: id });
    expect((await rec.api.get('/api/diary/clients')).json()).toContainEqual({ id, name: 'Tomás R.', practitionerName: null, teamName: 'Adult counselling' });
    // No consent yet: nothing to contact by, so not even the preferred channel shows.
    expect((await rec.api.get(`/api/diary/clients/${id}/contact`)).json()).toMatchObject({ channels: [], preferredChannel: null });
    // A session can be booked before a practitioner is assigned.
    const booked = await rec.api.post('/api/diary/sessions', { clientId: id, date: '2026-11-05', time: '09:00', duration: 60, room: null, modality: 'phone' });
    expect(booked.json()).toMatchObject({ clientName: 'Tomás R.', practitionerName: null, room: null, modality: 'phone' });

    // Not the record, notes, sessions, documents, consent, requests or the access history.
    for (const who of [clientId, id]) {
      for (const path of ['', '/notes', '/sessions', '/documents', '/consent', '/consent/channels', '/access-log', '/requests']) {
        const r = await rec.api.get(`/api/clients/${who}${path}`);
        expect([403, 404], `${path}: ${r.statusCode}`).toContain(r.statusCode);
        expect(r.body).not.toMatch(/Okafor|Ruiz|sister/);
      }
    }
    expect((await rec.api.get('/api/clients')).statusCode).toBe(403);
    expect((await rec.api.post(`/api/clients/${clientId}/notes`, { kind: 'progress', text: 'x' })).statusCode).toBe(404);
  });

  it('practitioners and the data-protection officer cannot use the diary; a closed case cannot be booked', async () => {
    for (const who of [ann, dpo]) {
      expect((await who.api.get('/api/diary?from=2026-11-02&to=2026-11-08')).statusCode).toBe(403);
      expect((await who.api.get('/api/diary/clients')).statusCode).toBe(403);
      expect((await who.api.get(`/api/diary/clients/${clientId}/contact`)).statusCode).toBe(403);
      expect((await who.api.post('/api/diary/sessions', { clientId, date: '2026-11-09', time: '10:00' })).statusCode).toBe(403);
      expect((await who.api.post('/api/referrals', { name: 'Someone New' })).statusCode).toBe(403);
    }
    await ctx.audit.flush();
    expect((await auditRows(ctx, 'diary.read')).some((r) => r.actor_id === dpo.id && r.outcome === 'denied')).toBe(true);

    const closedId = ((await ann.api.post('/api/clients', { name: 'Closed Case' })).json() as { id: string }).id;
    expect((await ann.api.post(`/api/clients/${closedId}/status`, { status: 'closed' })).statusCode).toBeLessThan(300);
    expect((await rec.api.post('/api/diary/sessions', { clientId: closedId, date: '2026-11-09', time: '10:00' })).statusCode).toBe(404);
    expect((await rec.api.get(`/api/diary/clients/${closedId}/contact`)).statusCode).toBe(404);
  });

  it('a practice may choose to show full names; only an admin chooses', async () => {
    expect((await rec.api.put('/api/diary/settings', { clientNames: 'full' })).statusCode).toBe(403);
    expect((await admin.put('/api/diary/settings', { clientNames: 'full' })).json()).toEqual({ clientNames: 'full' });
    const diary = (await rec.api.get('/api/diary?from=2026-11-02&to=2026-11-08')).json() as Entry[];
    expect(diary.map((e) => e.clientName)).toContain('Marguerite Okafor');
    expect((await admin.put('/api/diary/settings', { clientNames: 'short' })).statusCode).toBe(200);
  });
});
