import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from '../args.js';
import { type CliIo, UsageError, printJson } from '../io.js';
import { listen } from '../listen.js';
import { buildContext } from '../../main.js';
import { packageRoot } from '../../core/paths.js';
import { startBackupScheduler } from '../../features/backup/backup-scheduler.js';
import { recoverExports } from '../../features/sar/export.jobs.js';
import { startWorkerPool, stopWorkerPool } from '../../workers/pool.js';
import type { AppContext } from '../../context.js';
import { compileRemainingSchemas, createApp } from '../../http/app.js';
import { getPractice, initPractice } from '../../features/practice/practice.service.js';
import { unsealVault } from '../../features/vault/vault.service.js';
import { createDemoPractice } from '../../features/demo/demo.service.js';
import { demoCode, signInInstructions } from '../../features/demo/demo-signin.js';
import { DEMO_PASSPHRASE } from '../../features/demo/demo-staff.js';
import { describeDatabaseUrl, dropDemoTables, markDemoStore, whatPostgresHolds } from '../../features/demo/demo-store.js';

/** Written into a demo folder so --fresh only ever deletes a folder the demo made. */
const MARKER = 'SANCTUM-DEMO.txt';

/**
 * sanctum demo [--data DIR] [--fresh] [--port N] [--host H] [--no-serve] [--code] [--json]: one
 * command to a running practice full of invented work. A new folder (./demo-data by default), or
 * the PostgreSQL database DATABASE_URL names, gets a vault with a published passphrase, three staff
 * with known passwords and one published second-factor secret, months of casework and every
 * feature in use; then the server starts, unlocked. Run again, it reopens the same demo; --fresh
 * starts over. It never uses or deletes a folder or database holding anything else.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values: v } = parse('demo', args, {
    data: { type: 'string' }, fresh: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' }, 'no-serve': { type: 'boolean' },
    code: { type: 'boolean' }, json: { type: 'boolean' }, jurisdiction: { type: 'string' }, clients: { type: 'string' },
  });
  if (v.code) {
    io.stdout(`${demoCode(new Date())}\n`);
    return 0;
  }
  const port = Number(v.port ?? io.env.PORT ?? 4480);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('demo: field "port": expected a port number');
  const clients = v.clients === undefined ? undefined : Number(v.clients);
  if (clients !== undefined && (!Number.isInteger(clients) || clients < 8 || clients > 12)) throw new UsageError('demo: field "clients": expected a whole number from 8 to 12');
  const host = v.host ?? io.env.HOST ?? '127.0.0.1';
  const url = io.env.DATABASE_URL || undefined;
  if (url && v.data) throw new UsageError('demo: field "data": DATABASE_URL is set, so the demo goes in that database and needs no folder; unset DATABASE_URL to keep the demo in a folder');
  const place = url ? await postgresPlace(url, v.fresh === true) : folderPlace(v.data, v.fresh === true);

  const ctx = await buildContext({ env: { ...io.env, DATABASE_URL: url }, dataDir: place.dir });
  try {
    if (place.reopen) {
      if (!v.json) io.stderr(`Reopening the demo practice in ${place.shown} (run with --fresh to start over).\n`);
      await unsealVault(ctx, { passphrase: DEMO_PASSPHRASE }, { id: 'cli' });
    } else {
      await seed(ctx, io, place, v.jurisdiction, clients, v.json === true);
    }
    if (v['no-serve']) {
      if (!v.json) io.stdout(`${signInInstructions(`the address "npx sanctum demo${v.data ? ` --data ${v.data}` : ''}" prints`, new Date())}\n`);
      return 0;
    }
    return await serve(ctx, io, port, host);
  } finally {
    ctx.vault.seal();
    await ctx.db.close();
  }
}

interface Place {
  /** The folder of an embedded store; none for PostgreSQL. */
  dir?: string;
  shown: string;
  reopen: boolean;
  /** After set-up: mark the folder as the demo's, so --fresh may delete it later. */
  made?: () => void;
}

function folderPlace(data: string | undefined, fresh: boolean): Place {
  const dir = resolve(data ?? './demo-data');
  const shown = data ?? './demo-data';
  const isDemo = existsSync(join(dir, MARKER));
  if (existsSync(dir) && readdirSync(dir).length > 0 && !isDemo) {
    throw new UsageError(`demo: field "data": ${shown} already holds something that is not a Sanctum demo, so it is left alone; choose an empty or new folder with --data`);
  }
  if (isDemo && fresh) rmSync(dir, { recursive: true, force: true });
  const made = () => writeFileSync(join(dir, MARKER), 'This folder holds a Sanctum demo practice: invented data under published secrets. "npx sanctum demo --fresh" deletes and remakes it.\n');
  return { dir, shown, reopen: isDemo && !fresh, made };
}

