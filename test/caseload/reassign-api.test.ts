import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eraseClient } from '../../src/features/clients/clients.service.js';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, addStaff, testContext } from '../support/context.js';
import { type Colleague, addColleague, auditRows } from '../staff/support.js';

const MISSING = '00000000-0000-0000-0000-000000000000';

describe('moving care to another practitioner, through the API', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let admin: ApiClient;
  let adminId: string;
  let practiceId: string;
  let bea: Colleague;
  let cal: Colleague;
  beforeEach(async () => {
    ctx = await testContext();
    ({ app, api: admin } = await setUpPractice(ctx));
    adminId = ((await admin.get('/api/auth/me')).json() as { user: { id: string } }).user.id;
    practiceId = ((await admin.get('/api/practice')).json() as { id: string }).id;
    bea = await addColleague(ctx, app, admin);
    cal = await addColleague(ctx, app, admin);
  });
  afterEach(async () => ctx.cleanup());

  const addClient = async (who: Colleague, name: string) => ((await who.api.post('/api/clients', { name })).json() as { id: string; caseCode: string });
  const caseload = async (who: ApiClient) => ((await who.get('/api/clients')).json() as { id: string }[]).map((c) => c.id);

  it("moves one client: the previous practitioner gets the same 404 as for a record they never had; the new one sees every note", async () => {
    const client = await addClient(bea, 'Harriet Quill');
    expect((await bea.api.post(`/api/clients/${client.id}/notes`, { kind: 'progress', text: 'First session: settling in.', sign: true })).statusCode).toBe(201);
    expect((await bea.api.post(`/api/clients/${client.id}/notes`, { kind: 'progress', text: 'Second session: a draft.' })).statusCode).toBe(201);

    const res = await admin.post(`/api/clients/${client.id}/reassign`, { toUserId: cal.id, reason: 'client_request' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ clientId: client.id, caseCode: client.caseCode, fromUserId: bea.id, toUserId: cal.id, reason: 'client_request' });

    // A second admin still looking at the old holder is told, and nothing moves.
    const stale = await admin.post(`/api/clients/${client.id}/reassign`, { toUserId: bea.id, reason: 'other', fromUserId: bea.id });
    expect(stale.json()).toMatchObject({ error: { code: 'invalid_input', field: 'fromUserId' } });

    const theirs = await bea.api.get(`/api/clients/${client.id}/record`);
    const never = await bea.api.get(`/api/clients/${MISSING}/record`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toEqual(never.json());
    expect((await bea.api.get(`/api/clients/${client.id}`)).statusCode).toBe(404);
    expect((await bea.api.post(`/api/clients/${client.id}/notes`, { kind: 'progress', text: 'After the move.' })).statusCode).toBe(404);
    expect(await caseload(bea.api)).toEqual([]);

    expect(await caseload(cal.api)).toEqual([client.id]);
    const record = await cal.api.get(`/api/clients/${client.id}/record`);
    expect(record.statusCode).toBe(200);
    const { client: shown, notes } = record.json() as { client: { practitionerId: string }; notes: { text: string; authorId: string }[] };
    expect(shown.practitionerId).toBe(cal.id);
    expect(notes.map((n) => n.text).sort()).toEqual(['First session: settling in.', 'Second session: a draft.']);
    expect(notes.every((n) => n.authorId === bea.id)).toBe(true);

    const [entry, ...more] = await auditRows(ctx, 'case.reassign');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor_id: adminId, target_type: 'client', target_id: client.id, case_code: client.caseCode, outcome: 'ok' });
    expect(JSON.parse(entry.details ?? '{}')).toEqual({ fromUserId: bea.id, toUserId: cal.id, reason: 'client_request' });
    const text = JSON.stringify(entry);
    for (const name of ['Harriet', 'Quill', bea.displayName, cal.displayName, bea.email, cal.email, 'session']) expect(text).not.toContain(name);
    expect((await admin.post('/api/audit/verify', {})).json()).toMatchObject({ ok: true });
  });

  it("an admin who is also a practitioner can take a client on themselves: allowed, and shown in the client's access history", async () => {
    const client = await addClient(bea, 'Taken Over');
    expect((await admin.get(`/api/clients/${client.id}/record`)).statusCode).toBe(404);
    expect((await admin.post(`/api/clients/${client.id}/reassign`, { toUserId: adminId, reason: 'practitioner_left' })).statusCode).toBe(200);
    expect((await admin.get(`/api/clients/${client.id}/record`)).statusCode).toBe(200);
    const log = (await admin.get(`/api/clients/${client.id}/access-log`)).json() as { action: string; actorId: string }[];
    expect(log.filter((e) => e.action === 'case.reassign').map((e) => e.actorId)).toEqual([adminId]);
  });

  it('lets only admins move care, and records the refusal', async () => {
    const client = await addClient(bea, 'Owen Pell');
    const own = await bea.api.post(`/api/clients/${client.id}/reassign`, { toUserId: cal.id, reason: 'caseload_balance' });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ error: { code: 'forbidden' } });
    const all = await bea.api.post('/api/caseload/reassign', { fromUserId: bea.id, toUserId: cal.id, reason: 'caseload_balance' });
    expect(all.statusCode).toBe(403);
    expect(await caseload(bea.api)).toEqual([client.id]);
    expect(await caseload(cal.api)).toEqual([]);
    const refused = await auditRows(ctx, 'case.reassign');
    expect(refused.map((e) => [e.actor_id, e.outcome, e.target_type, JSON.parse(e.details ?? '{}').reason])).toEqual([
      [bea.id, 'denied', 'client', 'not_admin'],
      [bea.id, 'denied', 'user', 'not_admin'],
    ]);
  });

  it('refuses a target who cannot hold the client, naming the field', async () => {
    const client = await addClient(bea, 'Ruth Dane');
    const officeOnly = await addColleague(ctx, app, admin, ['admin']);
    const gone = await addColleague(ctx, app, admin);
    expect((await admin.post(`/api/users/${gone.id}/disable`, { reason: 'left_practice' })).statusCode).toBe(200);
    const otherPractice = 'other-practice';
    await ctx.db.kysely.insertInto('practices').values({ id: otherPractice, name: 'Elsewhere', jurisdiction: 'GB-ENG', time_zone: 'Europe/London', created_at: ctx.clock.now().toISOString() }).execute();
    const outsider = await addStaff(ctx, otherPractice);

    const cases: [string, string, RegExp][] = [
      ['disabled', gone.id, /disabled/],
      ['other practice', outsider.principal.userId, /No colleague with that id/],
      ['unknown', MISSING, /No colleague with that id/],
      ['not a practitioner', officeOnly.id, /practitioner role/],
      ['same practitioner', bea.id, /already holds/],
    ];
    for (const [what, toUserId, message] of cases) {
      const one = await admin.post(`/api/clients/${client.id}/reassign`, { toUserId, reason: 'other' });
      expect(one.statusCode, what).toBe(400);
      expect(one.json(), what).toMatchObject({ error: { code: 'invalid_input', field: 'toUserId', message: expect.stringMatching(message) } });
      const all = await admin.post('/api/caseload/reassign', { fromUserId: bea.id, toUserId, reason: 'other' });
      expect(all.statusCode, what).toBe(400);
      expect(all.json(), what).toMatchObject({ error: { code: 'invalid_input', field: 'toUserId' } });
    }
    const fromOutside = await admin.post('/api/caseload/reassign', { fromUserId: outsider.principal.userId, toUserId: cal.id, reason: 'other' });
    expect(fromOutside.json()).toMatchObject({ error: { code: 'invalid_input', field: 'fromUserId' } });
    expect((await admin.post(`/api/clients/${MISSING}/reassign`, { toUserId: cal.id, reason: 'other' })).statusCode).toBe(404);
    expect((await admin.post(`/api/clients/${client.id}/reassign`, { toUserId: cal.id, reason: 'because I said so' })).json()).toMatchObject({ error: { code: 'invalid_input', field: 'reason' } });
    expect((await admin.post(`/api/clients/${client.id}/reassign`, { toUserId: cal.id, reason: 'other', note: 'free text' })).statusCode).toBe(400);
    expect((await admin.post('/api/caseload/reassign', { fromUserId: bea.id, toUserId: cal.id, reason: 'other', includeClosed: 'yes' })).statusCode).toBe(400);

    expect(await caseload(bea.api)).toEqual([client.id]);
    expect(await auditRows(ctx, 'case.reassign')).toEqual([]);
  });

  it("a departing colleague: disabling says how many open clients they hold; their caseload moves in one step, erased clients stay", async () => {
    const a = await addClient(bea, 'Ada One');
    const b = await addClient(bea, 'Ben Two');
    const closed = await addClient(bea, 'Cleo Three');
    const erased = await addClient(bea, 'Dev Four');
    expect((await bea.api.post(`/api/clients/${closed.id}/status`, { status: 'closed' })).statusCode).toBe(204);
    await eraseClient(ctx, { userId: 'cli', practiceId, roles: ['operator'] }, erased.id, 'erasure_request');

    const disabled = await admin.post(`/api/users/${bea.id}/disable`, { reason: 'left_practice' });
    expect(disabled.json()).toMatchObject({ status: 'disabled', caseload: { open: 2, closed: 1 } });

    const res = await admin.post('/api/caseload/reassign', { fromUserId: bea.id, toUserId: cal.id, reason: 'practitioner_left' });
    expect(res.statusCode, res.body).toBe(200);
    const move = res.json() as { moved: { clientId: string; status: string }[]; counts: unknown; remaining: unknown };
    expect(move.moved.map((m) => m.clientId).sort()).toEqual([a.id, b.id].sort());
    expect(move).toMatchObject({ fromUserId: bea.id, toUserId: cal.id, reason: 'practitioner_left', counts: { open: 2, closed: 0 }, remaining: { open: 0, closed: 1 } });
    expect((await caseload(cal.api)).sort()).toEqual([a.id, b.id].sort());

    const rest = await admin.post('/api/caseload/reassign', { fromUserId: bea.id, toUserId: cal.id, reason: 'practitioner_left', includeClosed: true });
    expect(rest.json()).toMatchObject({ moved: [{ clientId: closed.id, caseCode: closed.caseCode, status: 'closed' }], counts: { open: 0, closed: 1 }, remaining: { open: 0, closed: 0 } });
    const team = (await admin.get('/api/users')).json() as { id: string; caseload: { open: number; closed: number } }[];
    expect(team.find((m) => m.id === bea.id)?.caseload).toEqual({ open: 0, closed: 0 });
    expect(team.find((m) => m.id === cal.id)?.caseload).toEqual({ open: 2, closed: 1 });

    const erasedCase = await ctx.db.kysely.selectFrom('cases').select('practitioner_id').where('client_id', '=', erased.id).executeTakeFirstOrThrow();
    expect(erasedCase.practitioner_id).toBe(bea.id);
    const entries = await auditRows(ctx, 'case.reassign');
    expect(entries.map((e) => e.target_id).sort()).toEqual([a.id, b.id, closed.id].sort());
    for (const e of entries) expect(JSON.parse(e.details ?? '{}')).toEqual({ fromUserId: bea.id, toUserId: cal.id, reason: 'practitioner_left' });

    // Nothing left to move: an empty answer, and nothing written.
    const none = await admin.post('/api/caseload/reassign', { fromUserId: bea.id, toUserId: cal.id, reason: 'practitioner_left', includeClosed: true });
    expect(none.json()).toMatchObject({ moved: [], counts: { open: 0, closed: 0 } });
    expect(await auditRows(ctx, 'case.reassign')).toHaveLength(3);
    expect((await admin.post(`/api/clients/${erased.id}/reassign`, { toUserId: cal.id, reason: 'other' })).statusCode).toBe(410);
    expect((await admin.post('/api/audit/verify', {})).json()).toMatchObject({ ok: true });
  });

  it('describes both routes in the OpenAPI document', async () => {
    const doc = (await admin.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/api/clients/{id}/reassign']?.post).toBeDefined();
    expect(doc.paths['/api/caseload/reassign']?.post).toBeDefined();
  });
});
