import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: () => unknown;
}

/** Run the real `sanctum` binary, as a user would, against a test store. */
export function sanctum(args: string[], opts: { env?: Record<string, string | undefined>; input?: string } = {}): CliResult {
  const res = spawnSync(process.execPath, [join(packageRoot(), 'bin', 'sanctum.js'), ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, SANCTUM_PASSPHRASE: 'cli test passphrase long enough', ...opts.env },
    timeout: 60_000,
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr, json: () => JSON.parse(res.stdout) };
}
