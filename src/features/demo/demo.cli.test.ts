import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliStore, cliStore, sanctum } from '../../../test/support/cli.js';
import { onPostgres } from '../../../test/support/context.js';
import { DEMO_TOTP_SECRET } from './demo-staff.js';

/** `sanctum demo`'s refusals and its code helper; the seeding itself is tested through the services. */
describe('sanctum demo', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sanctum-demo-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves a folder it did not make alone, even with --fresh, naming the flag to change', () => {
    writeFileSync(join(dir, 'notes.txt'), 'someone else\'s file');
    for (const args of [['demo', '--data', dir, '--no-serve'], ['demo', '--data', dir, '--fresh', '--no-serve']]) {
      const res = sanctum(args);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/"data".*not a Sanctum demo/);
    }
    expect(sanctum(['demo', '--data', join(dir, 'new'), '--clients', 'lots']).stderr).toMatch(/"clients"/);
  });

  it('prints the current code for the published demo secret', () => {
    const res = sanctum(['demo', '--code']);
    expect(res.code).toBe(0);
    const code = res.stdout.trim();
    expect(code).toMatch(/^\d{6}$/);
    const totp = new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(DEMO_TOTP_SECRET) });
    expect(totp.validate({ token: code, window: 1 })).not.toBeNull();
  });
});

/** With DATABASE_URL the demo lives in that PostgreSQL database, which must be empty or the demo's own. */
describe.runIf(onPostgres)('sanctum demo on PostgreSQL', () => {
  let s: CliStore;
  let db: pg.Client;
  beforeEach(async () => {
    s = await cliStore();
    db = new pg.Client({ connectionString: s.env.DATABASE_URL });
    await db.connect();
  });
  afterEach(async () => {
    await db.end();
    await s.cleanup();
  });
  const demo = (...args: string[]) => sanctum(['demo', '--no-serve', '--clients', '8', ...args], { env: s.env });
  const one = async (q: string) => Object.values((await db.query(q)).rows[0] ?? {})[0];

  it('builds the demo in the database, reopens it, and --fresh remakes only its own tables', async () => {
    const made = demo('--json');
    expect(made.code, made.stderr).toBe(0);
    const first = (made.json() as { practiceId: string; clients: number }).practiceId;
    expect(await one('select id from practices')).toBe(first);
    expect(Number(await one('select count(*) from clients'))).toBe(11);

    const again = demo();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/Reopening the demo practice in the PostgreSQL database .*\/t_/);
    expect(again.stderr).not.toMatch(/postgres@/);

    // Someone keeps a table of their own beside the demo: remaking the demo leaves it alone.
    await db.query('create table visits (id integer primary key, note text)');
    await db.query("insert into visits values (1, 'kept')");
    const fresh = demo('--fresh', '--json');
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(await one('select id from practices')).not.toBe(first);
    expect(Number(await one('select count(*) from practices'))).toBe(1);
    expect(await one('select note from visits')).toBe('kept');
    expect(demo('--data', s.dir).stderr).toMatch(/"data".*DATABASE_URL is set/);
  }, 120_000);

  it('leaves a database holding another practice, or anything else, exactly as it was', async () => {
    const init = sanctum(['init', '--name', 'Northside Counselling Service'], { env: s.env });
    expect(init.code, init.stderr).toBe(0);
    const before = Number(await one('select count(*) from audit_log'));
    for (const args of [[], ['--fresh']]) {
      const res = demo(...args);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/DATABASE_URL.*already holds a Sanctum practice that is not the demo/);
    }
    expect(await one('select name from practices')).toBe('Northside Counselling Service');
    expect(Number(await one('select count(*) from audit_log'))).toBe(before);
    expect(Number(await one('select count(*) from users'))).toBe(0);

    await db.query('drop schema public cascade; create schema public');
    await db.query('create table invoices (id integer primary key)');
    const other = demo('--fresh');
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/tables that are not Sanctum's/);
    const tables = (await db.query("select table_name from information_schema.tables where table_schema = 'public'")).rows.map((r: { table_name: string }) => r.table_name);
    expect(tables).toEqual(['invoices']);
  }, 60_000);
});
