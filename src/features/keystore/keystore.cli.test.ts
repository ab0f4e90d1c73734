import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliStore, cliStore, sanctum } from '../../../test/support/cli.js';
import { connect } from '../../db/connection.js';

/** A stolen laptop, end to end with the real binary: the two files and the passphrase bring it back. */
describe('recovering on a new machine from the command line', () => {
  let old: CliStore;
  let fresh: CliStore;
  let empty: CliStore;
  const ids = { kept: '', gone: '' };
  const keysFile = () => join(old.dir, 'keys.json');
  const backupFile = () => join(old.dir, 'backup.json');
  const run = (s: CliStore, args: string[], env: Record<string, string> = {}) => sanctum([...args, ...s.data], { env: { ...s.env, ...env } });

  beforeAll(async () => {
    old = await cliStore();
    fresh = await cliStore();
    empty = await cliStore();
  });
  afterAll(async () => {
    for (const s of [old, fresh, empty]) await s?.cleanup();
  });

  /** Tables in the store: none means nothing at all was written to it. */
  async function tableCount(s: CliStore): Promise<number> {
    const db = connect({ dataDir: s.store.dataDir, databaseUrl: s.store.databaseUrl });
    try {
      const q = s.store.databaseUrl
        ? sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`
        : sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table'`;
      return Number((await q.execute(db.kysely)).rows[0].n);
    } finally {
      await db.close();
    }
  }

  it('exports the key store and a backup from the old machine', () => {
    expect(run(old, ['init']).code).toBe(0);
    ids.kept = (run(old, ['client', 'add', '--name', 'Imogen Threlkeld', '--json']).json() as { id: string }).id;
    expect(run(old, ['note', 'add', '--client', ids.kept, '--text', 'Talked about the move north.']).code).toBe(0);
    ids.gone = (run(old, ['client', 'add', '--name', 'Destroyed Before Export', '--json']).json() as { id: string }).id;
    expect(run(old, ['note', 'add', '--client', ids.gone, '--text', 'never again readable']).code).toBe(0);
    expect(run(old, ['client', 'erase', '--client', ids.gone]).code).toBe(0);

    const exp = run(old, ['keys', 'export', '--out', keysFile()]);
    expect(exp.code, exp.stderr).toBe(0);
    expect(exp.stdout).toMatch(/Keep it apart from your backups/);
    expect(exp.stdout).toMatch(/Replace every older key-store copy/);
    const json = run(old, ['keys', 'export', '--out', keysFile(), '--json']);
    expect(json.json()).toMatchObject({ out: keysFile(), clients: 2, destroyed: 1, createdAt: expect.any(String) });
    expect(run(old, ['backup', '--out', backupFile()]).code).toBe(0);
    const text = readFileSync(keysFile(), 'utf8');
    for (const canary of ['Imogen', 'Threlkeld', 'move north']) expect(text).not.toContain(canary);
  });

  it('refuses a wrong passphrase without writing anything', async () => {
    const res = run(fresh, ['keys', 'import', '--in', keysFile()], { SANCTUM_PASSPHRASE: 'definitely the wrong one' });
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/passphrase/);
    expect(await tableCount(fresh)).toBe(0);
  });

  it('refuses a tampered or truncated key-store file', async () => {
    const text = readFileSync(keysFile(), 'utf8');
    const doc = JSON.parse(text) as { tombstones: unknown[] };
    doc.tombstones = [];
    const tampered = join(fresh.dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(doc));
    const t = run(fresh, ['keys', 'import', '--in', tampered]);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/keys: field "in": That key-store file has been altered or damaged/);
    const truncated = join(fresh.dir, 'truncated.json');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length * 0.7)));
    const c = run(fresh, ['keys', 'import', '--in', truncated]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/damaged or incomplete/);
    expect(await tableCount(fresh)).toBe(0);
  });

  it('restore before the keys are installed says what to do first', () => {
    const res = run(empty, ['restore', '--in', backupFile()]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/sanctum keys import/);
  });

  it('imports the key store into the empty store, once', () => {
    const res = run(fresh, ['keys', 'import', '--in', keysFile(), '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.json()).toMatchObject({ clients: 2, destroyed: 1 });
    const again = run(fresh, ['keys', 'import', '--in', keysFile()]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds a vault/);
    const intoOld = run(old, ['keys', 'import', '--in', keysFile()]);
    expect(intoOld.code).toBe(1);
    expect(intoOld.stderr).toMatch(/already holds a vault/);
  });

  it('restores the backup: records read back, the destroyed client stays destroyed, the audit chain verifies', () => {
    const res = run(fresh, ['restore', '--in', backupFile()]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/Restored \d+ rows/);
    const notes = run(fresh, ['note', 'list', '--client', ids.kept, '--json']);
    expect(notes.code, notes.stderr).toBe(0);
    expect((notes.json() as { text: string }[]).map((n) => n.text)).toEqual(['Talked about the move north.']);
    expect((run(fresh, ['client', 'show', '--client', ids.kept, '--json']).json() as { identity: { name: string } }).identity.name).toBe('Imogen Threlkeld');
    const gone = run(fresh, ['note', 'list', '--client', ids.gone, '--json']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/destroyed/);
    const verify = run(fresh, ['audit', 'verify', '--json']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('documents the subcommands', () => {
    const help = sanctum(['keys', '--help']);
    expect(help.stdout).toMatch(/keys export .*--out FILE/);
    expect(help.stdout).toMatch(/keys import .*--in FILE/);
    const bad = sanctum(['keys', 'export']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--out/);
  });
});
