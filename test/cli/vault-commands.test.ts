import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliStore, cliStore, sanctum } from '../support/cli.js';
import type { TestStore } from '../support/context.js';

/** Contract section 5, as written, against the real binary — on SQLite, or PostgreSQL via DATABASE_URL. */
describe('the vault from the command line', () => {
  let cli: CliStore;
  let store: TestStore;
  let dir: string;
  let env: Record<string, string | undefined>;
  let data: string[];

  beforeAll(async () => {
    cli = await cliStore();
    ({ store, dir, data } = cli);
    env = store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : { DATABASE_URL: '' };
  });
  afterAll(async () => {
    await cli.cleanup();
  });

  let clientId = '';

  it('init creates a vault once and refuses a second time', () => {
    const first = sanctum(['init', ...data, '--json'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.json()).toMatchObject({ jurisdiction: 'GB-ENG' });
    const again = sanctum(['init', ...data], { env });
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('client add returns an id and case code', () => {
    const res = sanctum(['client', 'add', ...data, '--name', 'Ngozi Adébáyọ̀-Łukasz', '--dob', '1990-07-14', '--email', 'n@example.org', '--phone', '+44 7700 900123', '--json'], { env });
    expect(res.code, res.stderr).toBe(0);
    const out = res.json() as { id: string; caseCode: string };
    expect(out.caseCode).toMatch(/^C-/);
    clientId = out.id;
  });

  it('note add takes --text or --file - and note list returns them', () => {
    expect(sanctum(['note', 'add', ...data, '--client', clientId, '--text', 'First session: goals agreed.', '--json'], { env }).code).toBe(0);
    const fromStdin = sanctum(['note', 'add', ...data, '--client', clientId, '--kind', 'process', '--file', '-', '--json'], { env, input: 'Process note from stdin' });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(fromStdin.json()).toHaveProperty('id');
    const list = sanctum(['note', 'list', ...data, '--client', clientId, '--json'], { env });
    expect(list.code).toBe(0);
    const notes = list.json() as { id: string; kind: string; text: string; createdAt: string }[];
    expect(notes.map((n) => n.text).sort()).toEqual(['First session: goals agreed.', 'Process note from stdin']);
    expect(notes.find((n) => n.kind === 'process')).toBeTruthy();
    expect(notes[0]).toEqual(expect.objectContaining({ id: expect.any(String), createdAt: expect.any(String) }));
  });

  it('refuses bad input with exit 2 and one line naming the problem', () => {
    const noName = sanctum(['client', 'add', ...data, '--json'], { env });
    expect(noName.code).toBe(2);
    expect(noName.stderr).toMatch(/--name/);
    const badKind = sanctum(['note', 'add', ...data, '--client', clientId, '--kind', 'diary', '--text', 'x'], { env });
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toMatch(/field "kind"/);
    const badDob = sanctum(['client', 'add', ...data, '--name', 'X', '--dob', '2001-02-30'], { env });
    expect(badDob.code).toBe(2);
    expect(badDob.stderr).toMatch(/field "dob"/);
    for (const r of [noName, badKind, badDob]) {
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
    }
    const wrongPass = sanctum(['note', 'list', ...data, '--client', clientId], { env: { ...env, SANCTUM_PASSPHRASE: 'definitely the wrong one' } });
    expect(wrongPass.code).toBe(2);
    expect(wrongPass.stderr).toMatch(/passphrase/);
  });

  it('audit verify passes on an intact chain', () => {
    const res = sanctum(['audit', 'verify', ...data, '--json'], { env });
    expect(res.code, res.stderr).toBe(0);
    expect(res.json()).toMatchObject({ ok: true });
  });

  it('backup and restore round-trip exactly', () => {
    const file = join(dir, 'backup.sanctum');
    expect(sanctum(['backup', ...data, '--out', file], { env }).code).toBe(0);
    sanctum(['note', 'add', ...data, '--client', clientId, '--text', 'after the backup'], { env });
    const restored = sanctum(['restore', ...data, '--in', file, '--json'], { env });
    expect(restored.code, restored.stderr).toBe(0);
    const notes = sanctum(['note', 'list', ...data, '--client', clientId, '--json'], { env }).json() as { text: string }[];
    expect(notes.map((n) => n.text).sort()).toEqual(['First session: goals agreed.', 'Process note from stdin']);
    writeFileSync(join(dir, 'junk'), 'not a backup');
    const junk = sanctum(['restore', ...data, '--in', join(dir, 'junk')], { env });
    expect(junk.code).toBe(2);
  });

  it('keys rotate re-wraps client keys and records stay readable', () => {
    const rot = sanctum(['keys', 'rotate', ...data, '--json'], { env });
    expect(rot.code, rot.stderr).toBe(0);
    expect((rot.json() as { rewrapped: number }).rewrapped).toBe(2);
    expect(sanctum(['note', 'list', ...data, '--client', clientId, '--json'], { env }).code).toBe(0);
  });

  it('client erase destroys the keys; reads then fail with a clear "erased" error', () => {
    const erase = sanctum(['client', 'erase', ...data, '--client', clientId, '--json'], { env });
    expect(erase.code, erase.stderr).toBe(0);
    expect(erase.json()).toMatchObject({ erased: true });
    const read = sanctum(['note', 'list', ...data, '--client', clientId, '--json'], { env });
    expect(read.code).toBe(1);
    expect(read.stderr).toMatch(/destroyed|erased/);
    expect(read.stdout).toBe('');
    expect(sanctum(['audit', 'verify', ...data], { env }).code).toBe(0);
  });
});
