import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanctum as runCli } from '../support/cli.js';


const sanctum = async (args: string[], stdin = '') => runCli(args, { input: stdin });

describe('sanctum rights detect (contract section 2)', () => {
  it('reads stdin and a file, writing one JSON document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sanctum-rights-'));
    const file = join(dir, 'message.txt');
    writeFileSync(file, 'Hello,\nPlease delete all my data now that we have finished.\n');
    const [fromStdin, fromDash, fromFile] = await Promise.all([
      sanctum(['rights', 'detect', '--json'], 'Please send me everything you hold about me.'),
      sanctum(['rights', 'detect', '-', '--json'], 'can i see what u wrote abt me'),
      sanctum(['rights', 'detect', file, '--json']),
    ]);
    const a = JSON.parse(fromStdin.stdout);
    expect(a).toMatchObject({ right: 'access', cues: expect.arrayContaining(['everything you hold about me']) });
    expect(a.confidence).toBeGreaterThan(0.5);
    expect(JSON.parse(fromDash.stdout).right).toBe('access');
    expect(JSON.parse(fromFile.stdout).right).toBe('erasure');
    for (const r of [fromStdin, fromDash, fromFile]) expect(r.code).toBe(0);
  });

  it('exits 2 with one line on empty input or a missing file', async () => {
    const [empty, missing] = await Promise.all([
      sanctum(['rights', 'detect', '--json'], '  \n'),
      sanctum(['rights', 'detect', '/nonexistent/message.txt', '--json']),
    ]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('rights detect: input is empty\n');
    expect(empty.stdout).toBe('');
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});
