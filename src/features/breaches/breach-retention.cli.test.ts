import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliStore, cliStore, sanctum } from '../../../test/support/cli.js';
import type { TestStore } from '../../../test/support/context.js';

describe('sanctum breach and sanctum retention', () => {
  let cli: CliStore;
  let store: TestStore;
  let dir: string;
  let env: Record<string, string | undefined>;
  let data: string[];

  beforeAll(async () => {
    cli = await cliStore();
    ({ store, dir, data } = cli);
    env = { ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : { DATABASE_URL: '' }) };
  });
  afterAll(async () => {
    await cli.cleanup();
  });

  it('records a breach, reports the register, and refuses to destroy a held case', { timeout: 240_000 }, () => {
    expect(sanctum(['init', ...data], { env }).code).toBe(0);
    const client = sanctum(['client', 'add', ...data, '--name', 'Robin Hale', '--json'], { env }).json() as { id: string; caseCode: string };

    const bad = sanctum(['breach', 'add', ...data, '--json'], { env, input: '{"kind":"meteor"}' });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('breach: field "kind": expected one of lost_device, misdirected_message, unauthorised_access, ransomware, paper, other');

    const added = sanctum(['breach', 'add', ...data, '--json'], {
      env, input: JSON.stringify({ kind: 'paper', summary: 'Diary left in a café.', reportedBy: 'Reception', occurredAt: '2026-01-01T10:00:00Z', discoveredAt: '2026-01-02T10:00:00Z', categories: ['identity', 'session_dates'], scope: { kind: 'all_cases' } }),
    });
    expect(added.code, added.stderr).toBe(0);
    expect(added.json()).toMatchObject({ reference: 'B-2026-0001', affectedCount: 1, clocks: [{ audience: 'regulator', due: '2026-01-05T10:00:00Z' }] });

    const csv = join(dir, 'register.csv');
    expect(sanctum(['breach', 'report', ...data, '--format', 'csv', '--out', csv], { env }).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('B-2026-0001,uk-gdpr,paper');

    const holds = sanctum(['retention', 'holds', ...data, '--case', client.caseCode, '--json'], { env });
    expect(holds.json()).toEqual([expect.objectContaining({ kind: 'breach_investigation' })]);
    const refused = sanctum(['retention', 'dispose', ...data, '--case', client.caseCode, '--confirm', client.caseCode], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Breach B-2026-0001 is still open');

    const policy = sanctum(['retention', 'set-policy', ...data, '--json'], { env, input: '{"adultYears":6,"minorUntilBirthday":25,"minorUntilBirthdayAt17":26,"processNotesYears":null}' });
    expect(policy.code).toBe(2);
    expect(policy.stderr).toContain('field "reason"');
  });
});
