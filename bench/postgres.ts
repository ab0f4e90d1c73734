import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { packageRoot } from '../src/core/paths.js';

/**
 * A PostgreSQL server for a benchmark: BENCH_PG_URL's when given, otherwise a private
 * PostgreSQL 15 in its own folder and port, started here and stopped by `stop()` (only that one).
 */
export function privatePostgres(dir: string, port: number, progress: (m: string) => void): { url: string; stop: () => void } {
  if (process.env.BENCH_PG_URL) return { url: process.env.BENCH_PG_URL, stop: () => {} };
  const script = (s: string, ...args: string[]) => spawnSync('bash', [join(packageRoot(), 'scripts', s), ...args], { encoding: 'utf8' });
  progress(`starting a private PostgreSQL on port ${port}`);
  const started = script('pg-start.sh', dir, String(port));
  if (started.status !== 0) throw new Error(`could not start PostgreSQL: ${started.stderr}`);
  return { url: started.stdout.trim(), stop: () => void script('pg-stop.sh', dir) };
}

/** A fresh database of its own in that server for the length of `fn`, dropped afterwards. */
export async function withDatabase<T>(base: string, name: string, fn: (url: string) => Promise<T>): Promise<T> {
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
}

/** An app-server process for a benchmark (`bench/<file>`, run with tsx), resolved once it says it is ready. */
export function startBenchWorker(file: string, setup: unknown): Promise<ChildProcess> {
  const child = fork(join(packageRoot(), 'bench', file), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_WORKER: JSON.stringify(setup) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: object) => ('ready' in m ? resolve(child) : reject(new Error(JSON.stringify(m)))));
    child.once('exit', (code) => reject(new Error(`app server stopped (${code})`)));
  });
}
