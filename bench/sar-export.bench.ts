/**
 * Subject access for a client seen weekly for ten years: 520 sessions and notes (a year of couple
 * work with a partner among them), 50 letters. Times the redaction proposals and the whole export
 * (assemble → redact → PDF → JSON → FHIR → zip → Argon2id + AES-256-GCM seal), on the embedded
 * store and, when TEST_PG_URL is set, on PostgreSQL.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { buildContext } from '../src/main.js';
import type { Principal } from '../src/core/access.js';
import { initPractice } from '../src/features/practice/practice.service.js';
import { runExport } from '../src/features/sar/export.service.js';
import { decideRedactions, proposeForRequest, readRedactions } from '../src/features/sar/redaction.service.js';
import { caseForClient } from '../src/features/clients/clients.repository.js';
import { testStore } from '../test/support/context.js';
import { seedTenYears } from '../test/sar/ten-years.js';
import type { AppContext } from '../src/context.js';
import { fmt, int } from './support.js';

interface Row { store: string; propose: number; proposals: number; exportMs: number; exportCpuMs: number; bytes: number; notes: number; withheld: number; stages: string }

async function measure(label: string, ctx: AppContext, progress: (m: string) => void): Promise<Row> {
  const practice = await initPractice(ctx, { passphrase: 'benchmark passphrase, not a secret' }, { name: 'Bench', jurisdiction: 'GB-ENG' });
  const op: Principal = { userId: 'cli', practiceId: practice.id, roles: ['operator'] };
  const { clientId, requestId } = await seedTenYears(ctx, op, (m) => progress(`${label}: ${m}`));
  let t = performance.now();
  const p = await proposeForRequest(ctx, op, requestId);
  const propose = performance.now() - t;
  const c = await caseForClient(ctx.db.kysely, clientId);
  const all = await readRedactions(ctx, c as NonNullable<typeof c>, requestId);
  const accept = all.filter((r) => r.kind.startsWith('third_party')).map((r) => r.id);
  if (accept.length) await decideRedactions(ctx, op, requestId, accept, { decision: 'accept' });
  const stages: string[] = [];
  let last = performance.now();
  t = performance.now();
  const cpu = process.cpuUsage();
  const out = await runExport(ctx, op, requestId, 'a passphrase for the benchmark', (stage) => {
    const now = performance.now();
    if (stages[stages.length - 1]?.startsWith(stage)) return;
    stages.push(`${stage} @${int(now - t)}`);
    last = now;
  }, randomUUID());
  void last;
  const exportMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const exportCpuMs = (used.user + used.system) / 1000;
  progress(`${label}: export ${int(exportMs)} ms`);
  return { store: label, propose, proposals: p.proposed, exportMs, exportCpuMs, bytes: out.file.length, notes: out.counts.notes, withheld: out.withheld, stages: stages.join(' → ') };
}

export async function run(progress: (msg: string) => void): Promise<string> {
  const rows: Row[] = [];
  const stores = [['SQLite (embedded)', undefined], ...(process.env.TEST_PG_URL ? [['PostgreSQL 15', process.env.TEST_PG_URL]] : [])] as const;
  for (const [label, pgUrl] of stores) {
    const prev = process.env.TEST_PG_URL;
    if (!pgUrl) delete process.env.TEST_PG_URL;
    const store = await testStore();
    if (prev) process.env.TEST_PG_URL = prev;
    const ctx = await buildContext({ db: store.db });
    try {
      rows.push(await measure(label, ctx, progress));
    } finally {
      await ctx.audit.flush();
      await store.cleanup();
    }
  }
  return [
    '## Subject access export (ten years of weekly sessions)',
    '',
    'One client seen weekly for ten years: 520 sessions with signed notes (20 of them process notes, included under UK GDPR), 50 weeks of couple work with a partner who is also a client, and 50 letters. Times are wall-clock for one run after seeding: proposing redactions (de-identification engine plus the partner’s known name over every note, addendum and letter), then the whole export with all third-party proposals accepted — assemble and decrypt, apply redactions, render the PDF, write the JSON and FHIR R4 Bundle, zip, and seal with Argon2id (64 MiB, 3 passes) and AES-256-GCM. Target: under 5 s.',
    '',
    '| Store | Proposals | Propose (ms) | Export, wall (ms) | Export, CPU (ms) | Sealed size | Notes | Notes or letters with text withheld |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.store} | ${int(r.proposals)} | ${int(r.propose)} | ${int(r.exportMs)} | ${int(r.exportCpuMs)} | ${fmt(r.bytes / 1_048_576)} MiB | ${r.notes} | ${r.withheld} |`),
    '',
    ...rows.map((r) => `Stages (${r.store}, ms from start): ${r.stages}`),
    '',
    `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}; load average ${os.loadavg()[0].toFixed(1)} when the run ended (wall-clock suffers when the machine is shared; CPU time is the process’s own user + system time, and on PostgreSQL excludes the server’s).`,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run((m) => process.stderr.write(m + '\n')).then((md) => process.stdout.write(md));
}
