import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliStore, cliStore, sanctum } from '../../../test/support/cli.js';

/** The restore drill, as CI runs it: a backup made by the CLI must restore and check out. */
describe('sanctum backup verify and schedule', () => {
  let s: CliStore;
  const run = (args: string[], env: Record<string, string> = {}) => sanctum([...args, ...s.data], { env: { ...s.env, ...env } });
  const backupFile = () => join(s.dir, 'backup.json');

  beforeAll(async () => {
    s = await cliStore();
    expect(run(['init']).code).toBe(0);
    const client = (run(['client', 'add', '--name', 'Wilhelmina Ashdown', '--json']).json() as { id: string }).id;
    expect(run(['note', 'add', '--client', client, '--text', 'First session; talked about sleep.', '--sign']).code).toBe(0);
    expect(run(['backup', '--out', backupFile()]).code).toBe(0);
  });
  afterAll(async () => s?.cleanup());

  it('restores a CLI backup into a scratch store and reports the audit chain and row counts plainly', () => {
    const r = sanctum(['backup', 'verify', '--in', backupFile()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Backup made \d{1,2} \w+ \d{4} at \d{2}:\d{2} .+: 1 client\(s\), 1 note\(s\)\./);
    expect(r.stdout).toMatch(/Audit history intact: \d+ entries\./);
    expect(r.stdout).toMatch(/Every table restored whole \(\d+ tables, \d+ rows\)/);
    expect(r.stdout).toMatch(/This backup can be restored\./);
    for (const secret of ['Wilhelmina', 'Ashdown', 'sleep']) expect(r.stdout + r.stderr).not.toContain(secret);
    const json = sanctum(['backup', 'verify', '--in', backupFile(), '--json']).json() as { ok: boolean; audit: { ok: boolean; entries: number }; mismatched: string[]; tables: { table: string; inBackup: number; restored: number }[] };
    expect(json).toMatchObject({ ok: true, audit: { ok: true }, mismatched: [] });
    expect(json.tables.find((t) => t.table === 'notes')).toEqual({ table: 'notes', inBackup: 1, restored: 1 });
  });

  it('refuses the wrong passphrase, and names a missing --in', () => {
    const r = sanctum(['backup', 'verify', '--in', backupFile()], { env: { SANCTUM_PASSPHRASE: 'not the passphrase at all' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/passphrase or key file is not right/);
    expect(sanctum(['backup', 'verify']).stderr).toMatch(/backup verify: missing --in/);
  });

  it('turns scheduled backups on into a folder, shows them, and turns them off', () => {
    const folder = join(s.dir, 'drive');
    mkdirSync(folder);
    const missing = run(['backup', 'schedule', '--dir', join(s.dir, 'not-plugged-in')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^backup: field "dir": That backup folder does not exist/);
    const on = run(['backup', 'schedule', '--dir', folder]);
    expect(on.code, on.stderr).toBe(0);
    expect(on.stdout).toMatch(/Scheduled backups are on: every day, into .*drive, keeping 7 daily, 4 weekly and 12 monthly copies/);
    expect(run(['backup', 'schedule', '--json']).json()).toMatchObject({ enabled: true, dir: folder, stopped: false });
    expect(run(['backup', 'schedule', '--off']).stdout).toMatch(/Scheduled backups are off/);
    expect(run(['backup', 'schedule', '--off', '--dir', folder]).code).toBe(2);
    // The command only sets the schedule: the server writes the backups.
    expect(readdirSync(folder)).toEqual([]);
  });
});
