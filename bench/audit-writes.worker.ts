/**
 * One app server for the audited-writes benchmark: its own process, its own connection pool
 * (the application's, as a server builds it) against the shared PostgreSQL database, writing
 * notes through the notes service when the parent says go. Not a benchmark on its own.
 */
import type { Principal } from '../src/core/access.js';
import { TEST_KDF } from '../src/crypto/kdf.js';
import { connect } from '../src/db/connection.js';
import { addNote } from '../src/features/notes/notes.service.js';
import { unsealVault } from '../src/features/vault/vault.service.js';
import { buildContext } from '../src/main.js';

export interface WorkerSetup {
  databaseUrl: string;
  passphrase: string;
  op: Principal;
  clientIds: string[];
}
export type ToWorker = { run: { inFlight: number; ms: number } } | { stop: true };
export type FromWorker = { ready: true } | { done: { writes: number; failures: number; ms: number; cpuMs: number } } | { error: string };

const NOTE = 'Client arrived on time. We returned to the difficulties at work and the effect on sleep. No risk disclosed.';

const send = (m: FromWorker) => process.send?.(m);
const setup = JSON.parse(process.env.BENCH_WORKER ?? '{}') as WorkerSetup;
const ctx = await buildContext({ db: connect({ databaseUrl: setup.databaseUrl }), config: { vaultKdf: TEST_KDF, passwordKdf: TEST_KDF } });
await unsealVault(ctx, { passphrase: setup.passphrase }, { id: 'cli' });

/** `inFlight` writers, each writing one note after another until the time is up. */
async function drive(inFlight: number, ms: number) {
  let writes = 0;
  let failures = 0;
  let next = Math.floor(Math.random() * setup.clientIds.length);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const end = start + ms;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) {
        const client = setup.clientIds[next++ % setup.clientIds.length];
        try {
          await addNote(ctx, setup.op, client, { text: NOTE });
          writes++;
        } catch {
          failures++;
        }
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { writes, failures, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

process.on('message', (m: ToWorker) => {
  if ('stop' in m) {
    void ctx.audit.flush().then(() => ctx.db.close()).then(() => process.exit(0));
    return;
  }
  drive(m.run.inFlight, m.run.ms).then((done) => send({ done }), (e: unknown) => send({ error: String(e) }));
});
send({ ready: true });
