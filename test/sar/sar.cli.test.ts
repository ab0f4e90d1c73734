import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanctum, useCliStore } from '../support/cli.js';

describe('sanctum sar', () => {
  const cli = useCliStore({ env: { EXPORT_PASS: 'a passphrase for the client' } });

  it('opens a request from a pasted message, exports it sealed with progress, and decrypts it', { timeout: 240_000 }, () => {
    expect(cli.run(['init', ...cli.data]).code).toBe(0);
    const client = (cli.run(['client', 'add', ...cli.data, '--name', 'Robin Hale', '--json']).json() as { id: string }).id;
    expect(cli.run(['note', 'add', ...cli.data, '--client', client, '--text', 'Talked about the move north.', '--sign']).code).toBe(0);

    const opened = cli.run(['sar', 'open', ...cli.data, '--client', client, '--received', '2026-01-31', '--message', '--json'], 'Could you please send me a copy of all the information you hold about me?');
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.json()).toMatchObject({ right: 'access', regime: 'uk-gdpr', due: '2026-03-02', extendedDue: '2026-04-30' });

    const listed = cli.run(['sar', 'list', ...cli.data, '--open', '--json']);
    expect((listed.json() as unknown[]).length).toBe(1);

    const out = join(cli.dir, 'records.sealed');
    const exp = cli.run(['sar', 'export', ...cli.data, '--client', client, '--out', out, '--passphrase-env', 'EXPORT_PASS', '--json']);
    expect(exp.code, exp.stderr).toBe(0);
    expect(exp.stderr).toMatch(/sar export: rendering PDF|sar export: assembling/);
    expect(exp.json()).toMatchObject({ notes: 1, requestId: (opened.json() as { id: string }).id });
    expect(readFileSync(out).subarray(0, 40).toString()).toContain('sanctum-sealed');

    const wrong = sanctum(['sar', 'decrypt', '--in', out, '--extract', join(cli.dir, 'x'), '--passphrase-env', 'NOPE'], { env: { ...cli.env, NOPE: 'not the right one' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);

    const extracted = join(cli.dir, 'records');
    const dec = cli.run(['sar', 'decrypt', '--in', out, '--extract', extracted, '--passphrase-env', 'EXPORT_PASS', '--json']);
    expect(dec.code, dec.stderr).toBe(0);
    for (const f of ['records.pdf', 'records.json', 'records.fhir.json', 'README.txt']) expect(existsSync(join(extracted, f))).toBe(true);
    expect(JSON.parse(readFileSync(join(extracted, 'records.json'), 'utf8'))).toMatchObject({ client: { identity: { name: 'Robin Hale' } } });
  });

  it('names the missing field in one line', () => {
    const r = cli.run(['sar', 'export', ...cli.data, '--client', 'x', '--passphrase-env', 'EXPORT_PASS']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('sar export: missing --out');
    const unset = cli.run(['sar', 'decrypt', '--in', 'f', '--out', 'g', '--passphrase-env', 'UNSET_VAR_X']);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/passphrase-env/);
  });
});
