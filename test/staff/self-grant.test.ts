import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';
import { type Colleague, addColleague, auditRows } from './support.js';

type Review = { id: string; kind: string; actorId: string; clientId: string | null; caseCode: string | null; roles: string[]; reviewedAt: string | null; reviewedBy: string | null };
const NOTE = 'Spoke about the divorce for the first time.';

/** No one reaches a client's notes through steps they take alone. */
describe('steps an admin takes for themselves', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let lead: ApiClient;
  let leadId: string;
  let bea: Colleague;
  let client: { id: string; caseCode: string };

  beforeEach(async () => {
    ctx = await testContext();
    ({ app, api: lead } = await setUpPractice(ctx));
    leadId = ((await lead.get('/api/auth/me')).json() as { user: { id: string } }).user.id;
    bea = await addColleague(ctx, app, lead);
    client = (await bea.api.post('/api/clients', { name: 'Wilhelmina Garth' })).json() as { id: string; caseCode: string };
    expect((await bea.api.post(`/api/clients/${client.id}/notes`, { kind: 'progress', text: NOTE, sign: true })).statusCode).toBe(201);
  });
  afterEach(async () => ctx.cleanup());

  it('an admin-only account cannot give itself the practitioner role nor take a client while another admin could, so the notes stay shut', async () => {
    const office = await addColleague(ctx, app, lead, ['admin']);
    const grant = await office.api.patch(`/api/users/${office.id}`, { roles: ['admin', 'practitioner'] });
    expect(grant.statusCode).toBe(403);
    expect(grant.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringMatching(/Another admin must give you this role/) } });
    expect(((await lead.get('/api/users')).json() as { id: string; roles: string[] }[]).find((u) => u.id === office.id)?.roles).toEqual(['admin']);
    expect((await auditRows(ctx, 'user.update')).map((e) => [e.actor_id, e.outcome, JSON.parse(e.details ?? '{}').reason])).toEqual([[office.id, 'denied', 'needs_second_admin']]);

    // The admin who is also a practitioner may not take the client on alone either, one by one or by caseload.
    const take = await lead.post(`/api/clients/${client.id}/reassign`, { toUserId: leadId, reason: 'practitioner_left' });
    expect(take.statusCode).toBe(403);
    expect(take.json()).toMatchObject({ error: { message: expect.stringMatching(/Another admin must move this client to you/) } });
    expect((await lead.post('/api/caseload/reassign', { fromUserId: bea.id, toUserId: leadId, reason: 'practitioner_left' })).statusCode).toBe(403);
    const record = await lead.get(`/api/clients/${client.id}/record`);
    expect(record.statusCode).toBe(404);
    expect(record.body).not.toContain('divorce');

    // Two people: the other admin gives the role and moves the client. Nothing waits for review.
    expect((await lead.patch(`/api/users/${office.id}`, { roles: ['admin', 'practitioner'] })).statusCode).toBe(200);
    expect((await lead.post(`/api/clients/${client.id}/reassign`, { toUserId: office.id, reason: 'practitioner_left' })).statusCode).toBe(200);
    expect((await office.api.get(`/api/clients/${client.id}/record`)).body).toContain('divorce');
    expect((await lead.get('/api/access-reviews')).json()).toEqual([]);
  });

  it("the only admin may do both, and each step waits on the Admin page and in the client's access history until someone else reviews it", async () => {
    // The only admin drops and takes back the practitioner role, then takes the client on.
    expect((await lead.patch(`/api/users/${leadId}`, { roles: ['admin'] })).statusCode).toBe(200);
    expect((await lead.patch(`/api/users/${leadId}`, { roles: ['admin', 'practitioner'] })).statusCode).toBe(200);
    expect((await lead.post(`/api/clients/${client.id}/reassign`, { toUserId: leadId, reason: 'practitioner_left' })).statusCode).toBe(200);
    expect((await lead.get(`/api/clients/${client.id}/record`)).statusCode).toBe(200);

    const open = (await lead.get('/api/access-reviews?open=true')).json() as Review[];
    expect(open.map((r) => [r.kind, r.actorId, r.clientId, r.caseCode, r.roles]).sort()).toEqual([
      ['self_reassign', leadId, client.id, client.caseCode, []],
      ['self_role_grant', leadId, null, null, ['practitioner']],
    ]);
    const moved = (await auditRows(ctx, 'case.reassign')).at(-1);
    expect(moved).toMatchObject({ purpose: 'needs_review', outcome: 'ok' });
    expect(JSON.parse(moved?.details ?? '{}')).toMatchObject({ needsReview: true });
    const history = (await lead.get(`/api/clients/${client.id}/access-log`)).json() as { action: string; purpose: string | null }[];
    expect(history.filter((e) => e.action === 'case.reassign').map((e) => e.purpose)).toEqual(['needs_review']);
    const dropping = (await auditRows(ctx, 'user.update'))[0];
    expect(dropping.purpose).toBeNull();

    // Not by the person who took the step.
    const own = await lead.post(`/api/access-reviews/${open[0].id}/acknowledge`, {});
    expect(own.statusCode).toBe(403);
    const office = await addColleague(ctx, app, lead, ['admin']);
    expect((await bea.api.post(`/api/access-reviews/${open[0].id}/acknowledge`, {})).statusCode).toBe(403);
    const seen = await office.api.post(`/api/access-reviews/${open[0].id}/acknowledge`, {});
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ id: open[0].id, reviewedBy: office.id });
    expect((await office.api.post(`/api/access-reviews/${open[0].id}/acknowledge`, {})).statusCode).toBe(409);
    expect(((await lead.get('/api/access-reviews?open=true')).json() as Review[]).map((r) => r.id)).toEqual([open[1].id]);
    expect(((await lead.get('/api/access-reviews')).json() as Review[])).toHaveLength(2);
    expect((await office.api.post('/api/access-reviews/00000000-0000-0000-0000-000000000000/acknowledge', {})).statusCode).toBe(404);
    expect((await lead.post('/api/audit/verify', {})).json()).toMatchObject({ ok: true });
  });

  it('two admins reviewing the same step at once: one records it, the other is told it is done', async () => {
    await lead.patch(`/api/users/${leadId}`, { roles: ['admin'] });
    await lead.patch(`/api/users/${leadId}`, { roles: ['admin', 'practitioner'] });
    const [review] = (await lead.get('/api/access-reviews?open=true')).json() as Review[];
    const one = await addColleague(ctx, app, lead, ['admin']);
    const two = await addColleague(ctx, app, lead, ['admin']);
    const answers = await Promise.all([one.api.post(`/api/access-reviews/${review.id}/acknowledge`, {}), two.api.post(`/api/access-reviews/${review.id}/acknowledge`, {})]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const done = (await auditRows(ctx, 'access_review.acknowledge')).filter((e) => e.outcome === 'ok');
    expect(done).toHaveLength(1);
    expect([one.id, two.id]).toContain(done[0].actor_id);
    expect(((await lead.get('/api/access-reviews')).json() as Review[])[0].reviewedBy).toBe(done[0].actor_id);
  });
});
