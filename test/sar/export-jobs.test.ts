import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access.js';
import { TEST_KDF, argon2Direct, deriveKey, hashPassword, newSalt, verifyPassword } from '../../src/crypto/kdf.js';
import { createApp } from '../../src/http/app.js';
import { createClient } from '../../src/features/clients/clients.service.js';
import { addNote } from '../../src/features/notes/notes.service.js';
import { EXPORTS_PER_PRACTICE, ExportJobs, LEASE_MS, STOPPED_MESSAGE, exportJobs, recoverExports } from '../../src/features/sar/export.jobs.js';
import * as repo from '../../src/features/sar/export.repository.js';
import { exportStatus, listExports, startExport } from '../../src/features/sar/export.service.js';
import { openRequest } from '../../src/features/sar/sar.service.js';
import { writeTx } from '../../src/db/tx.js';
import { poolStats, startWorkerPool, stopWorkerPool } from '../../src/workers/pool.js';
import { DEID_POOL_THRESHOLD, deidentifyMany, deidentifyManyInline } from '../../src/workers/deid.task.js';
import { PDF_POOL_THRESHOLD, renderPdf } from '../../src/pdf/render.js';
import { type TestContext, testContext, withPractice } from '../support/context.js';
import { unpack } from './sar-fixture.js';

const PASS = 'a passphrase for the client';
const LINE = 'Talked about the week: sleep a little better, work still heavy, the old habit of carrying other people’s moods. We slowed down and noticed the breath. ';

async function clientWithNotes(ctx: TestContext, op: Principal, notes: number): Promise<{ clientId: string; requestId: string }> {
  const client = await createClient(ctx, op, { name: 'Robin Hale', dob: '1984-02-03' });
  for (let i = 0; i < notes; i++) await addNote(ctx, op, client.id, { kind: 'progress', text: `Session ${i + 1}. ${LINE.repeat(8)}`, sign: true });
  const r = await openRequest(ctx, op, { clientId: client.id, right: 'access', receivedOn: '2026-01-05' });
  return { clientId: client.id, requestId: r.id };
}

