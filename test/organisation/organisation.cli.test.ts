import { beforeAll, describe, expect, it } from 'vitest';
import { cliStaff, useCliStore, withCliVault } from '../support/cli.js';

/** The organisation from the command line: staff with roles and a team, cover, supervision, emergency accesses. Runs the built binary. */
describe('sanctum staff add, cover, supervision and breakglass', () => {
  const cli = useCliStore({ init: true });
  const run = (args: string[]) => cli.run(args);
  const ids = { ann: '', ben: '' };

  beforeAll(async () => {
    await withCliVault(cli, async (ctx, practiceId) => {
      ids.ann = (await cliStaff(ctx, practiceId, 'ann@example.org', ['practitioner'], 'Ann Practitioner')).userId;
      ids.ben = (await cliStaff(ctx, practiceId, 'ben@example.org', ['practitioner'], 'Ben Practitioner')).userId;
      await ctx.db.kysely.insertInto('teams').values({ id: 'team-students', practice_id: practiceId, name: 'Student counselling', created_at: new Date().toISOString(), archived_at: null }).execute();
    });
  });

  it('adds a colleague with roles and a team, and a temporary password shown once', () => {
    const res = run(['staff', 'add', ...cli.data, '--email', 'cleo@example.org', '--name', 'Cleo Lead', '--roles', 'clinical_lead,supervisor', '--team', 'Student counselling', '--json']);
    expect(res.code, res.stderr).toBe(0);
    const out = res.json() as { id: string; temporaryPassword: string; teamId: string };
    expect(out.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.temporaryPassword.length).toBeGreaterThanOrEqual(12);
    expect(out.teamId).toBe('team-students');
    const list = run(['staff', 'list', ...cli.data, '--json']).json() as { email: string; roles: string[] }[];
    expect(list.find((m) => m.email === 'cleo@example.org')?.roles).toEqual(['clinical_lead', 'supervisor']);
  });

  it('refuses an unknown role, a taken email and an unknown team in plain words, exit 2', () => {
    const bad = run(['staff', 'add', ...cli.data, '--email', 'dee@example.org', '--name', 'Dee', '--roles', 'practitioner,wizard']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"wizard" is not a role/);
    expect(run(['staff', 'add', ...cli.data, '--email', 'ann@example.org', '--name', 'Ann Again', '--roles', 'practitioner']).stderr).toMatch(/already signs in with that email/);
    expect(run(['staff', 'add', ...cli.data, '--email', 'eve@example.org', '--name', 'Eve', '--roles', 'reception', '--team', 'Nowhere']).stderr).toMatch(/no team by that name/);
  });

  it('arranges cover by email, lists it in force, and ends it once', () => {
    const until = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const add = run(['cover', 'add', ...cli.data, '--by', 'ben@example.org', '--for', 'ann@example.org', '--until', until, '--reason', 'Annual leave', '--json']);
    expect(add.code, add.stderr).toBe(0);
    const cover = add.json() as { id: string; inForce: boolean; holderId: string; subjectId: string };
    expect(cover).toMatchObject({ inForce: true, holderId: ids.ben, subjectId: ids.ann });
    expect(run(['cover', 'list', ...cli.data]).stdout).toMatch(/Ben Practitioner covers for Ann Practitioner/);
    expect(run(['cover', 'end', ...cli.data, '--id', cover.id, '--json']).json()).toMatchObject({ inForce: false });
    const again = run(['cover', 'end', ...cli.data, '--id', cover.id]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already ended/);
    expect(run(['cover', 'add', ...cli.data, '--by', 'ben@example.org', '--for', 'ann@example.org', '--reason', 'Leave']).stderr).toMatch(/give the last day/i);
  });

  it('records supervision only for someone with the supervisor role', () => {
    const wrong = run(['supervision', 'add', ...cli.data, '--supervisor', 'ben@example.org', '--supervisee', 'ann@example.org', '--reason', 'Monthly supervision']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/supervisor role/);
    const ok = run(['supervision', 'add', ...cli.data, '--supervisor', 'cleo@example.org', '--supervisee', 'ann@example.org', '--reason', 'Monthly supervision', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json()).toMatchObject({ kind: 'supervision', endsOn: null, inForce: true });
  });

  it('lists emergency accesses (none yet) and refuses a review of one that does not exist', () => {
    expect(run(['breakglass', 'list', ...cli.data]).stdout).toMatch(/No emergency access has been used/);
    const r = run(['breakglass', 'review', ...cli.data, '--id', '00000000-0000-4000-8000-000000000000', '--verdict', 'appropriate', '--notes', 'x']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/No such emergency access/);
    expect(run(['breakglass', 'review', ...cli.data, '--id', 'x', '--verdict', 'fine', '--notes', 'x']).stderr).toMatch(/appropriate or inappropriate/);
  });
});
