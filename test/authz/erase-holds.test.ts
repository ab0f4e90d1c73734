import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access.js';
import { createClient, eraseClient } from '../../src/features/clients/clients.service.js';
import { placeHold } from '../../src/features/retention/retention.service.js';
import { type TestContext, addStaff, testContext, withPractice } from '../support/context.js';

/** A hold and an erasure racing for the same client: whichever comes second sees the first. */
describe('erasing while a hold is being placed', () => {
  let ctx: TestContext;
  let operator: Principal;
  let practitioner: Principal;
  beforeEach(async () => {
    ctx = await testContext();
    let practiceId: string;
    ({ practiceId, operator } = await withPractice(ctx));
    practitioner = (await addStaff(ctx, practiceId)).principal;
  });
  afterEach(async () => ctx.cleanup());

  it('never erases a client after a hold on them was recorded', async () => {
    for (let i = 0; i < 4; i++) {
      const c = await createClient(ctx, practitioner, { name: `Raced Client ${i}` });
      const [hold, erase] = await Promise.allSettled([
        placeHold(ctx, operator, { caseCode: c.caseCode, kind: 'litigation', reason: 'Solicitor’s letter received.' }),
        eraseClient(ctx, operator, c.id, 'operator_erasure'),
      ]);
      const entries = await ctx.db.kysely.selectFrom('audit_log').select(['seq', 'action']).where('case_code', '=', c.caseCode).where('action', 'in', ['retention.hold', 'client.erase']).orderBy('seq').execute();
      const order = entries.map((e) => e.action);
      // Acceptable: the hold first and the erasure refused, or the erasure first (then the hold, if
      // it was recorded at all, came after the record was gone). Never a hold followed by an erasure.
      expect([['retention.hold'], ['client.erase'], ['client.erase', 'retention.hold']]).toContainEqual(order);
      if (order[0] === 'retention.hold') expect(erase).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } });
      if (order[0] === 'client.erase') expect(erase.status).toBe('fulfilled');
      expect(hold.status === 'fulfilled' || order[0] === 'client.erase').toBe(true);
    }
  });
});
