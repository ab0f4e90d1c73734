import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanctum, useCliStore } from '../support/cli.js';

/** Contract section 5, as written, against the real binary — on SQLite, or PostgreSQL via DATABASE_URL. */
describe('the vault from the command line', () => {
  const cli = useCliStore();

  let clientId = '';

  it('init creates a vault once and refuses a second time', () => {
    const first = cli.run(['init', ...cli.data, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json()).toMatchObject({ jurisdiction: 'GB-ENG' });
    const again = cli.run(['init', ...cli.data]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('client add returns an id and case code', () => {
    const res = cli.run(['client', 'add', ...cli.data, '--name', 'Ngozi Adébáyọ̀-Łukasz', '--dob', '1990-07-14', '--email', 'n@example.org', '--phone', '+44 7700 900123', '--json']);
    expect(res.code, res.stderr).toBe(0);
    const out = res.json() as { id: string; caseCode: string };
    expect(out.caseCode).toMatch(/^C-/);
    clientId = out.id;
  });

  it('note add takes --text or --file - and note list returns them', () => {
    expect(cli.run(['note', 'add', ...cli.data, '--client', clientId, '--text', 'First session: goals agreed.', '--json']).code).toBe(0);
    const fromStdin = cli.run(['note', 'add', ...cli.data, '--client', clientId, '--kind', 'process', '--file', '-', '--json'], 'Process note from stdin');
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(fromStdin.json()).toHaveProperty('id');
    const list = cli.run(['note', 'list', ...cli.data, '--client', clientId, '--json']);
    expect(list.code).toBe(0);
    const notes = list.json() as { id: string; kind: string; text: string; createdAt: string }[];
    expect(notes.map((n) => n.text).sort()).toEqual(['First session: goals agreed.', 'Process note from stdin']);
    expect(notes.find((n) => n.kind === 'process')).toBeTruthy();
    expect(notes[0]).toEqual(expect.objectContaining({ id: expect.any(String), createdAt: expect.any(String) }));
  });

  it('refuses bad input with exit 2 and one line naming the problem', () => {
    const noName = cli.run(['client', 'add', ...cli.data, '--json']);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toMatch(/--name/);
    const badKind = cli.run(['note', 'add', ...cli.data, '--client', clientId, '--kind', 'diary', '--text', 'x']);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toMatch(/field "kind"/);
    const badDob = cli.run(['client', 'add', ...cli.data, '--name', 'X', '--dob', '2001-02-30']);
    expect(badDob.code).toBe(2);
    expect(badDob.stderr).toMatch(/field "dob"/);
    for (const r of [noName, badKind, badDob]) {
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
    }
    const wrongPass = sanctum(['note', 'list', ...cli.data, '--client', clientId], { env: { ...cli.env, SANCTUM_PASSPHRASE: 'definitely the wrong one' } });
    expect(wrongPass.code).toBe(2);
    expect(wrongPass.stderr).toMatch(/passphrase/);
  });

  it('audit verify passes on an intact chain', () => {
    const res = cli.run(['audit', 'verify', ...cli.data, '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.json()).toMatchObject({ ok: true });
  });

  it('backup and restore round-trip exactly', () => {
    const file = join(cli.dir, 'backup.sanctum');
    expect(cli.run(['backup', ...cli.data, '--out', file]).code).toBe(0);
    cli.run(['note', 'add', ...cli.data, '--client', clientId, '--text', 'after the backup']);
    const restored = cli.run(['restore', ...cli.data, '--in', file, '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    const notes = cli.run(['note', 'list', ...cli.data, '--client', clientId, '--json']).json() as { text: string }[];
    expect(notes.map((n) => n.text).sort()).toEqual(['First session: goals agreed.', 'Process note from stdin']);
    writeFileSync(join(cli.dir, 'junk'), 'not a backup');
    const junk = cli.run(['restore', ...cli.data, '--in', join(cli.dir, 'junk')]);
    expect(junk.code).toBe(2);
  });

  it('keys rotate re-wraps client keys and records stay readable', () => {
    const rot = cli.run(['keys', 'rotate', ...cli.data, '--json']);
    expect(rot.code, rot.stderr).toBe(0);
    expect((rot.json() as { rewrapped: number }).rewrapped).toBe(2);
    expect(cli.run(['note', 'list', ...cli.data, '--client', clientId, '--json']).code).toBe(0);
  });

  it('client erase destroys the keys; reads then fail with a clear "erased" error', () => {
    const erase = cli.run(['client', 'erase', ...cli.data, '--client', clientId, '--json']);
    expect(erase.code, erase.stderr).toBe(0);
    expect(erase.json()).toMatchObject({ erased: true });
    const read = cli.run(['note', 'list', ...cli.data, '--client', clientId, '--json']);
    expect(read.code).toBe(1);
    expect(read.stderr).toMatch(/destroyed|erased/);
    expect(read.stdout).toBe('');
    expect(cli.run(['audit', 'verify', ...cli.data]).code).toBe(0);
  });
});
