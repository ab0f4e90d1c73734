import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliStore, cliStore, sanctum } from '../../../test/support/cli.js';
import { connect } from '../../db/connection.js';

/** Files handed to the command line are sized and checked before any work is done with them. */
describe('files from outside, on the command line', () => {
  let s: CliStore;
  const run = (args: string[], env: Record<string, string> = {}) => sanctum([...args, ...s.data], { env: { ...s.env, ...env } });
  const at = (name: string) => join(s.dir, name);
  /** A file of the given size that takes no disk space (sparse). */
  const huge = (name: string, bytes: number) => {
    writeFileSync(at(name), '');
    truncateSync(at(name), bytes);
    return at(name);
  };

  beforeAll(async () => {
    s = await cliStore();
    expect(run(['init']).code).toBe(0);
    expect(run(['backup', '--out', at('backup.json')]).code).toBe(0);
    expect(run(['keys', 'export', '--out', at('keys.json')]).code).toBe(0);
  });
  afterAll(async () => s?.cleanup());

  it('refuses oversized files by their size, naming the limit', () => {
    const r = run(['restore', '--in', huge('big-backup.json', 600 * 1024 * 1024)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/restore: field "in": .* is 600 MiB, larger than any backup Sanctum writes \(512 MiB\)/);
    const k = run(['keys', 'import', '--in', huge('big-keys.json', 65 * 1024 * 1024)]);
    expect(k.stderr).toMatch(/larger than any key-store file Sanctum writes \(64 MiB\)/);
    const e = sanctum(['sar', 'decrypt', '--in', huge('big-export.sealed', 513 * 1024 * 1024), '--out', at('x.zip'), '--passphrase-env', 'P'], { env: { P: 'some passphrase' } });
    expect(e.stderr).toMatch(/larger than any sealed export Sanctum writes \(512 MiB\)/);
    for (const x of [r, k, e]) expect(x.stderr).not.toMatch(/unexpected failure/);
  });

  it('refuses a backup or key-store file that asks for more key-derivation work than Sanctum writes', () => {
    for (const [file, command] of [['backup.json', ['restore']], ['keys.json', ['keys', 'import']]] as const) {
      const f = JSON.parse(readFileSync(at(file), 'utf8')) as { sealedMaster: { kdf: Record<string, number> } };
      f.sealedMaster.kdf.iterations = 1_000_000;
      writeFileSync(at(`greedy-${file}`), JSON.stringify(f));
      const r = run([...command, '--in', at(`greedy-${file}`)]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/key-derivation settings Sanctum never uses/);
    }
  });

  it('says a damaged backup is damaged', () => {
    const text = readFileSync(at('backup.json'), 'utf8');
    writeFileSync(at('cut.json'), text.slice(0, Math.floor(text.length / 2)));
    const r = run(['restore', '--in', at('cut.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/That backup is damaged or incomplete/);
    const f = JSON.parse(text) as { payload: string };
    f.payload = f.payload.slice(0, 60) + (f.payload[60] === 'A' ? 'B' : 'A') + f.payload.slice(61);
    writeFileSync(at('flipped.json'), JSON.stringify(f));
    const flipped = run(['restore', '--in', at('flipped.json')]);
    expect(flipped.stderr).toMatch(/damaged or incomplete \(its contents do not match their seal/);
    expect(flipped.stderr).not.toMatch(/unexpected failure/);
  });

  // Last: it damages the store.
  it('says so when the store has lost its audit-chain head, instead of "unexpected failure"', async () => {
    const db = connect({ dataDir: s.store.dataDir, databaseUrl: s.store.databaseUrl });
    try {
      await db.kysely.deleteFrom('audit_head').execute();
    } finally {
      await db.close();
    }
    for (const args of [['backup', '--out', at('after.json')], ['audit', 'verify']]) {
      const r = run(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/The audit log has lost its head record \(the audit_head row\)/);
      expect(r.stderr).not.toMatch(/unexpected failure/);
    }
  });
});
