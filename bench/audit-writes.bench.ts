import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { verifyAudit } from '../src/audit/audit.service.js';
import { TEST_KDF } from '../src/crypto/kdf.js';
import { connect } from '../src/db/connection.js';
import { createClient } from '../src/features/clients/clients.service.js';
import { initPractice } from '../src/features/practice/practice.service.js';
import { buildContext } from '../src/main.js';
import type { FromWorker, ToWorker, WorkerSetup } from './audit-writes.worker.js';
import { privatePostgres, startBenchWorker, withDatabase } from './postgres.js';
import { fmt, int } from './support.js';

/**
 * Audited note writes per second on PostgreSQL, with one and with two app servers. Each server is
 * a process of its own with the application's own pool (10 connections), writing notes through
 * the notes service (no HTTP in front, so the figures are the database and audit path's): every
 * write is one transaction holding a new encrypted note and its audit entry. The database is a
 * fresh one in BENCH_PG_URL's server, or in a private PostgreSQL 15 started (and stopped) here.
 */
const SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 8);
const PASSPHRASE = 'benchmark passphrase, not a secret';

interface Scenario {
  label: string;
  servers: number;
  inFlight: number; // in all, split evenly between the servers
}
const SCENARIOS: Scenario[] = [
  { label: 'one server', servers: 1, inFlight: 1 },
  { label: 'one server', servers: 1, inFlight: 32 },
  { label: 'two servers', servers: 2, inFlight: 2 },
  { label: 'two servers', servers: 2, inFlight: 32 },
];

/**
 * CPU time (ms) the database's server processes for this database have used so far, from
 * /proc. With other work on the machine, writes per second alone say little; the CPU each write
 * costs, app and database together, does not depend on what else is running.
 */
async function databaseCpuMs(ctx: Awaited<ReturnType<typeof buildContext>>): Promise<number> {
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(ctx.db.kysely);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      // Fields 14 and 15 (user and system time) follow the command name, which ends with ')'.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A connection that has just closed.
    }
  }
  return ticks * 10; // 100 ticks a second on Linux
}

function runOn(child: ChildProcess, inFlight: number, ms: number): Promise<{ writes: number; failures: number; ms: number; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    child.once('message', (m: FromWorker) => ('done' in m ? resolve(m.done) : reject(new Error(JSON.stringify(m)))));
    child.send({ run: { inFlight, ms } } satisfies ToWorker);
  });
}

export async function run(progress: (m: string) => void): Promise<string> {
  const server = privatePostgres('/tmp/sanctum-bench-pg', 55466, progress);
  try {
    return await withDatabase(server.url, `bench_writes_${process.pid}`, async (url) => {
      const ctx = await buildContext({ db: connect({ databaseUrl: url }), config: { vaultKdf: TEST_KDF, passwordKdf: TEST_KDF } });
      const rows: string[] = [];
      const servers: ChildProcess[] = [];
      try {
        const p = await initPractice(ctx, { passphrase: PASSPHRASE }, { name: 'Bench', jurisdiction: 'GB-ENG' });
        const op = { userId: 'cli', practiceId: p.id, roles: ['operator'] } as const;
        const clientIds: string[] = [];
        for (let i = 0; i < 64; i++) clientIds.push((await createClient(ctx, { ...op, roles: [...op.roles] }, { name: `Bench Client ${i}`, email: `c${i}@example.org`, dob: '1980-01-01' })).id);
        const setup: WorkerSetup = { databaseUrl: url, passphrase: PASSPHRASE, op: { ...op, roles: [...op.roles] }, clientIds };
        servers.push(await startBenchWorker('audit-writes.worker.ts', setup), await startBenchWorker('audit-writes.worker.ts', setup));
                for (const s of SCENARIOS) {
          const use = servers.slice(0, s.servers);
          // A short warm-up (connections opened, code compiled), then the measured run.
          await Promise.all(use.map((c) => runOn(c, s.inFlight / s.servers, 1000)));
          const dbBefore = await databaseCpuMs(ctx);
          const results = await Promise.all(use.map((c) => runOn(c, s.inFlight / s.servers, SECONDS * 1000)));
          const dbCpu = (await databaseCpuMs(ctx)) - dbBefore;
          const writes = results.reduce((n, r) => n + r.writes, 0);
          const failures = results.reduce((n, r) => n + r.failures, 0);
          const perSecond = writes / (Math.max(...results.map((r) => r.ms)) / 1000);
          const appCpu = results.reduce((n, r) => n + r.cpuMs, 0);
          const cpuPerWrite = (appCpu + dbCpu) / Math.max(1, writes);
          progress(`${s.label}, ${s.inFlight} in flight: ${int(perSecond)} writes/s, ${fmt(cpuPerWrite)} ms CPU a write${failures ? `, ${failures} failed` : ''} (load ${loadavg()[0].toFixed(1)})`);
          rows.push(`| ${s.label} | ${s.inFlight} | ${int(perSecond)} | ${fmt(appCpu / Math.max(1, writes))} | ${fmt(dbCpu / Math.max(1, writes))} | ${int(failures)} |`);
        }
        const chain = await verifyAudit(ctx.db);
        if (!chain.ok) throw new Error(`the chain did not verify after the runs: ${chain.reason}`);
        progress(`chain verified: ${int(chain.entries)} entries`);
        const notes = await ctx.db.kysely.selectFrom('notes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        const creates = await ctx.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'note.create').executeTakeFirstOrThrow();
        if (Number(notes.n) !== Number(creates.n)) throw new Error(`${notes.n} notes but ${creates.n} note.create entries`);
        return `## Audited writes on PostgreSQL

Notes written per second through the notes service, each write one transaction holding a new encrypted note and its audit entry, against PostgreSQL 15 on this machine (\`fsync\` and \`synchronous_commit\` on). An app server is a process of its own with the application's pool of 10 connections; "in flight" counts the writes waiting at once, split evenly between the servers. ${SECONDS} s per row after a 1 s warm-up; the load generators run inside the servers. CPU a write is the app servers' own CPU time (load generation included) and that of the database's server processes for this database, per write: it depends far less than writes per second on what else the machine is doing, though contention still inflates it (load average ${loadavg().map((l) => l.toFixed(1)).join(', ')} at the end of this run). Afterwards the whole chain (${int(chain.entries)} entries) verifies and every note has its \`note.create\` entry (${int(Number(notes.n))} of each). ADR 0008 explains the design and compares the figures with those from before it (the chain's head locked for the whole of every write transaction).

| servers | in flight | writes/s | app CPU ms a write | database CPU ms a write | failed |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}

Target: ≥ 600 writes/s at 32 in flight on two servers.`;
      } finally {
        for (const c of servers) c.send({ stop: true } satisfies ToWorker);
        await Promise.all(servers.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
        await ctx.audit.flush();
        await ctx.db.close();
      }
    });
  } finally {
    server.stop();
  }
}
