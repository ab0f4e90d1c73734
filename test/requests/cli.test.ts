import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliStore } from '../support/cli.js';

/** `sanctum request …` against the real binary, on SQLite or (with TEST_PG_URL) PostgreSQL. */
describe('sanctum request', () => {
  const cli = useCliStore({ client: true });

  it('logs from a file, lists, shows, decides with steps and signs, and accounts', () => {
    const file = join(cli.dir, 'request.json');
    writeFileSync(file, JSON.stringify({
      requesterType: 'court', requester: { name: 'Court Office', organisation: 'County Court', role: 'Clerk', verifiedHow: 'Checked the seal' },
      asks: 'records', asked: 'Order for notes March to May', authority: 'court_order', clientId: cli.clientId,
    }));
    const logged = cli.run(['request', 'log', file, ...cli.data, '--json']);
    expect(logged.code, logged.stderr).toBe(0);
    const { id, triage } = logged.json() as { id: string; triage: { basis: string; steps: string[] } };
    expect(triage.basis).toBe('required_by_law');

    const list = cli.run(['request', 'list', ...cli.data, '--json']);
    expect((list.json() as { id: string }[]).map((r) => r.id)).toEqual([id]);
    expect((cli.run(['request', 'show', ...cli.data, '--id', id, '--json']).json() as { status: string }).status).toBe('open');

    const steps = triage.steps.filter((s) => s !== 'document_decision').map((step) => ({ step, date: '2026-01-05', name: 'Dr Ruth Ellis', advice: 'Minimum only', source: 'Insurer', outcome: 'Done', note: 'Done', capable: true }));
    const decision = { steps, outcome: 'disclose_in_part', reasons: 'The order requires it; minimum necessary.', factors: ['Court order'] };
    const decided = cli.run(['request', 'decide', '-', ...cli.data, '--id', id, '--sign', '--json'], JSON.stringify(decision));
    expect(decided.code, decided.stderr).toBe(0);
    expect(decided.json()).toMatchObject({ status: 'decided', decision: { outcome: 'disclose_in_part', status: 'signed' } });
    const again = cli.run(['request', 'decide', '-', ...cli.data, '--id', id, '--json'], JSON.stringify({ outcome: 'decline', reasons: 'no' }));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/signed off/);

    const acct = cli.run(['request', 'accounting', ...cli.data, '--client', cli.clientId, '--from', '2020-01-01', '--to', '2030-12-31', '--json']);
    expect(acct.code, acct.stderr).toBe(0);
    expect(acct.json()).toMatchObject({ period: { from: '2020-01-01', to: '2030-12-31' }, disclosures: [] });

    const letter = cli.run(['request', 'letter', ...cli.data, '--id', id, '--kind', 'decline', '--json']);
    expect((letter.json() as { text: string }).text).not.toContain('Casey');
  }, 240_000);

  it('refuses bad input with exit 2 and one line naming the field', () => {
    const bad = cli.run(['request', 'log', '-', ...cli.data, '--json'], JSON.stringify({ requesterType: 'journalist', asks: 'records', asked: 'x', authority: 'none' }));
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('"requesterType"');
    const extra = cli.run(['request', 'log', '-', ...cli.data], JSON.stringify({ shoe: 1 }));
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('"shoe"');
    expect(cli.run(['request', 'accounting', ...cli.data, '--client', cli.clientId, '--from', '2020-13-01', '--json']).code).toBe(2);
    expect(cli.run(['request', 'frobnicate']).code).toBe(2);
  }, 120_000);
});
