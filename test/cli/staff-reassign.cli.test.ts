import { beforeAll, describe, expect, it } from 'vitest';
import { createClient, setCaseStatus } from '../../src/features/clients/clients.service.js';
import { cliStaff, useCliStore, withCliDb, withCliVault } from '../support/cli.js';

describe('sanctum staff reassign', () => {
  const cli = useCliStore({ init: true });
  const run = (args: string[]) => cli.run(args);
  const ids = { bea: '', cal: '', office: '', first: '', second: '', closed: '' };

  beforeAll(async () => {
    await withCliVault(cli, async (ctx, practiceId) => {
      const bea = await cliStaff(ctx, practiceId, 'bea@example.org', ['practitioner']);
      ids.bea = bea.userId;
      ids.cal = (await cliStaff(ctx, practiceId, 'cal@example.org', ['practitioner'])).userId;
      ids.office = (await cliStaff(ctx, practiceId, 'office@example.org', ['admin'])).userId;
      ids.first = (await createClient(ctx, bea, { name: 'First Client' })).id;
      ids.second = (await createClient(ctx, bea, { name: 'Second Client' })).id;
      ids.closed = (await createClient(ctx, bea, { name: 'Closed Client' })).id;
      await setCaseStatus(ctx, bea, ids.closed, 'closed');
    });
  });

  const base = () => ['staff', 'reassign', ...cli.data];
  const badInput = (args: string[], pattern: RegExp) => {
    const r = run([...base(), ...args]);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
  };

  it('refuses bad input with exit 2 and one line naming the flag', () => {
    badInput(['--from', 'bea@example.org', '--reason', 'other'], /missing --to/);
    badInput(['--from', 'bea@example.org', '--to', 'cal@example.org', '--reason', 'she left'], /--reason: expected one of practitioner_left/);
    badInput(['--from', 'bea@example.org', '--to', 'nobody@example.org', '--reason', 'other'], /--to: no colleague signs in with that email/);
    badInput(['--from', 'bea@example.org', '--to', 'office@example.org', '--reason', 'other'], /--to: .*practitioner role/);
    badInput(['--from', 'bea@example.org', '--to', 'bea@example.org', '--reason', 'other'], /--to: Choose a different colleague/);
    badInput(['--from', 'bea@example.org', '--to', 'not-a-user-id', '--reason', 'other'], /--to: No colleague with that id/);
    badInput(['--from', 'cal@example.org', '--to', 'bea@example.org', '--reason', 'other', '--client', ids.first], /--from: This client is not held by that colleague/);
    badInput(['--from', 'bea@example.org', '--to', 'cal@example.org', '--reason', 'other', '--client', ids.first, '--include-closed'], /--include-closed applies to a whole caseload/);
    badInput(['--from', 'bea@example.org', '--to', 'cal@example.org', '--reason', 'other', '--because', 'x'], /Unknown option '--because'/);
    const ghost = run([...base(), '--from', 'bea@example.org', '--to', 'cal@example.org', '--reason', 'other', '--client', 'no-such-client']);
    expect(ghost.code).toBe(1);
    expect(ghost.stderr).toMatch(/No such client/);
  });

  it('moves one client with --client', () => {
    const r = run([...base(), '--from', ids.bea, '--to', 'cal@example.org', '--reason', 'client_request', '--client', ids.first, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ clientId: ids.first, fromUserId: ids.bea, toUserId: ids.cal, reason: 'client_request' });
  });

  it("moves the rest of a colleague's open clients, then the closed ones when asked", () => {
    const open = run([...base(), '--from', 'bea@example.org', '--to', 'cal@example.org', '--reason', 'practitioner_left']);
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout).toMatch(/Moved 1 client\(s\) \(1 open, 0 closed\)/);
    expect(open.stdout).toMatch(/1 closed client\(s\) stay with bea@example.org; add --include-closed/);
    const closed = run([...base(), '--from', 'bea@example.org', '--to', 'cal@example.org', '--reason', 'practitioner_left', '--include-closed', '--json']);
    expect(closed.code, closed.stderr).toBe(0);
    expect(closed.json()).toMatchObject({ moved: [{ clientId: ids.closed, status: 'closed' }], counts: { open: 0, closed: 1 }, remaining: { open: 0, closed: 0 } });
    const team = run(['staff', 'list', ...cli.data, '--json']).json() as { email: string; caseload: { open: number; closed: number } }[];
    expect(team.find((m) => m.email === 'cal@example.org')?.caseload).toEqual({ open: 2, closed: 1 });
    expect(team.find((m) => m.email === 'bea@example.org')?.caseload).toEqual({ open: 0, closed: 0 });
  });

  it('names reassign in the usage line and the help, and audits each move under the operator', async () => {
    expect(run(['staff', 'fire']).stderr).toMatch(/reassign/);
    expect(run(['staff', '--help']).stdout).toMatch(/sanctum staff reassign --from ID\|EMAIL --to ID\|EMAIL/);
    expect(run(['audit', 'verify', ...cli.data]).code).toBe(0);
    await withCliDb(cli, async (db) => {
      const rows = await db.kysely.selectFrom('audit_log').select(['actor_id', 'target_id', 'outcome', 'details']).where('action', '=', 'case.reassign').orderBy('seq').execute();
      expect(rows.map((r) => r.target_id)).toEqual([ids.first, ids.second, ids.closed]);
      expect(new Set(rows.map((r) => `${r.actor_id}:${r.outcome}`))).toEqual(new Set(['cli:ok']));
      expect(JSON.stringify(rows)).not.toMatch(/Client|Named|@example/);
    });
  });
});