/** A PostgreSQL database is used only when it is empty or already the demo's; --fresh drops only the demo's tables. */
async function postgresPlace(url: string, fresh: boolean): Promise<Place> {
  const shown = `the PostgreSQL database ${describeDatabaseUrl(url)}`;
  const holds = await whatPostgresHolds(url);
  const elsewhere = 'point DATABASE_URL at an empty database (for example one made with CREATE DATABASE sanctum_demo), or unset it to keep the demo in ./demo-data';
  if (holds === 'other') throw new UsageError(`demo: DATABASE_URL: ${shown} already holds tables that are not Sanctum's, so it is left alone; ${elsewhere}`);
  if (holds === 'practice') throw new UsageError(`demo: DATABASE_URL: ${shown} already holds a Sanctum practice that is not the demo, so it is left alone; ${elsewhere}`);
  if (holds === 'demo' && fresh) await dropDemoTables(url);
  return { shown, reopen: holds === 'demo' && !fresh };
}

async function seed(ctx: AppContext, io: CliIo, place: Place, jurisdiction: string | undefined, clients: number | undefined, json: boolean): Promise<void> {
  if (await getPractice(ctx)) throw new UsageError(`demo: field "data": ${place.shown} already has a vault; run "npx sanctum demo --fresh" to replace the demo`);
  const practice = await initPractice(ctx, { passphrase: DEMO_PASSPHRASE }, { name: 'Harbourside Counselling (demo)', jurisdiction: jurisdiction ?? 'GB-ENG' });
  await markDemoStore(ctx);
  place.made?.();
  if (!json) io.stderr(`Creating the demo practice in ${place.shown}: staff, clients, months of sessions and notes, and the practice's other work…\n`);
  const made = await createDemoPractice(ctx, practice.id, { clients, backupDir: place.dir && join(place.dir, 'backups'), progress: (m) => { if (!json) io.stderr(`${m}\n`); } });
  if (json) printJson(io, { practiceId: practice.id, ...(place.dir ? { dataDir: place.dir } : {}), ...made });
  else io.stderr(`Ready: ${made.clients} clients, ${made.sessions} sessions, ${made.notes} notes (${made.drafts} drafts), ${made.agreements} signed agreements, ${made.requests} requests, ${made.subjectAccessRequests} subject access requests, ${made.breaches} breach, ${made.shared} shared.\n`);
}

/**
 * A fresh checkout has no built web app, and the demo is the first thing a newcomer runs: build it
 * as `npm start` would (once, and again when the sources are newer), reporting on stderr.
 */
function ensureBuilt(io: CliIo): void {
  const script = join(packageRoot(), 'scripts', 'ensure-built.mjs');
  if (!existsSync(script)) return;
  // Its progress goes straight to stderr, as it happens; stdout stays for the sign-in details.
  const res = spawnSync(process.execPath, [script], { cwd: packageRoot(), stdio: ['ignore', 2, 2], env: io.env });
  if (res.status !== 0) throw new Error('demo: the web app could not be built; run "npm run build" to see why');
}

async function serve(ctx: AppContext, io: CliIo, port: number, host: string): Promise<number> {
  ensureBuilt(io);
  // Heavy work runs on worker threads, as under `sanctum serve`.
  startWorkerPool();
  await recoverExports(ctx);
  const app = await createApp(ctx, { web: true, logger: io.env.SANCTUM_LOG === '1' });
  const address = await listen(app, port, host).catch(async (e: unknown) => {
    await app.close();
    await stopWorkerPool();
    throw e;
  });
  const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  io.stdout(`\nSanctum demo is running.\n${signInInstructions(url, new Date())}\nStop it with Ctrl+C; "npx sanctum demo" reopens it.\n`);
  compileRemainingSchemas(app).catch(() => {});
  // The demo's daily backups are written while it runs, as a served practice's are.
  const backups = startBackupScheduler(ctx);
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  await backups.stop();
  await app.close();
  await stopWorkerPool();
  await ctx.audit.flush();
  return 0;
}
