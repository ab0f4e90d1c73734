import { beforeAll, describe, expect, it } from 'vitest';
import { writeTx } from '../../src/db/tx.js';
import { recordFailure } from '../../src/features/auth/auth.repository.js';
import { cliStaff, useCliStore, withCliDb, withCliVault } from '../support/cli.js';

interface Member {
  id: string;
  email: string;
  status: string;
  roles: string[];
  lockedUntil: string | null;
}

describe('sanctum staff', () => {
  const cli = useCliStore({ init: true });
  const run = (args: string[]) => cli.run(args);
  const ids = { lead: '', bea: '' };

  beforeAll(async () => {
    // Staff are added in the web app; here they are written straight into the new vault.
    await withCliVault(cli, async (ctx, practiceId) => {
      ids.lead = (await cliStaff(ctx, practiceId, 'lead@example.org', ['practitioner', 'admin'], 'Practice Lead')).userId;
      ids.bea = (await cliStaff(ctx, practiceId, 'bea@example.org', ['practitioner'], 'Bea Colleague')).userId;
      await writeTx(ctx.db, (trx) => recordFailure(trx, ids.bea, 5, '2999-01-01T00:00:00.000Z'));
    });
  });

  const oneLine = (r: { stderr: string }) => expect(r.stderr.trim().split('\n')).toHaveLength(1);

  it('lists the team with status', () => {
    const res = run(['staff', 'list', ...cli.data, '--json']);
    expect(res.code, res.stderr).toBe(0);
    const team = res.json() as Member[];
    expect(team.map((m) => [m.email, m.status]).sort()).toEqual([['bea@example.org', 'locked'], ['lead@example.org', 'not_enrolled']]);
    expect(run(['staff', 'list', ...cli.data]).stdout).toMatch(/locked until 2999-01-01/);
  });

  it('unlocks by email with a reason, and refuses an unknown reason with exit 2', () => {
    const bad = run(['staff', 'unlock', ...cli.data, '--user', 'bea@example.org', '--reason', 'felt like it']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/field "reason": expected one of own_attempts_confirmed/);
    oneLine(bad);
    const res = run(['staff', 'unlock', ...cli.data, '--user', 'bea@example.org', '--reason', 'identity_verified', '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.json()).toMatchObject({ id: ids.bea, status: 'not_enrolled', lockedUntil: null });
  });

  it('disables and re-enables by id; a second disable is a clear conflict', () => {
    const res = run(['staff', 'disable', ...cli.data, '--user', ids.bea, '--reason', 'left_practice', '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.json()).toMatchObject({ status: 'disabled', sessionsEnded: 0 });
    const again = run(['staff', 'disable', ...cli.data, '--user', ids.bea, '--reason', 'left_practice']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already disabled/);
    oneLine(again);
    expect(run(['staff', 'enable', ...cli.data, '--user', ids.bea, '--json']).json()).toMatchObject({ status: 'not_enrolled', disabledAt: null });
  });

  it('resets a second factor and prints the new recovery codes once', () => {
    const json = run(['staff', 'reset-2fa', ...cli.data, '--user', ids.bea, '--reason', 'lost_device', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect((json.json() as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    const text = run(['staff', 'reset-2fa', ...cli.data, '--user', ids.bea, '--reason', 'new_device']);
    expect(text.stdout).toMatch(/shown only now/);
    expect(text.stdout.match(/^ {2}[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/gm)).toHaveLength(10);
  });

  it('changes roles but never removes the last admin', () => {
    const last = run(['staff', 'roles', ...cli.data, '--user', 'lead@example.org', '--set', 'practitioner']);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/only active admin/);
    const bad = run(['staff', 'roles', ...cli.data, '--user', ids.bea, '--set', 'practitioner,operator']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/field "roles"/);
    expect(run(['staff', 'roles', ...cli.data, '--user', ids.bea, '--set', 'practitioner,admin', '--json']).json()).toMatchObject({ roles: ['practitioner', 'admin'] });
    expect(run(['staff', 'roles', ...cli.data, '--user', 'lead@example.org', '--set', 'practitioner', '--json']).json()).toMatchObject({ roles: ['practitioner'] });
  });

  it('answers bad usage with exit 2 and unknown colleagues with exit 1, one line each', () => {
    for (const args of [['staff'], ['staff', 'fire'], ['staff', 'disable', ...cli.data, '--reason', 'left_practice'], ['staff', 'list', ...cli.data, '--verbose']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      oneLine(r);
    }
    const ghost = run(['staff', 'enable', ...cli.data, '--user', 'nobody@example.org']);
    expect(ghost.code).toBe(1);
    expect(ghost.stderr).toMatch(/No such colleague/);
    expect(run(['staff', '--help']).stdout).toMatch(/sanctum staff reset-2fa --user ID\|EMAIL/);
  });

  it('audits every change under the operator, and the chain verifies', async () => {
    expect(run(['audit', 'verify', ...cli.data]).code).toBe(0);
    await withCliDb(cli, async (db) => {
      const rows = await db.kysely.selectFrom('audit_log').select(['actor_id', 'action', 'outcome', 'details']).where('action', 'like', 'user.%').orderBy('seq').execute();
      expect(rows.map((r) => `${r.action}:${r.outcome}`)).toEqual([
        'user.unlock:ok', 'user.disable:ok', 'user.enable:ok', 'user.reset_second_factor:ok', 'user.reset_second_factor:ok', 'user.update:denied', 'user.update:ok', 'user.update:ok',
      ]);
      expect(new Set(rows.map((r) => r.actor_id))).toEqual(new Set(['cli']));
      expect(JSON.stringify(rows)).not.toMatch(/Bea|Lead|@example/);
    });
  });
});
