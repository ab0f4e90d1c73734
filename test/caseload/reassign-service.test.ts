import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access.js';
import { reassignCaseload, reassignClient } from '../../src/features/caseload/caseload.service.js';
import { moveClient } from '../../src/features/caseload/caseload.repository.js';
import { createClient } from '../../src/features/clients/clients.service.js';
import { writeTx } from '../../src/db/tx.js';
import { type TestContext, addStaff, testContext, withPractice } from '../support/context.js';

/** Moving care, called as the services are called by the routes and the command line. */
describe('moving care: the service', () => {
  let ctx: TestContext;
  let practiceId: string;
  let operator: Principal;
  let admins: [Principal, Principal];
  let bea: Principal;
  let cal: Principal;
  let dan: Principal;
  beforeEach(async () => {
    ctx = await testContext();
    ({ practiceId, operator } = await withPractice(ctx));
    admins = [(await addStaff(ctx, practiceId, ['admin'])).principal, (await addStaff(ctx, practiceId, ['admin'])).principal];
    [bea, cal, dan] = [(await addStaff(ctx, practiceId)).principal, (await addStaff(ctx, practiceId)).principal, (await addStaff(ctx, practiceId)).principal];
  });
  afterEach(async () => ctx.cleanup());

  const holder = async (clientId: string) => (await ctx.db.kysely.selectFrom('cases').select('practitioner_id').where('client_id', '=', clientId).executeTakeFirstOrThrow()).practitioner_id;
  const moves = async () => {
    await ctx.audit.flush();
    const rows = await ctx.db.kysely.selectFrom('audit_log').select(['actor_id', 'target_id', 'outcome', 'details']).where('action', '=', 'case.reassign').orderBy('seq').execute();
    return rows.map((r) => ({ actor: r.actor_id, client: r.target_id, outcome: r.outcome, ...(JSON.parse(r.details ?? '{}') as { fromUserId: string; toUserId: string }) }));
  };

  it('two admins moving the same client at the same moment: no lost update, and each entry names who really held the client', async () => {
    const { id } = await createClient(ctx, bea, { name: 'Concurrent Client' });
    const results = await Promise.allSettled([
      reassignClient(ctx, admins[0], id, cal.userId, 'caseload_balance'),
      reassignClient(ctx, admins[1], id, dan.userId, 'client_request'),
    ]);
    const done = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const f of failed) expect(f.reason).toMatchObject({ code: expect.stringMatching(/^(conflict|invalid_input)$/) });

    const log = (await moves()).filter((m) => m.outcome === 'ok');
    expect(log).toHaveLength(done.length);
    expect(log[0].fromUserId).toBe(bea.userId);
    // The second move, if it happened, started from the first one's result, not from a stale read.
    if (log.length === 2) expect(log[1].fromUserId).toBe(log[0].toUserId);
    expect(await holder(id)).toBe(log[log.length - 1].toUserId);
  });

  it('a move planned from a stale read changes nothing: the update is conditional on who holds the client', async () => {
    const { id } = await createClient(ctx, bea, { name: 'Stale Read' });
    await reassignClient(ctx, admins[0], id, cal.userId, 'clinical_need');
    expect(await writeTx(ctx.db, (trx) => moveClient(trx, id, bea.userId, dan.userId))).toBe(0);
    expect(await holder(id)).toBe(cal.userId);
  });

  it("two admins moving a colleague's whole caseload at once: every client moves exactly once", async () => {
    const ids = [];
    for (const name of ['One', 'Two', 'Three', 'Four']) ids.push((await createClient(ctx, bea, { name: `Client ${name}` })).id);
    const [first, second] = await Promise.all([
      reassignCaseload(ctx, admins[0], bea.userId, cal.userId, 'practitioner_left'),
      reassignCaseload(ctx, admins[1], bea.userId, dan.userId, 'practitioner_left'),
    ]);
    expect(first.moved.length + second.moved.length).toBe(4);
    expect([first.moved.length, second.moved.length].sort()).toEqual([0, 4]);
    const winner = first.moved.length ? cal.userId : dan.userId;
    for (const id of ids) expect(await holder(id)).toBe(winner);
    const log = await moves();
    expect(log.map((m) => m.client).sort()).toEqual([...ids].sort());
    expect(log.every((m) => m.fromUserId === bea.userId && m.toUserId === winner)).toBe(true);
  });

  it('the operator at the command line may move care; a practitioner may not, even their own client', async () => {
    const { id } = await createClient(ctx, bea, { name: 'Operator Moved' });
    await expect(reassignClient(ctx, bea, id, cal.userId, 'other')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(reassignClient(ctx, operator, id, cal.userId, 'other')).resolves.toMatchObject({ fromUserId: bea.userId, toUserId: cal.userId });
    expect((await moves()).map((m) => [m.actor, m.outcome])).toEqual([[bea.userId, 'denied'], ['cli', 'ok']]);
  });

  it('an unassigned client (added by the operator) can be given to a practitioner', async () => {
    const { id } = await createClient(ctx, operator, { name: 'Unassigned Client' }, null);
    await expect(reassignClient(ctx, admins[0], id, cal.userId, 'caseload_balance')).resolves.toMatchObject({ fromUserId: null, toUserId: cal.userId });
    expect(await holder(id)).toBe(cal.userId);
  });

  it('refuses an unknown reason before anything else', async () => {
    const { id } = await createClient(ctx, bea, { name: 'Reason Check' });
    await expect(reassignClient(ctx, admins[0], id, cal.userId, 'she asked nicely')).rejects.toMatchObject({ code: 'invalid_input', field: 'reason' });
    await expect(reassignCaseload(ctx, admins[0], bea.userId, bea.userId, 'other')).rejects.toMatchObject({ code: 'invalid_input', field: 'toUserId' });
    expect(await holder(id)).toBe(bea.userId);
  });
});
