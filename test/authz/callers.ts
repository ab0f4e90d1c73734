import { ApiClient, totpNow } from '../support/api.js';
import { PASSWORD, type TestContext, testContext } from '../support/context.js';
import { addColleague, signInWithCode } from '../staff/support.js';
import type { Caller } from './requests.js';
import { type Seed, seedPractice } from './seed.js';

/**
 * Who calls, by role and by their relationship to practitioner A's client. Each caller gets a
 * practice of their own (seeded through the API), so what one caller may change cannot alter
 * what the next one sees.
 */
export const CALLERS = [
  'nobody',
  'treating practitioner',
  'covering practitioner',
  'other practitioner',
  'supervisor of A',
  'reception',
  'admin only',
  'data-protection officer',
  'clinical lead, break-glass active',
  'clinical lead, break-glass expired',
  'clinical lead, no relationship',
] as const;
export type CallerKind = (typeof CALLERS)[number];

const days = (ctx: TestContext, n: number) => new Date(ctx.clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

async function must(res: { statusCode: number; body: string }, what: string): Promise<void> {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

async function glass(ctx: TestContext, seed: Seed): Promise<{ api: ApiClient; id: string; email: string; totpSecret: string }> {
  const lead = await addColleague(ctx, seed.app, seed.lead, ['clinical_lead']);
  await must(await lead.api.post('/api/break-glass', {
    caseCode: seed.ids.caseCode, category: 'risk_to_life', reason: 'Sweep: emergency access', password: PASSWORD, code: totpNow(lead.totpSecret, ctx.clock.now()),
  }), 'break-glass');
  return lead;
}

/** A fresh practice and the caller of that kind in it. */
export async function callerIn(kind: CallerKind): Promise<{ ctx: TestContext; seed: Seed; caller: Caller }> {
  const ctx = await testContext();
  const seed = await seedPractice(ctx);
  const as = (api: ApiClient, id: string | null): Caller => ({ label: kind, api, id });
  switch (kind) {
    case 'nobody':
      return { ctx, seed, caller: as(new ApiClient(seed.app), null) };
    case 'treating practitioner':
      return { ctx, seed, caller: as(seed.a.api, seed.a.id) };
    case 'other practitioner':
      return { ctx, seed, caller: as(seed.b.api, seed.b.id) };
    case 'admin only':
      return { ctx, seed, caller: as(seed.office.api, seed.office.id) };
    case 'covering practitioner': {
      await must(await seed.lead.post('/api/cover', { holderId: seed.b.id, subjectId: seed.a.id, startsOn: null, endsOn: days(ctx, 5), reason: 'Sweep: leave' }), 'cover');
      return { ctx, seed, caller: as(seed.b.api, seed.b.id) };
    }
    case 'supervisor of A': {
      const s = await addColleague(ctx, seed.app, seed.lead, ['supervisor']);
      await must(await seed.lead.post('/api/supervision', { holderId: s.id, subjectId: seed.a.id, startsOn: null, endsOn: null, reason: 'Sweep: supervision' }), 'supervision');
      return { ctx, seed, caller: as(s.api, s.id) };
    }
    case 'reception': {
      const r = await addColleague(ctx, seed.app, seed.lead, ['reception']);
      return { ctx, seed, caller: as(r.api, r.id) };
    }
    case 'data-protection officer': {
      const d = await addColleague(ctx, seed.app, seed.lead, ['dpo']);
      return { ctx, seed, caller: as(d.api, d.id) };
    }
    case 'clinical lead, break-glass active': {
      const l = await glass(ctx, seed);
      return { ctx, seed, caller: as(l.api, l.id) };
    }
    case 'clinical lead, break-glass expired': {
      const l = await glass(ctx, seed);
      ctx.clock.advance(5 * 3_600_000);
      const again = await signInWithCode(ctx, seed.app, l.email, l.totpSecret);
      return { ctx, seed, caller: as(again.api, l.id) };
    }
    case 'clinical lead, no relationship': {
      const l = await addColleague(ctx, seed.app, seed.lead, ['clinical_lead']);
      return { ctx, seed, caller: as(l.api, l.id) };
    }
  }
}
