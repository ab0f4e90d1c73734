import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliStore } from '../../../test/support/cli.js';

describe('sanctum breach and sanctum retention', () => {
  const cli = useCliStore();

  it('records a breach, reports the register, and refuses to destroy a held case', { timeout: 240_000 }, () => {
    expect(cli.run(['init', ...cli.data]).code).toBe(0);
    const client = cli.run(['client', 'add', ...cli.data, '--name', 'Robin Hale', '--json']).json() as { id: string; caseCode: string };

    const bad = cli.run(['breach', 'add', ...cli.data, '--json'], '{"kind":"meteor"}');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('breach: field "kind": expected one of lost_device, misdirected_message, unauthorised_access, ransomware, paper, other');

    const added = cli.run(['breach', 'add', ...cli.data, '--json'],
      JSON.stringify({ kind: 'paper', summary: 'Diary left in a café.', reportedBy: 'Reception', occurredAt: '2026-01-01T10:00:00Z', discoveredAt: '2026-01-02T10:00:00Z', categories: ['identity', 'session_dates'], scope: { kind: 'all_cases' } }),
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.json()).toMatchObject({ reference: 'B-2026-0001', affectedCount: 1, clocks: [{ audience: 'regulator', due: '2026-01-05T10:00:00Z' }] });

    const csv = join(cli.dir, 'register.csv');
    expect(cli.run(['breach', 'report', ...cli.data, '--format', 'csv', '--out', csv]).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('B-2026-0001,uk-gdpr,paper');

    const holds = cli.run(['retention', 'holds', ...cli.data, '--case', client.caseCode, '--json']);
    expect(holds.json()).toEqual([expect.objectContaining({ kind: 'breach_investigation' })]);
    const refused = cli.run(['retention', 'dispose', ...cli.data, '--case', client.caseCode, '--confirm', client.caseCode]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Breach B-2026-0001 is still open');

    const policy = cli.run(['retention', 'set-policy', ...cli.data, '--json'], '{"adultYears":6,"minorUntilBirthday":25,"minorUntilBirthdayAt17":26,"processNotesYears":null}');
    expect(policy.code).toBe(2);
    expect(policy.stderr).toContain('field "reason"');
  });
});
