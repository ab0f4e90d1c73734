import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliStore, cliStore, sanctum } from '../support/cli.js';
import type { TestStore } from '../support/context.js';

describe('sanctum sar', () => {
  let cli: CliStore;
  let store: TestStore;
  let dir: string;
  let env: Record<string, string | undefined>;
  let data: string[];

  beforeAll(async () => {
    cli = await cliStore();
    ({ store, dir, data } = cli);
    env = { ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : { DATABASE_URL: '' }), EXPORT_PASS: 'a passphrase for the client' };
  });
  afterAll(async () => {
    await cli.cleanup();
  });

  it('opens a request from a pasted message, exports it sealed with progress, and decrypts it', { timeout: 240_000 }, () => {
    expect(sanctum(['init', ...data], { env }).code).toBe(0);
    const client = (sanctum(['client', 'add', ...data, '--name', 'Robin Hale', '--json'], { env }).json() as { id: string }).id;
    expect(sanctum(['note', 'add', ...data, '--client', client, '--text', 'Talked about the move north.', '--sign'], { env }).code).toBe(0);

    const opened = sanctum(['sar', 'open', ...data, '--client', client, '--received', '2026-01-31', '--message', '--json'], { env, input: 'Could you please send me a copy of all the information you hold about me?' });
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.json()).toMatchObject({ right: 'access', regime: 'uk-gdpr', due: '2026-03-02', extendedDue: '2026-04-30' });

    const listed = sanctum(['sar', 'list', ...data, '--open', '--json'], { env });
    expect((listed.json() as unknown[]).length).toBe(1);

    const out = join(dir, 'records.sealed');
    const exp = sanctum(['sar', 'export', ...data, '--client', client, '--out', out, '--passphrase-env', 'EXPORT_PASS', '--json'], { env });
    expect(exp.code, exp.stderr).toBe(0);
    expect(exp.stderr).toMatch(/sar export: rendering PDF|sar export: assembling/);
    expect(exp.json()).toMatchObject({ notes: 1, requestId: (opened.json() as { id: string }).id });
    expect(readFileSync(out).subarray(0, 40).toString()).toContain('sanctum-sealed');

    const wrong = sanctum(['sar', 'decrypt', '--in', out, '--extract', join(dir, 'x'), '--passphrase-env', 'NOPE'], { env: { ...env, NOPE: 'not the right one' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);

    const extracted = join(dir, 'records');
    const dec = sanctum(['sar', 'decrypt', '--in', out, '--extract', extracted, '--passphrase-env', 'EXPORT_PASS', '--json'], { env });
    expect(dec.code, dec.stderr).toBe(0);
    for (const f of ['records.pdf', 'records.json', 'records.fhir.json', 'README.txt']) expect(existsSync(join(extracted, f))).toBe(true);
    expect(JSON.parse(readFileSync(join(extracted, 'records.json'), 'utf8'))).toMatchObject({ client: { identity: { name: 'Robin Hale' } } });
  });

  it('names the missing field in one line', () => {
    const r = sanctum(['sar', 'export', ...data, '--client', 'x', '--passphrase-env', 'EXPORT_PASS'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('sar export: missing --out');
    const unset = sanctum(['sar', 'decrypt', '--in', 'f', '--out', 'g', '--passphrase-env', 'UNSET_VAR_X'], { env });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/passphrase-env/);
  });
});