async function untilSettled(ctx: TestContext, op: Principal, exportId: string): Promise<{ status: string; message: string | null }> {
  for (let i = 0; i < 2400; i++) {
    const s = await exportStatus(ctx, op, exportId);
    if (s.status === 'ready' || s.status === 'failed') return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the export neither finished nor failed');
}

/** A stored job as a server would have queued it, for driving the queue by hand. */
async function queuedRow(ctx: TestContext, jobs: ExportJobs, practiceId: string, requestId: string): Promise<string> {
  const id = `job-${Math.random().toString(36).slice(2, 10)}`;
  await writeTx(ctx.db, (trx) => repo.insertExport(trx, {
    id, request_id: requestId, case_code: 'C-TEST-0000', status: 'queued', stage: 'queued', done: 0, total: 1, file_enc: null, size_bytes: null, sha256: null, withheld: 0,
    created_by: 'cli', created_at: ctx.clock.now().toISOString(), finished_at: null, practice_id: practiceId, lease_until: jobs.leaseUntil(), owner: jobs.owner, message: null,
  }));
  return id;
}

const statusOf = async (ctx: TestContext, id: string) => (await repo.exportStatusById(ctx.db.kysely, id))?.status;
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('exports on worker threads', () => {
  let ctx: TestContext;
  beforeAll(() => startWorkerPool({ heavyThreads: 1, kdfThreads: 1 }));
  afterAll(() => stopWorkerPool());
  afterEach(async () => ctx?.cleanup());

  it('keeps /api/health answering while a large export renders, and the export completes', { timeout: 180_000 }, async () => {
    ctx = await testContext({ clock: '2026-01-10T10:00:00.000Z' });
    const { operator: op } = await withPractice(ctx);
    const { requestId } = await clientWithNotes(ctx, op, 300);
    const app = await createApp(ctx);
    const before = poolStats()?.heavy ?? 0;
    const { exportId } = await startExport(ctx, op, requestId, PASS);
    let answeredWhileBusy = 0;
    let last = await exportStatus(ctx, op, exportId);
    for (let i = 0; i < 20_000 && (last.status === 'queued' || last.status === 'running'); i++) {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      last = await exportStatus(ctx, op, exportId);
      // Answered, and the export was still unfinished after the answer: it did not wait for it.
      if (last.status === 'queued' || last.status === 'running') answeredWhileBusy++;
      // Give the event loop a turn, as real requests arriving over the network would.
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(last.status).toBe('ready');
    expect(answeredWhileBusy).toBeGreaterThan(0);
    expect(poolStats()?.heavy).toBe(before + 1);
    const f = await repo.exportFile(ctx.db.kysely, exportId);
    expect(f?.file_enc).toBeTruthy();
    await app.close();
  });

  it('produces a package that opens with the passphrase when rendered in a worker', { timeout: 120_000 }, async () => {
    ctx = await testContext({ clock: '2026-01-10T10:00:00.000Z' });
    const { operator: op } = await withPractice(ctx);
    const { requestId } = await clientWithNotes(ctx, op, 3);
    const app = await createApp(ctx);
    const { exportId } = await startExport(ctx, op, requestId, PASS);
    expect((await untilSettled(ctx, op, exportId)).status).toBe('ready');
    const { downloadExport } = await import('../../src/features/sar/export.service.js');
    const files = await unpack((await downloadExport(ctx, op, exportId)).file, PASS);
    expect((files.json as { notes: unknown[] }).notes).toHaveLength(3);
    expect(files.pdfText).toContain('Session 3.');
    await app.close();
  });

  it('makes the client’s own copy on the pool too', { timeout: 120_000 }, async () => {
    ctx = await testContext({ clock: '2026-01-10T10:00:00.000Z' });
    const { operator: op } = await withPractice(ctx);
    const { requestId } = await clientWithNotes(ctx, op, 3);
    const before = poolStats()?.heavy ?? 0;
    const { exportId } = await startExport(ctx, op, requestId, PASS, 'client');
    expect((await untilSettled(ctx, op, exportId)).status).toBe('ready');
    expect(poolStats()?.heavy).toBe(before + 1);
  });

  it('de-identifies a long draft on the pool with the same result as in place', { timeout: 60_000 }, async () => {
    const note = 'Jordan Avery (07700 900123) met her sister Priya at 14 Mill Lane, Leeds LS6 2AB on 3 March 2025. ';
    const input = { texts: [note.repeat(Math.ceil(DEID_POOL_THRESHOLD / note.length)), 'Priya called again.'], knownIdentifiers: [{ text: 'Jordan Avery', type: 'PERSON' as const }], surrogates: false, caseKey: 'case-key' };
    const before = poolStats()?.heavy ?? 0;
    const pooled = await deidentifyMany(input);
    expect(poolStats()?.heavy).toBe(before + 1);
    expect(pooled).toEqual(await deidentifyManyInline(input));
    // One state across the texts: the sister keeps her tag from the first text into the second.
    const sister = pooled.entities[0].find((e) => e.text === 'Priya')?.replacement;
    expect(sister).toBeTruthy();
    expect(pooled.entities[1].map((e) => e.replacement)).toContain(sister);
  });

  it('lays out a long PDF on the pool', { timeout: 60_000 }, async () => {
    const before = poolStats()?.heavy ?? 0;
    const para = 'A long letter paragraph that goes on for a while. '.repeat(40);
    const pdf = await renderPdf(Array.from({ length: Math.ceil(PDF_POOL_THRESHOLD / para.length) + 1 }, () => ({ text: para })), { title: 'Long' });
    expect(poolStats()?.heavy).toBe(before + 1);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.isBuffer(pdf)).toBe(true);
  });

  it('hashes and verifies passwords with Argon2id on the pool', async () => {
    const before = poolStats()?.kdf ?? 0;
    const phc = await hashPassword('Quiet-harbour-lantern-42', TEST_KDF);
    expect(phc.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(phc, 'Quiet-harbour-lantern-42')).toBe(true);
    expect(await verifyPassword(phc, 'Quiet-harbour-lantern-43')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
    // A hash made on the pool verifies in place, and the other way round.
    expect(await argon2Direct.verify(phc, 'Quiet-harbour-lantern-42')).toBe(true);
    expect(await verifyPassword(await argon2Direct.hash('another one, long enough', TEST_KDF), 'another one, long enough')).toBe(true);
    const salt = newSalt();
    expect((await deriveKey('vault passphrase here', salt, TEST_KDF)).equals(await argon2Direct.derive('vault passphrase here', salt, TEST_KDF))).toBe(true);
    expect(poolStats()?.kdf).toBe(before + 6);
  });
});

describe('the export queue', () => {
  let ctx: TestContext;
  afterEach(async () => ctx?.cleanup());

  it(`runs at most ${EXPORTS_PER_PRACTICE} exports per practice at once, across servers; the rest wait as queued`, async () => {
    ctx = await testContext();
    const { practiceId, operator: op } = await withPractice(ctx);
    const { requestId } = await clientWithNotes(ctx, op, 1);
    // Two servers over one database, each holding jobs whose work we finish by hand.
    const a = new ExportJobs(ctx);
    const b = new ExportJobs(ctx);
    const finish = new Map<string, () => void>();
    const job = async (jobs: ExportJobs, practice: string) => {
      const exportId = await queuedRow(ctx, jobs, practice, requestId);
      const done = new Promise<void>((resolve) => finish.set(exportId, resolve));
      const run = async () => {
        await done;
        await repo.updateExport(ctx.db.kysely, exportId, { status: 'ready', lease_until: null });
      };
      return { exportId, practiceId: practice, run };
    };
    const jobs = [await job(a, practiceId), await job(b, practiceId), await job(a, practiceId), await job(b, practiceId)];
    const other = await job(b, 'another-practice');
    await Promise.all([a.enqueue(jobs[0]), b.enqueue(jobs[1]), a.enqueue(jobs[2]), b.enqueue(jobs[3]), b.enqueue(other)]);
    const states = async () => Promise.all(jobs.map((j) => statusOf(ctx, j.exportId)));
    expect((await states()).filter((s) => s === 'running')).toHaveLength(EXPORTS_PER_PRACTICE);
    expect((await states()).filter((s) => s === 'queued')).toHaveLength(2);
    // Another practice's export is not held up by this one's.
    expect(await statusOf(ctx, other.exportId)).toBe('running');

    // One finishes; exactly one waiting job takes its place (on whichever server holds it).
    const firstRunning = jobs[(await states()).indexOf('running')];
    finish.get(firstRunning.exportId)!();
    await settle();
    await Promise.all([a.pump(), b.pump()]);
    const after = await states();
    expect(after.filter((s) => s === 'running')).toHaveLength(EXPORTS_PER_PRACTICE);
    expect(after.filter((s) => s === 'ready')).toHaveLength(1);
    expect(after.filter((s) => s === 'queued')).toHaveLength(1);

    for (const f of finish.values()) f();
    for (let i = 0; i < 5; i++) {
      await settle();
      await Promise.all([a.pump(), b.pump()]);
    }
    expect(await states()).toEqual(['ready', 'ready', 'ready', 'ready']);
  });

  it('queues real exports beyond the cap and finishes them all', { timeout: 120_000 }, async () => {
    ctx = await testContext({ clock: '2026-01-10T10:00:00.000Z' });
    const { operator: op } = await withPractice(ctx);
    const { requestId } = await clientWithNotes(ctx, op, 2);
    const started = [];
    for (let i = 0; i < EXPORTS_PER_PRACTICE + 2; i++) started.push(await startExport(ctx, op, requestId, PASS));
    expect(started.every((s) => s.status === 'queued')).toBe(true);
    let most = 0;
    for (let i = 0; i < 10_000; i++) {
      const rows = await listExports(ctx, op, requestId);
      most = Math.max(most, rows.filter((r) => r.status === 'running').length);
      if (rows.every((r) => r.status === 'ready' || r.status === 'failed')) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(most).toBeLessThanOrEqual(EXPORTS_PER_PRACTICE);
    expect((await listExports(ctx, op, requestId)).map((r) => r.status)).toEqual(started.map(() => 'ready'));
  });
});

describe('an export whose server stopped', () => {
  let ctx: TestContext;
  afterEach(async () => ctx?.cleanup());

  it('is marked failed with a plain message once its lease runs out, never left running; a new export then works', { timeout: 60_000 }, async () => {
    ctx = await testContext({ clock: '2026-01-10T10:00:00.000Z' });
    const { practiceId, operator: op } = await withPractice(ctx);
    const { requestId } = await clientWithNotes(ctx, op, 2);
    // The server that died: one export running (its worker never answers), one queued behind it.
    const dead = new ExportJobs(ctx, 1);
    const running = await queuedRow(ctx, dead, practiceId, requestId);
    const waiting = await queuedRow(ctx, dead, practiceId, requestId);
    const never = new Promise<void>(() => {});
    await dead.enqueue({ exportId: running, practiceId, run: () => never });
    await dead.enqueue({ exportId: waiting, practiceId, run: () => never });
    expect([await statusOf(ctx, running), await statusOf(ctx, waiting)]).toEqual(['running', 'queued']);

    // Within the lease another server leaves them alone: they may still be alive.
    ctx.clock.advance(LEASE_MS / 2);
    expect(await recoverExports(ctx)).toBe(0);
    expect(await statusOf(ctx, running)).toBe('running');

    // The lease runs out with no renewal: reading the status settles it, on any server.
    ctx.clock.advance(LEASE_MS);
    const s = await exportStatus(ctx, op, running);
    expect(s).toMatchObject({ status: 'failed', message: STOPPED_MESSAGE });
    expect(s.message).not.toMatch(/\blease\b|worker|UTC|\d{4}-\d{2}-\d{2}T/);
    expect(await statusOf(ctx, waiting)).toBe('failed');

    // The person starts again, on the live server: the dead jobs no longer take up places.
    const again = await startExport(ctx, op, requestId, PASS);
    expect((await untilSettled(ctx, op, again.exportId)).status).toBe('ready');
    expect(exportJobs(ctx).queued).toBe(0);
  });

  it('settles jobs left running before leases existed, at start-up', async () => {
    ctx = await testContext();
    const { operator: op } = await withPractice(ctx);
    const { requestId } = await clientWithNotes(ctx, op, 1);
    const jobs = new ExportJobs(ctx);
    const id = await queuedRow(ctx, jobs, 'p', requestId);
    await repo.updateExport(ctx.db.kysely, id, { status: 'running', lease_until: null, owner: null, practice_id: null });
    expect(await recoverExports(ctx)).toBe(1);
    expect(await exportStatus(ctx, op, id)).toMatchObject({ status: 'failed', message: STOPPED_MESSAGE });
  });

  it('keeps a live job alive by renewing its lease', async () => {
    ctx = await testContext();
    const { practiceId, operator: op } = await withPractice(ctx);
    const { requestId } = await clientWithNotes(ctx, op, 1);
    const live = new ExportJobs(ctx);
    const id = await queuedRow(ctx, live, practiceId, requestId);
    await live.enqueue({ exportId: id, practiceId, run: () => new Promise<void>(() => {}) });
    for (let i = 0; i < 4; i++) {
      ctx.clock.advance(LEASE_MS / 2);
      await live.heartbeat();
    }
    expect(await statusOf(ctx, id)).toBe('running');
    live.untrack(id);
  });
});
