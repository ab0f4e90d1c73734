import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/commands/deid.js';
import type { CliIo } from '../../cli/io.js';
import { reportFailure } from '../../cli/io.js';

function io(stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    readStdin: async () => stdin,
    openStdin: () => Readable.from([stdin]),
    env: {},
    isTty: false,
  };
  return { value, out, err };
}

async function cli(args: string[], stdin: string) {
  const t = io(stdin);
  let code: number;
  try {
    code = await run(args, t.value);
  } catch (e) {
    code = reportFailure(t.value, 'deid', e);
  }
  return { code, stdout: t.out.join(''), stderr: t.err.join('') };
}

describe('sanctum deid', () => {
  it('--json prints text and entities without the original text', async () => {
    const r = await cli(['--json'], 'Spoke with Sarah Jones on 12 March 2024.');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.text).toBe('Spoke with [PERSON-1] on [DATE-1].');
    expect(doc.entities[0]).toEqual({ start: 11, end: 22, type: 'PERSON', replacement: '[PERSON-1]' });
    expect(r.stdout).not.toContain('Sarah');
  });
  it('prints the anonymised text without --json', async () => {
    expect((await cli([], 'Email sj@example.com')).stdout).toBe('Email [EMAIL-1]\n');
  });
  it('--jsonl streams one result per line, consistent across lines', async () => {
    const r = await cli(['--jsonl'], '{"id":"a","text":"Ruby rang."}\n{"id":"b","text":"Her son Kai and Ruby."}\n');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(lines[1].text).toBe('Her son [PERSON-2] and [PERSON-1].');
  });
  it('a malformed line exits 2 naming the line', async () => {
    const r = await cli(['--jsonl'], '{"id":"a","text":"ok"}\n{"id":"b"}\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^deid: line 2: field "text"/);
  });
  it('--known, --surrogates and --shift-dates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deid-'));
    const known = join(dir, 'known.json');
    writeFileSync(known, JSON.stringify([{ text: 'Will Harper', type: 'PERSON' }]));
    const tagged = await cli(['--known', known], 'harper and Will met on 12 March 2024.');
    expect(tagged.stdout).toBe('[PERSON-1] and [PERSON-1] met on [DATE-1].\n');
    const shifted = await cli(['--shift-dates', '3'], 'Seen 12 March 2024.');
    expect(shifted.stdout).toBe('Seen 15 March 2024.\n');
    const sur = await cli(['--surrogates', '--case-key', 'x'], 'Dr Okafor rang.');
    expect(sur.stdout).not.toContain('Okafor');
    expect((await cli(['--shift-dates', 'soon'], 'x')).code).toBe(2);
  });
});
