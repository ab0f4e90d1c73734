import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { type Colleague, addColleague } from '../../../test/staff/support.js';

const MISSING = '00000000-0000-0000-0000-000000000000';

describe('who a breach report may name', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let admin: ApiClient;
  let bea: Colleague;
  let cal: Colleague;
  let beas: { id: string; caseCode: string };
  let cals: { id: string; caseCode: string };

  beforeEach(async () => {
    ctx = await testContext();
    ({ app, api: admin } = await setUpPractice(ctx));
    bea = await addColleague(ctx, app, admin);
    cal = await addColleague(ctx, app, admin);
    beas = (await bea.api.post('/api/clients', { name: 'Imogen Strand' })).json() as { id: string; caseCode: string };
    cals = (await cal.api.post('/api/clients', { name: 'Rafferty Moss' })).json() as { id: string; caseCode: string };
  });
  afterEach(async () => ctx.cleanup());

  const report = (who: ApiClient, more: Record<string, unknown>) => who.post('/api/breaches', {
    kind: 'lost_device', summary: 'Phone left in a taxi.', reportedBy: 'Cal', occurredAt: '2026-11-01T18:00:00Z', discoveredAt: '2026-11-02T08:00:00Z', categories: ['identity'], ...more,
  });

  it("refuses a practitioner a colleague's caseload or the whole practice, without naming anyone", async () => {
    for (const scope of [{ kind: 'practitioner', practitionerId: bea.id }, { kind: 'all_cases' }, { kind: 'open_cases' }]) {
      const res = await report(cal.api, { scope });
      expect(res.statusCode, JSON.stringify(scope)).toBe(403);
      expect(res.body).not.toContain(beas.id);
      expect(res.body).not.toContain(beas.caseCode);
    }
    expect((await ctx.db.kysely.selectFrom('breaches').select('id').execute())).toEqual([]);
  });

  it("answers a colleague's client id exactly as an id that does not exist", async () => {
    const colleagues = await report(cal.api, { clientIds: [beas.id] });
    const nobody = await report(cal.api, { clientIds: [MISSING] });
    expect(colleagues.statusCode).toBe(400);
    expect(colleagues.body).toBe(nobody.body);
    expect(colleagues.body).not.toContain(beas.caseCode);
    const mixed = await report(cal.api, { clientIds: [cals.id, beas.id] });
    expect(mixed.body).toBe((await report(cal.api, { clientIds: [cals.id, MISSING] })).body);
  });

  it('lets a practitioner record a breach about their own clients and their own caseload', async () => {
    const named = await report(cal.api, { clientIds: [cals.id] });
    expect(named.statusCode).toBe(201);
    expect(named.json()).toMatchObject({ affected: [{ clientId: cals.id, caseCode: cals.caseCode }] });
    const own = await report(cal.api, { scope: { kind: 'practitioner', practitionerId: cal.id } });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ affectedCount: 1, affected: [{ clientId: cals.id }] });
  });

  it('leaves practice-wide scopes to the admin, who keeps the register', async () => {
    const all = await report(admin, { scope: { kind: 'all_cases' } });
    expect(all.statusCode).toBe(201);
    expect((all.json() as { affected: { clientId: string }[] }).affected.map((a) => a.clientId).sort()).toEqual([beas.id, cals.id].sort());
    const theirs = await report(admin, { scope: { kind: 'practitioner', practitionerId: bea.id }, clientIds: [cals.id] });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json()).toMatchObject({ affectedCount: 2 });
  });
});
