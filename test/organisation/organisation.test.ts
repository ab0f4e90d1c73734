import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { type ApiClient, setUpPractice, totpNow } from '../support/api.js';
import { PASSWORD, type TestContext, testContext } from '../support/context.js';
import { type Colleague, addColleague, auditRows, signInWithCode } from '../staff/support.js';

/**
 * Access from relationships: cover that ends on its date, emergency access by a clinical lead
 * (re-authenticated, read-only, time-limited, audited with its id, reviewed by someone else), and
 * a data-protection officer who works the review queue but never opens a record. On the
 * database the suite runs on (SQLite, or PostgreSQL with TEST_PG_URL).
 */
describe('organisation: cover, emergency access and review', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let admin: ApiClient;
  let ann: Colleague; // practitioner with a client
  let ben: Colleague; // practitioner who covers for Ann
  let lead: Colleague; // clinical lead, no caseload
  let dpo: Colleague;
  let clientId: string;
  let caseCode: string;
  const today = () => ctx.clock.now().toISOString().slice(0, 10);
  const day = (n: number) => new Date(ctx.clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);
  let adminLogin: { email: string; totpSecret: string };
  /** After the clock jumps past the idle limit, everyone signs in again. */
  const again = async () => {
    for (const c of [ann, ben, lead, dpo]) c.api = (await signInWithCode(ctx, app, c.email, c.totpSecret)).api;
    admin = (await signInWithCode(ctx, app, adminLogin.email, adminLogin.totpSecret)).api;
  };

  beforeAll(async () => {
    ctx = await testContext();
    const set = await setUpPractice(ctx);
    ({ app, api: admin } = set);
    adminLogin = { email: set.email, totpSecret: set.totpSecret };
    ann = await addColleague(ctx, app, admin);
    ben = await addColleague(ctx, app, admin);
    lead = await addColleague(ctx, app, admin, ['clinical_lead']);
    dpo = await addColleague(ctx, app, admin, ['dpo']);
    const c = (await ann.api.post('/api/clients', { name: 'Marguerite Okafor', dob: '1984-03-02' })).json() as { id: string; caseCode: string };
    ({ id: clientId, caseCode } = c);
  }, 120_000);
  afterAll(async () => ctx?.cleanup());

  it('cover opens a colleague’s caseload from its first day to its last, then closes by itself', async () => {
    expect((await ben.api.get(`/api/clients/${clientId}`)).statusCode).toBe(404);
    // Only those who arrange cover can; dates and people are checked in words.
    expect((await ben.api.post('/api/cover', { holderId: ben.id, subjectId: ann.id, startsOn: null, endsOn: day(2), reason: 'Annual leave' })).statusCode).toBe(403);
    const noEnd = await admin.post('/api/cover', { holderId: ben.id, subjectId: ann.id, startsOn: null, endsOn: null, reason: 'Annual leave' });
    expect(noEnd.statusCode).toBe(400);
    expect(noEnd.json().error.message).toMatch(/give the last day/i);
    expect((await admin.post('/api/cover', { holderId: ben.id, subjectId: ben.id, startsOn: null, endsOn: day(2), reason: 'x' })).statusCode).toBe(400);
    expect((await admin.post('/api/cover', { holderId: dpo.id, subjectId: ann.id, startsOn: null, endsOn: day(2), reason: 'x' })).statusCode).toBe(400);

    const cover = await admin.post('/api/cover', { holderId: ben.id, subjectId: ann.id, startsOn: today(), endsOn: day(2), reason: 'Annual leave' });
    expect(cover.statusCode).toBe(201);
    expect(cover.json()).toMatchObject({ inForce: true, holderId: ben.id, subjectId: ann.id, reason: 'Annual leave' });
    const caseload = (await ben.api.get('/api/clients')).json() as { id: string; coverFor: string | null }[];
    expect(caseload).toContainEqual(expect.objectContaining({ id: clientId, coverFor: ann.id }));
    expect((await ben.api.get(`/api/clients/${clientId}`)).json()).toMatchObject({ identity: { name: 'Marguerite Okafor' } });
    expect((await ben.api.post(`/api/clients/${clientId}/notes`, { kind: 'progress', text: 'Seen while Ann is away.' })).statusCode).toBe(201);

    // Three days on, the cover has ended without anyone doing anything.
    ctx.clock.advance(3 * 86_400_000);
    await again();
    expect((await ben.api.get(`/api/clients/${clientId}`)).statusCode).toBe(404);
    expect(((await ben.api.get('/api/clients')).json() as { id: string }[]).map((c) => c.id)).not.toContain(clientId);
    expect(((await admin.get('/api/cover')).json() as { inForce: boolean }[])[0].inForce).toBe(false);
  });

  it('cover ended early stops at once; ending it twice is refused in words', async () => {
    await again();
    const cover = (await admin.post('/api/cover', { holderId: ben.id, subjectId: ann.id, startsOn: null, endsOn: day(1), reason: 'Illness' })).json() as { id: string };
    expect((await ben.api.get(`/api/clients/${clientId}`)).statusCode).toBe(200);
    const ends = await Promise.all([admin.post(`/api/cover/${cover.id}/end`, {}), admin.post(`/api/cover/${cover.id}/end`, {})]);
    expect(ends.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await ben.api.get(`/api/clients/${clientId}`)).statusCode).toBe(404);
  });

  it('a clinical lead breaks the glass with a reason, reads but cannot write, and the access ends by itself', async () => {
    await again();
    expect((await lead.api.get(`/api/clients/${clientId}`)).statusCode).toBe(404);
    const ask = { caseCode, category: 'risk_to_life', reason: 'Client rang reception saying she has taken an overdose; Ann unreachable.', password: PASSWORD };

    // A wrong password grants nothing.
    const wrong = await lead.api.post('/api/break-glass', { ...ask, password: 'not-my-password-at-all', code: totpNow(lead.totpSecret, ctx.clock.now()) });
    expect(wrong.statusCode).toBe(400);
    expect((await lead.api.get(`/api/clients/${clientId}`)).statusCode).toBe(404);
    // More than a day is refused; a practitioner cannot break the glass at all.
    expect((await lead.api.post('/api/break-glass', { ...ask, hours: 25, code: totpNow(lead.totpSecret, ctx.clock.now()) })).statusCode).toBe(400);
    expect((await ann.api.post('/api/break-glass', { ...ask, code: totpNow(ann.totpSecret, ctx.clock.now()) })).statusCode).toBe(403);

    ctx.clock.advance(31_000);
    const code = totpNow(lead.totpSecret, ctx.clock.now());
    // The same code in parallel: at most one emergency access opens with it.
    const tries = await Promise.all([lead.api.post('/api/break-glass', { ...ask, code }), lead.api.post('/api/break-glass', { ...ask, code })]);
    const opened = tries.filter((r) => r.statusCode === 201);
    expect(opened).toHaveLength(1);
    expect(tries.every((r) => r.statusCode === 201 || r.statusCode === 400)).toBe(true);
    const glass = opened[0].json() as { id: string; expiresAt: string; active: boolean; categoryWords: string };
    expect(glass.active).toBe(true);
    expect(new Date(glass.expiresAt).getTime() - ctx.clock.now().getTime()).toBeLessThanOrEqual(4 * 3_600_000);

    expect((await lead.api.get(`/api/clients/${clientId}`)).json()).toMatchObject({ identity: { name: 'Marguerite Okafor' } });
    expect((await lead.api.get(`/api/clients/${clientId}/notes`)).statusCode).toBe(200);
    expect((await lead.api.post(`/api/clients/${clientId}/notes`, { kind: 'progress', text: 'Should not be written' })).statusCode).toBe(404);
    await ctx.audit.flush();
    const reads = (await auditRows(ctx, 'break_glass.read')).filter((r) => r.actor_id === lead.id);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    for (const r of reads) expect(JSON.parse(r.details ?? '{}').breakGlassId).toBe(glass.id);

    // The client's access history (read by the treating practitioner) shows it, with its reason's category.
    const history = (await ann.api.get(`/api/clients/${clientId}/access-history?limit=200`)).json() as { items: { action: string; actorId: string; purpose: string | null; reason: string | null }[] };
    expect(history.items).toContainEqual(expect.objectContaining({ action: 'break_glass.start', actorId: lead.id, purpose: 'break_glass', reason: 'Risk to life or of serious harm' }));
    expect(history.items.filter((e) => e.action === 'break_glass.read').length).toBeGreaterThanOrEqual(2);

    // Four hours on, it has ended by itself.
    ctx.clock.advance(4 * 3_600_000 + 1000);
    await again();
    expect((await lead.api.get(`/api/clients/${clientId}`)).statusCode).toBe(404);
    expect(((await lead.api.get('/api/break-glass')).json() as { id: string; active: boolean }[]).find((g) => g.id === glass.id)?.active).toBe(false);

    // The review: not by the clinical lead who used it; by the data-protection officer, once.
    const queue = (await dpo.api.get('/api/access-reviews?open=true')).json() as { id: string; kind: string; breakGlassId: string | null }[];
    const item = queue.find((q) => q.breakGlassId === glass.id);
    expect(item?.kind).toBe('break_glass');
    expect((await lead.api.post(`/api/access-reviews/${item?.id}/verdict`, { verdict: 'appropriate', notes: 'Mine' })).statusCode).toBe(403);
    expect((await admin.post(`/api/access-reviews/${item?.id}/verdict`, { verdict: 'appropriate', notes: 'x' })).statusCode).toBe(404);
    const verdicts = await Promise.all([
      dpo.api.post(`/api/access-reviews/${item?.id}/verdict`, { verdict: 'appropriate', notes: 'Risk to life; Ann on leave; access ended after the call.' }),
      dpo.api.post(`/api/access-reviews/${item?.id}/verdict`, { verdict: 'inappropriate', notes: 'Second look' }),
    ]);
    expect(verdicts.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const done = (await dpo.api.get('/api/access-reviews')).json() as { id: string; verdict: string | null; reviewedByName: string | null }[];
    expect(done.find((q) => q.id === item?.id)).toMatchObject({ verdict: expect.stringMatching(/^(appropriate|inappropriate)$/), reviewedByName: dpo.displayName });
  });

  it('the data-protection officer sees the queue and verifies the audit log, but never a client’s identity or notes', async () => {
    await again();
    expect((await dpo.api.get(`/api/clients/${clientId}`)).statusCode).toBe(404);
    expect((await dpo.api.get(`/api/clients/${clientId}/notes`)).statusCode).toBe(404);
    expect((await dpo.api.get(`/api/clients/${clientId}/access-log`)).statusCode).toBe(404);
    expect((await dpo.api.get('/api/access-reviews')).statusCode).toBe(200);
    expect((await dpo.api.post('/api/break-glass', { caseCode, category: 'other', reason: 'x', password: PASSWORD, code: '000000' })).statusCode).toBe(403);
  });
});
