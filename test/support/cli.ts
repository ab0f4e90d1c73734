import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';
import { type TestStore, testStore } from './context.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: () => unknown;
}

const newest = (dir: string): number =>
  Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));

/** The built binary when it is current (as in `npm test`), else the sources — never a stale build. */
const fromSource = (() => {
  const built = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
  return !existsSync(built) || newest(join(packageRoot(), 'src')) > statSync(built).mtimeMs;
})();

/** Run the real `sanctum` binary, as a user would, against a test store. */
export function sanctum(args: string[], opts: { env?: Record<string, string | undefined>; input?: string } = {}): CliResult {
  const res = spawnSync(process.execPath, [join(packageRoot(), 'bin', 'sanctum.js'), ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, SANCTUM_PASSPHRASE: 'cli test passphrase long enough', ...(fromSource ? { SANCTUM_FROM_SOURCE: '1' } : {}), ...opts.env },
    timeout: 60_000,
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr, json: () => JSON.parse(res.stdout) };
}

export interface CliStore {
  store: TestStore;
  dir: string;
  /** DATABASE_URL for a PostgreSQL store, empty for SQLite. */
  env: Record<string, string | undefined>;
  /** The --data arguments every command takes. */
  data: string[];
  cleanup(): Promise<void>;
}

/** A store for command-line tests (SQLite folder, or a fresh PostgreSQL database) and a scratch folder. */
export async function cliStore(): Promise<CliStore> {
  const store = await testStore();
  await store.db.close();
  const dir = mkdtempSync(join(tmpdir(), 'sanctum-cli-'));
  return {
    store,
    dir,
    env: { DATABASE_URL: store.databaseUrl ?? '' },
    data: ['--data', store.dataDir ?? join(dir, 'unused')],
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true });
      await store.cleanup();
    },
  };
}
