import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Principal } from '../../src/core/access.js';
import { packageRoot } from '../../src/core/paths.js';
import { TEST_KDF } from '../../src/crypto/kdf.js';
import { type Db, connect } from '../../src/db/connection.js';
import { writeTx } from '../../src/db/tx.js';
import { createUser } from '../../src/features/auth/auth.service.js';
import { getPractice } from '../../src/features/practice/practice.service.js';
import { unsealVault } from '../../src/features/vault/vault.service.js';
import type { AppContext } from '../../src/context.js';
import { buildContext } from '../../src/main.js';
import { PASSWORD, type TestStore, testStore } from './context.js';

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

/** The vault passphrase every command is given (SANCTUM_PASSPHRASE). */
export const CLI_PASSPHRASE = 'cli test passphrase long enough';

/** Run the real `sanctum` binary, as a user would, against a test store. */
export function sanctum(args: string[], opts: { env?: Record<string, string | undefined>; input?: string } = {}): CliResult {
  const res = spawnSync(process.execPath, [join(packageRoot(), 'bin', 'sanctum.js'), ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, SANCTUM_PASSPHRASE: CLI_PASSPHRASE, ...(fromSource ? { SANCTUM_FROM_SOURCE: '1' } : {}), ...opts.env },
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

/**
 * A store for command-line tests (SQLite folder, or a fresh PostgreSQL database) and a scratch
 * folder. `env` adds to what every command is given.
 */
export async function cliStore(env: Record<string, string> = {}): Promise<CliStore> {
  const store = await testStore();
  await store.db.close();
  const dir = mkdtempSync(join(tmpdir(), 'sanctum-cli-'));
  return {
    store,
    dir,
    env: { DATABASE_URL: store.databaseUrl ?? '', ...env },
    data: ['--data', store.dataDir ?? join(dir, 'unused')],
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true });
      await store.cleanup();
    },
  };
}

export interface CliFixture extends CliStore {
  /** `sanctum …` with this store's environment. */
  run(args: string[], input?: string): CliResult;
  /** The client added by `client: true`. */
  clientId: string;
}

/**
 * A command-line store for one describe block: made before its tests (with `init`, the practice
 * set up by `sanctum init`; with `client`, a client added by `sanctum client add`) and removed
 * after them. Its properties are filled in before the first test runs.
 */
export function useCliStore(opts: { env?: Record<string, string>; init?: boolean; client?: boolean } = {}): CliFixture {
  const f = {} as CliFixture;
  beforeAll(async () => {
    Object.assign(f, await cliStore(opts.env));
    f.run = (args, input) => sanctum(args, { env: f.env, input });
    if (opts.init || opts.client) {
      const init = f.run(['init', ...f.data]);
      expect(init.code, init.stderr).toBe(0);
    }
    if (opts.client) {
      const added = f.run(['client', 'add', ...f.data, '--name', 'Casey Brook', '--dob', '1985-02-02', '--json']);
      expect(added.code, added.stderr).toBe(0);
      f.clientId = (added.json() as { id: string }).id;
    }
  });
  afterAll(async () => f.cleanup?.());
  return f;
}

/** The command-line store's database, opened in this process (for checks the command line cannot make). */
export async function withCliDb<T>(cli: CliStore, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = connect({ dataDir: cli.store.dataDir, databaseUrl: cli.store.databaseUrl });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * The store after `sanctum init`, opened with its vault unsealed, to seed what the command line
 * does not make (staff are added in the web app) through the services. Sealed and closed after.
 */
export async function withCliVault<T>(cli: CliStore, fn: (ctx: AppContext, practiceId: string) => Promise<T>): Promise<T> {
  return withCliDb(cli, async (db) => {
    const ctx = await buildContext({ db, config: { passwordKdf: TEST_KDF } });
    try {
      await unsealVault(ctx, { passphrase: CLI_PASSPHRASE }, { id: 'cli' });
      const practice = await getPractice(ctx);
      if (!practice) throw new Error('no practice: run `sanctum init` first');
      return await fn(ctx, practice.id);
    } finally {
      await ctx.audit.flush();
      ctx.vault.seal();
    }
  });
}

/** A staff member written straight into the store, with the usual test password. */
export async function cliStaff(ctx: AppContext, practiceId: string, email: string, roles: Principal['roles'], displayName = `Named ${email}`): Promise<Principal> {
  const userId = await writeTx(ctx.db, async (trx) => (await createUser(ctx, trx, { practiceId, email, displayName, roles, password: PASSWORD })).userId);
  return { userId, practiceId, roles };
}
