import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliStore, cliStore, sanctum } from '../support/cli.js';
import type { TestStore } from '../support/context.js';

/** `sanctum request …` against the real binary, on SQLite or (with TEST_PG_URL) PostgreSQL. */
describe('sanctum request', () => {
  let cli: CliStore;
  let store: TestStore;
  let dir: string;
  let env: Record<string, string | undefined>;
  let data: string[];
  let clientId = '';

  beforeAll(async () => {
    cli = await cliStore();
    ({ store, dir, data } = cli);
    env = { DATABASE_URL: store.databaseUrl ?? '' };
    expect(sanctum(['init', ...data], { env }).code).toBe(0);
    clientId = (sanctum(['client', 'add', ...data, '--name', 'Casey Brook', '--dob', '1985-02-02', '--json'], { env }).json() as { id: string }).id;
  });
  afterAll(async () => {
    await cli.cleanup();
  });

  it('logs from a file, lists, shows, decides with steps and signs, and accounts', () => {
    const file = join(dir, 'request.json');
    writeFileSync(file, JSON.stringify({
      requesterType: 'court', requester: { name: 'Court Office', organisation: 'County Court', role: 'Clerk', verifiedHow: 'Checked the seal' },
      asks: 'records', asked: 'Order for notes March to May', authority: 'court_order', clientId,
    }));
    const logged = sanctum(['request', 'log', file, ...data, '--json'], { env });
    expect(logged.code, logged.stderr).toBe(0);
    const { id, triage } = logged.json() as { id: string; triage: { basis: string; steps: string[] } };
    expect(triage.basis).toBe('required_by_law');

    const list = sanctum(['request', 'list', ...data, '--json'], { env });
    expect((list.json() as { id: string }[]).map((r) => r.id)).toEqual([id]);
    expect((sanctum(['request', 'show', ...data, '--id', id, '--json'], { env }).json() as { status: string }).status).toBe('open');

    const steps = triage.steps.filter((s) => s !== 'document_decision').map((step) => ({ step, date: '2026-01-05', name: 'Dr Ruth Ellis', advice: 'Minimum only', source: 'Insurer', outcome: 'Done', note: 'Done', capable: true }));
    const decision = { steps, outcome: 'disclose_in_part', reasons: 'The order requires it; minimum necessary.', factors: ['Court order'] };
    const decided = sanctum(['request', 'decide', '-', ...data, '--id', id, '--sign', '--json'], { env, input: JSON.stringify(decision) });
    expect(decided.code, decided.stderr).toBe(0);
    expect(decided.json()).toMatchObject({ status: 'decided', decision: { outcome: 'disclose_in_part', status: 'signed' } });
    const again = sanctum(['request', 'decide', '-', ...data, '--id', id, '--json'], { env, input: JSON.stringify({ outcome: 'decline', reasons: 'no' }) });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/signed off/);

    const acct = sanctum(['request', 'accounting', ...data, '--client', clientId, '--from', '2020-01-01', '--to', '2030-12-31', '--json'], { env });
    expect(acct.code, acct.stderr).toBe(0);
    expect(acct.json()).toMatchObject({ period: { from: '2020-01-01', to: '2030-12-31' }, disclosures: [] });

    const letter = sanctum(['request', 'letter', ...data, '--id', id, '--kind', 'decline', '--json'], { env });
    expect((letter.json() as { text: string }).text).not.toContain('Casey');
  }, 240_000);

  it('refuses bad input with exit 2 and one line naming the field', () => {
    const bad = sanctum(['request', 'log', '-', ...data, '--json'], { env, input: JSON.stringify({ requesterType: 'journalist', asks: 'records', asked: 'x', authority: 'none' }) });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('"requesterType"');
    const extra = sanctum(['request', 'log', '-', ...data], { env, input: JSON.stringify({ shoe: 1 }) });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('"shoe"');
    expect(sanctum(['request', 'accounting', ...data, '--client', clientId, '--from', '2020-13-01', '--json'], { env }).code).toBe(2);
    expect(sanctum(['request', 'frobnicate'], { env }).code).toBe(2);
  }, 120_000);
});
