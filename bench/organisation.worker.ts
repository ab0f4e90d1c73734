/**
 * One app server for the organisation benchmark: its own process and connection pool (the
 * application's, as a server builds it) against the shared PostgreSQL database. Each timed
 * request does what a signed-in request does: load the person's relationships as the session
 * resolver does (`currentRelations`), then call the service. Not a benchmark on its own.
 */
import { type Principal, type Role, can } from '../src/core/access.js';
import { TEST_KDF } from '../src/crypto/kdf.js';
import { connect } from '../src/db/connection.js';
import { listCaseload } from '../src/features/clients/clients.service.js';
import { caseForClient, facts } from '../src/features/clients/clients.repository.js';
import { currentRelations } from '../src/features/organisation/relations.js';
import { openRecord } from '../src/features/records/records.service.js';
import { clientKey, unsealVault } from '../src/features/vault/vault.service.js';
import { buildContext } from '../src/main.js';
import { timeIt } from './support.js';

export interface WorkerSetup {
  databaseUrl: string;
  passphrase: string;
  practiceId: string;
  ben: { id: string; own: string[] };
  ann: { id: string; own: string[] };
  lead: { id: string; glass: string[] };
  stranger: string;
}
export type Scenario = 'relations_practitioner' | 'relations_lead' | 'caseload' | 'caseload_keys' | 'open_own' | 'open_covered' | 'open_glass';
export type ToWorker = { run: { scenario: Scenario; iterations: number; warmUp: number } } | { canCost: true } | { stop: true };
export type FromWorker =
  | { ready: true }
  | { done: { samples: number[]; cpuMs: number; checked: string } }
  | { can: { nsPerCall: number; calls: number } }
  | { error: string };

const send = (m: FromWorker) => process.send?.(m);
const setup = JSON.parse(process.env.BENCH_WORKER ?? '{}') as WorkerSetup;
const ctx = await buildContext({ db: connect({ databaseUrl: setup.databaseUrl }), config: { vaultKdf: TEST_KDF, passwordKdf: TEST_KDF } });
await unsealVault(ctx, { passphrase: setup.passphrase }, { id: 'cli' });

const BEN_ROLES: Role[] = ['practitioner'];
const LEAD_ROLES: Role[] = ['clinical_lead'];

/** A signed-in request's principal, its relationships loaded afresh as the session resolver does. */
async function principal(userId: string, roles: Role[]): Promise<Principal> {
  return { userId, practiceId: setup.practiceId, roles, relations: await currentRelations(ctx, userId, roles) };
}

const requests: Record<Scenario, (i: number) => Promise<unknown>> = {
  relations_practitioner: () => currentRelations(ctx, setup.ben.id, BEN_ROLES),
  relations_lead: () => currentRelations(ctx, setup.lead.id, LEAD_ROLES),
  caseload: async () => listCaseload(ctx, await principal(setup.ben.id, BEN_ROLES)),
  // The part of the caseload that grows with it: each client's identity key, one query each.
  caseload_keys: async () => {
    for (const id of [...setup.ben.own, ...setup.ann.own]) await clientKey(ctx, ctx.db.kysely, id, 'identity');
    return setup.ben.own.length + setup.ann.own.length;
  },
  open_own: async (i) => openRecord(ctx, await principal(setup.ben.id, BEN_ROLES), setup.ben.own[i % setup.ben.own.length]),
  open_covered: async (i) => openRecord(ctx, await principal(setup.ben.id, BEN_ROLES), setup.ann.own[i % setup.ann.own.length]),
  open_glass: async (i) => openRecord(ctx, await principal(setup.lead.id, LEAD_ROLES), setup.lead.glass[i % setup.lead.glass.length]),
};

/** The first answer of each kind is checked, so a figure is never for a refusal or a wrong basis. */
async function check(s: Scenario): Promise<string> {
  const r = await requests[s](0);
  if (s === 'caseload') {
    const list = r as { coverFor: string | null }[];
    const covered = list.filter((c) => c.coverFor === setup.ann.id).length;
    if (list.length !== setup.ben.own.length + setup.ann.own.length || covered !== setup.ann.own.length) throw new Error(`caseload has ${list.length} rows, ${covered} covered`);
    return `${list.length} clients, ${covered} under cover`;
  }
  if (s.startsWith('open_')) {
    const { client, notes } = r as Awaited<ReturnType<typeof openRecord>>;
    const want = { open_own: 'treating', open_covered: 'cover', open_glass: 'break_glass' }[s as 'open_own'];
    if (client.access.kind !== want || notes.length !== 20 || !notes[0].text.startsWith('Client arrived')) throw new Error(`${s}: ${client.access.kind}, ${notes.length} notes`);
    // And someone they do not reach reads as not found.
    const refused = await openRecord(ctx, await principal(setup.ben.id, BEN_ROLES), setup.stranger).then(() => false, () => true);
    if (!refused) throw new Error('a stranger’s record opened');
    return `${want}, ${notes.length} notes decrypted`;
  }
  if (s === 'caseload_keys') return `${r as number} lookups`;
  const rel = r as Awaited<ReturnType<typeof currentRelations>>;
  return `covering ${rel.covering.length}, supervising ${rel.supervising.length}, emergency ${rel.breakGlass.length}`;
}

async function runScenario(scenario: Scenario, iterations: number, warmUp: number) {
  const checked = await check(scenario);
  for (let i = 0; i < warmUp; i++) await requests[scenario](i);
  const cpu = process.cpuUsage();
  const { samples } = await timeIt(iterations, (i) => requests[scenario](i + warmUp));
  const used = process.cpuUsage(cpu);
  await ctx.audit.flush();
  return { samples, cpuMs: (used.user + used.system) / 1000, checked };
}

/** The policy alone: `can()` with relations as loaded, over own, covered, emergency and unrelated cases. */
async function canCost() {
  const ben = await principal(setup.ben.id, BEN_ROLES);
  const lead = await principal(setup.lead.id, LEAD_ROLES);
  const cases = await Promise.all([setup.ben.own[0], setup.ann.own[0], setup.lead.glass[0], setup.stranger].map((id) => caseForClient(ctx.db.kysely, id)));
  const all = cases.map((c) => facts(c!));
  let allowed = 0;
  const calls = 2_000_000;
  for (let i = 0; i < 100_000; i++) if (can(i % 2 ? ben : lead, 'case.read_clinical', all[i % 4])) allowed++;
  const t = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) if (can(i % 2 ? ben : lead, 'case.read_clinical', all[i % 4])) allowed++;
  const ns = Number(process.hrtime.bigint() - t) / calls;
  if (allowed === 0) throw new Error('nothing allowed');
  return { nsPerCall: ns, calls };
}

process.on('message', (m: ToWorker) => {
  if ('stop' in m) {
    void ctx.audit.flush().then(() => ctx.db.close()).then(() => process.exit(0));
    return;
  }
  if ('canCost' in m) {
    canCost().then((c) => send({ can: c }), (e: unknown) => send({ error: String(e) }));
    return;
  }
  runScenario(m.run.scenario, m.run.iterations, m.run.warmUp).then((done) => send({ done }), (e: unknown) => send({ error: String(e) }));
});
send({ ready: true });
