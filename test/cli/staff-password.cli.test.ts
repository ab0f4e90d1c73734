import { beforeAll, describe, expect, it } from 'vitest';
import { writeTx } from '../../src/db/tx.js';
import { recordFailure } from '../../src/features/auth/auth.repository.js';
import { signIn } from '../../src/features/auth/auth.service.js';
import { cliStaff, useCliStore, withCliDb, withCliVault } from '../support/cli.js';

describe('sanctum staff reset-password', () => {
  const cli = useCliStore({ init: true });
  const run = (args: string[]) => cli.run(args);
  let beaId = '';
  const issued: string[] = [];

  beforeAll(async () => {
    await withCliVault(cli, async (ctx, practiceId) => {
      await cliStaff(ctx, practiceId, 'lead@example.org', ['practitioner', 'admin'], 'Practice Lead');
      beaId = (await cliStaff(ctx, practiceId, 'bea@example.org', ['practitioner'], 'Bea Colleague')).userId;
      await writeTx(ctx.db, (trx) => recordFailure(trx, beaId, 5, '2999-01-01T00:00:00.000Z'));
    });
  });

  it('prints the temporary password once with its expiry, and it opens the next sign-in', async () => {
    const json = run(['staff', 'reset-password', ...cli.data, '--user', 'bea@example.org', '--reason', 'forgotten', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const out = json.json() as { userId: string; temporaryPassword: string; expiresAt: string; sessionsEnded: number; secondFactor: boolean };
    expect(out).toMatchObject({ userId: beaId, sessionsEnded: 0, secondFactor: false });
    expect(out.temporaryPassword).toMatch(/^([A-Z2-9]{4}-){4}[A-Z2-9]{4}$/);
    expect(Date.parse(out.expiresAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    issued.push(out.temporaryPassword);

    const text = run(['staff', 'reset-password', ...cli.data, '--user', beaId, '--reason', 'suspected_compromise']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/shown only now/);
    expect(text.stdout).toMatch(/stops working at \d{4}-\d{2}-\d{2}T/);
    const [temporary] = text.stdout.match(/^ {2}([A-Z2-9]{4}-){4}[A-Z2-9]{4}$/m) ?? [];
    expect(temporary).toBeDefined();
    issued.push(temporary!.trim());

    await withCliVault(cli, async (ctx) => {
      // The lockout is cleared; the first temporary password was replaced by the second.
      await expect(signIn(ctx, { email: 'bea@example.org', password: issued[0] }, 'test')).rejects.toMatchObject({ code: 'unauthenticated' });
      expect((await signIn(ctx, { email: 'bea@example.org', password: issued[1] }, 'test')).stage).toBe('enrol_totp');
    });
  });

  it('answers bad input with exit 2 and one line naming the flag', () => {
    const cases: [string[], RegExp][] = [
      [['staff', 'reset-password', ...cli.data, '--user', 'bea@example.org', '--reason', 'felt like it'], /"reason": expected one of forgotten, suspected_compromise, returning_from_leave/],
      [['staff', 'reset-password', ...cli.data, '--user', 'bea@example.org'], /reason/],
      [['staff', 'reset-password', ...cli.data, '--reason', 'forgotten'], /user/],
      [['staff', 'reset-password', ...cli.data, '--user', 'bea@example.org', '--reason', 'forgotten', '--password', 'x'], /password/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const ghost = run(['staff', 'reset-password', ...cli.data, '--user', 'nobody@example.org', '--reason', 'forgotten']);
    expect(ghost.code).toBe(1);
    expect(ghost.stderr).toMatch(/No such colleague/);
    expect(run(['staff', '--help']).stdout).toMatch(/sanctum staff reset-password --user ID\|EMAIL --reason forgotten/);
  });

  it('audits the resets under the operator with ids and codes only', async () => {
    expect(run(['audit', 'verify', ...cli.data]).code).toBe(0);
    await withCliDb(cli, async (db) => {
      const rows = await db.kysely.selectFrom('audit_log').select(['actor_id', 'target_id', 'action', 'details']).where('action', '=', 'user.password_reset').orderBy('seq').execute();
      expect(rows.map((r) => [r.actor_id, r.target_id, JSON.parse(r.details ?? '{}').reason])).toEqual([['cli', beaId, 'forgotten'], ['cli', beaId, 'suspected_compromise']]);
      const all = JSON.stringify(await db.kysely.selectFrom('audit_log').selectAll().execute());
      for (const p of issued) expect(all).not.toContain(p);
      expect(all).not.toMatch(/Bea|@example/);
    });
  });
});
