import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

export interface RunningServer {
  url: string;
  dataDir: string;
  databaseUrl?: string;
  /** Stop the process (the data stays, so a restart finds the same, now sealed, vault). */
  stop: () => Promise<void>;
  /** Stop and delete everything it stored. */
  destroy: () => Promise<void>;
}

export interface ServerOptions {
  /** Reuse a data folder and database from an earlier start (to test a restart). */
  reuse?: { dataDir: string; databaseUrl?: string };
}

/**
 * Start `sanctum serve` on a free loopback port with a fresh data folder. With TEST_PG_URL set,
 * each call gets a fresh PostgreSQL database created from that base URL (and dropped after).
 */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = opts.reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'sanctum-e2e-'));
  const databaseUrl = opts.reuse ? opts.reuse.databaseUrl : await freshDatabase();
  const env: NodeJS.ProcessEnv = { ...process.env, SANCTUM_LOG: '0' };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (inject('serverFromSource')) env.SANCTUM_FROM_SOURCE = '1';
  const child = spawn(process.execPath, ['bin/sanctum.js', 'serve', '--data', dataDir, '--port', '0', '--host', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await waitForUrl(child);
  const stop = () => stopProcess(child);
  return {
    url,
    dataDir,
    databaseUrl,
    stop,
    destroy: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (databaseUrl) await dropDatabase(databaseUrl);
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`server did not start in time: ${err.slice(0, 500)}`)), 60_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(e);
    };
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /open (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    child.once('exit', (code) => fail(new Error(`server exited (${code}) before starting: ${err.slice(0, 500)}`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A new, empty PostgreSQL database from TEST_PG_URL (undefined on SQLite); dropped by destroy(). */
export async function freshDatabase(): Promise<string | undefined> {
  const base = process.env.TEST_PG_URL;
  if (!base) return undefined;
  const name = `sanctum_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const base = process.env.TEST_PG_URL;
  if (!base) return;
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^sanctum_e2e_[0-9a-f]+$/.test(name)) return;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
