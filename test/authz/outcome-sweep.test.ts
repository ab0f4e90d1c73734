import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/features/retention/retention.test-helpers.js';
import type { TestContext } from '../support/context.js';
import { CALLERS, type CallerKind, callerIn } from './callers.js';
import { TABLE, expected } from './outcomes.js';
import { type OpenApiDoc, operationsOf, requestFor } from './requests.js';
import { MARK } from './seed.js';

/**
 * The outcome table (outcomes.ts) run against the real API: every operation the server publishes
 * × every caller in CALLERS (each role, and each relationship to practitioner A's client: own,
 * covering, supervising, none, break-glass active, break-glass expired). Where the table says
 * "deny", any 2xx answer is an unexpected allow, and no text of A's client may come back; where it
 * says "allow", a 401 or 403 is an unexpected refusal (a 404 is accepted there: the sweep's made-up
 * ids for other records do not exist). An operation missing from the table fails the sweep, so a
 * new route cannot be published without someone deciding who may call it.
 * SWEEP_RECORD=FILE writes what each caller got, to review against the table.
 */
const TEXT = [MARK.name, MARK.email, MARK.phone, MARK.address, MARK.note, MARK.draft, MARK.addendum, MARK.letter, MARK.request, MARK.share];

describe('the outcome table, swept over every operation, role and relationship', () => {
  const contexts: TestContext[] = [];
  const record: Record<string, Record<string, number>> = {};
  afterAll(async () => {
    for (const c of contexts) await c.cleanup();
    if (process.env.SWEEP_RECORD) writeFileSync(process.env.SWEEP_RECORD, JSON.stringify(record, null, 1));
  });

  it.each(CALLERS.map((c) => [c]))('%s: no unexpected allows, no unexpected refusals, nothing of A’s client where refused, never a 500', async (kind: CallerKind) => {
    const { ctx, seed, caller } = await callerIn(kind);
    contexts.push(ctx);
    const doc = (await seed.lead.get('/api/openapi.json')).json() as OpenApiDoc;
    const problems: string[] = [];
    for (const o of operationsOf(doc)) {
      const want = expected(o.key, kind);
      if (want === undefined) {
        problems.push(`${o.key}: not in the outcome table`);
        continue;
      }
      const { url, body } = requestFor(o, seed.ids, seed.seq, caller);
      const res = await caller.api.call(o.method.toUpperCase() as 'GET', url, body);
      (record[o.key] ??= {})[kind] = res.statusCode;
      const where = `${kind} ${o.key} → ${res.statusCode}`;
      if (res.statusCode >= 500) problems.push(`${where}: ${res.body.slice(0, 200)}`);
      if (want === 'deny') {
        if (res.statusCode < 300) problems.push(`${where}: unexpected allow`);
        const text = res.rawPayload.subarray(0, 5).toString('latin1') === '%PDF-' ? pdfText(res.rawPayload) : res.body;
        for (const m of TEXT) if (text.includes(m)) problems.push(`${where}: refused, yet reveals "${m}"`);
      } else if (want === 'allow' && (res.statusCode === 401 || res.statusCode === 403)) {
        problems.push(`${where}: unexpected refusal ${res.body.slice(0, 160)}`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('lists no operation the server no longer publishes', async () => {
    const { ctx, seed } = await callerIn('nobody');
    contexts.push(ctx);
    const published = new Set(operationsOf((await seed.lead.get('/api/openapi.json')).json() as OpenApiDoc).map((o) => o.key));
    expect(Object.keys(TABLE).filter((k) => !published.has(k))).toEqual([]);
  }, 120_000);
});
