import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, recordAudit, verifyAudit } from '../../src/audit/audit.service.js';
import { canonical, chainHash } from '../../src/audit/audit.chain.js';
import { scanAll, type StoredEntry } from '../../src/audit/audit.repository.js';
import type { Principal } from '../../src/core/access.js';
import { TEST_KDF } from '../../src/crypto/kdf.js';
import { connect } from '../../src/db/connection.js';
import { concurrentWriteTx, writeTx } from '../../src/db/tx.js';
import type { AppContext } from '../../src/context.js';
import { createClient } from '../../src/features/clients/clients.service.js';
import { addNote, editDraft, signNote } from '../../src/features/notes/notes.service.js';
import { unsealVault } from '../../src/features/vault/vault.service.js';
import { buildContext } from '../../src/main.js';
import { PASSPHRASE, type TestContext, onPostgres, testContext, withPractice } from '../support/context.js';

/**
 * Audited writes that run side by side (docs/adr/0008). On PostgreSQL the writers come from two
 * app servers' worth of connections (two pools on the same database); on SQLite from one. Only
 * what must hold whatever the interleaving is asserted.
 */
describe('audited writes at once', () => {
  let ctx: TestContext;
  let op: Principal;
  let other: AppContext | undefined;
  let servers: AppContext[];
  let clients: string[];

  beforeEach(async () => {
    ctx = await testContext();
    op = (await withPractice(ctx)).operator;
    clients = [];
    for (let i = 0; i < 4; i++) clients.push((await createClient(ctx, op, { name: `Client ${i}`, email: `c${i}@example.org`, dob: '1980-01-01' })).id);
    other = undefined;
    if (onPostgres) {
      other = await buildContext({ db: connect({ databaseUrl: ctx.store.databaseUrl }), clock: ctx.clock, config: { vaultKdf: TEST_KDF, passwordKdf: TEST_KDF } });
      await unsealVault(other, { passphrase: PASSPHRASE }, { id: 'cli' });
    }
    servers = other ? [ctx, other] : [ctx];
  });
  afterEach(async () => {
    if (other) {
      await other.audit.flush();
      await other.db.close();
    }
    await ctx.cleanup();
  });

  const entries = async (): Promise<StoredEntry[]> => {
    const out: StoredEntry[] = [];
    for await (const e of scanAll(ctx.db)) out.push(e);
    return out;
  };

  it('leaves one gap-free chain that verifies, with exactly one entry per committed write and none for a rolled-back one', async () => {
    const writes: Promise<unknown>[] = [];
    const noteIds: Promise<string>[] = [];
    let rolledBack = 0;
    for (let i = 0; i < 60; i++) {
      const server = servers[i % servers.length];
      const note = addNote(server, op, clients[i % clients.length], { text: `Session ${i}: talked about the week.` }).then((n) => n.id);
      noteIds.push(note);
      writes.push(note);
      // Transactions that append and then fail: nothing of theirs may reach the chain.
      if (i % 5 === 0) {
        writes.push(
          concurrentWriteTx(server.db, async (trx) => {
            await appendAudit(trx, server.clock, { id: 'cli' }, { action: 'note.create', targetType: 'note', targetId: `never-${i}` });
            throw new Error('the change failed after its entry was appended');
          }).catch(() => rolledBack++),
        );
      }
      // Serialised writers (refusals, sign-ins) interleave with them.
      if (i % 7 === 0) writes.push(recordAudit(server.db, server.clock, { id: 'u1' }, { action: 'auth.signin_failed', outcome: 'denied', details: { n: i } }));
    }
    await Promise.all(writes);
    expect(rolledBack).toBe(12);
    const ids = await Promise.all(noteIds);

    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
    const log = await entries();
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    const head = (await ctx.db.kysely.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow());
    expect([Number(head.seq), head.hash]).toEqual([log.length, log[log.length - 1].hash]);

    const created = log.filter((e) => e.action === 'note.create').map((e) => e.targetId);
    expect(created.filter((t) => t?.startsWith('never-'))).toEqual([]);
    expect([...created].sort()).toEqual([...ids].sort());
    const stored = await ctx.db.kysely.selectFrom('notes').select('id').execute();
    expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(log.filter((e) => e.action === 'auth.signin_failed')).toHaveLength(9);
  });

  it('keeps one entry per change when the same notes are edited and signed from both servers at once', async () => {
    const notes = await Promise.all(clients.map((c) => addNote(ctx, op, c, { text: 'First draft.' })));
    const outcomes = await Promise.allSettled(
      notes.flatMap((n, i) => [
        editDraft(servers[i % servers.length], op, n.id, 'Second draft.'),
        signNote(servers[(i + 1) % servers.length], op, n.id),
        signNote(servers[i % servers.length], op, n.id),
        editDraft(servers[(i + 1) % servers.length], op, n.id, 'Third draft.'),
      ]),
    );
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
    const log = await entries();
    for (const n of notes) {
      // Each note is signed exactly once, whoever won; each edit that succeeded has its entry.
      expect(log.filter((e) => e.action === 'note.sign' && e.targetId === n.id)).toHaveLength(1);
    }
    const okEdits = outcomes.filter((o, i) => i % 4 !== 1 && i % 4 !== 2 && o.status === 'fulfilled').length;
    expect(log.filter((e) => e.action === 'note.edit')).toHaveLength(okEdits);
    const okSigns = outcomes.filter((o, i) => (i % 4 === 1 || i % 4 === 2) && o.status === 'fulfilled').length;
    expect(okSigns).toBe(notes.length);
  });

  it('hashes awkward text exactly as verification does, and still names a tampered entry', async () => {
    const awkward = { action: 'note.edit', targetType: 'note', targetId: 'ünïcödé-😀', caseCode: null as unknown as undefined, purpose: "it's \"quoted\"\\ and\u001fseparated", details: { text: 'Zoë — 東京 — \u2400', n: 1, none: null } };
    const seq = await concurrentWriteTx(ctx.db, (trx) => appendAudit(trx, ctx.clock, { id: 'u1' }, awkward));
    const log = await entries();
    const mine = log.find((e) => e.seq === seq)!;
    expect(mine).toMatchObject({ targetId: 'ünïcödé-😀', caseCode: null, purpose: awkward.purpose });
    const before = log.find((e) => e.seq === seq - 1)!;
    expect(chainHash(before.hash, mine)).toBe(mine.hash);
    expect(canonical(mine)).toContain('東京');
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });

    await sql`update audit_log set purpose = 'changed' where seq = ${seq}`.execute(ctx.db.kysely);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: false, firstBadSeq: seq });
  });

  it.runIf(onPostgres)('runs a write again when the database breaks a deadlock with a serialised one by rolling it back', async () => {
    const note = await addNote(ctx, op, clients[0], { text: 'Draft.' });
    const touch = (trx: Parameters<Parameters<typeof writeTx>[1]>[0]) => sql`update notes set updated_at = updated_at where id = ${note.id}`.execute(trx);
    let rowHeld!: () => void;
    const rowIsHeld = new Promise<void>((r) => (rowHeld = r));
    let headHeld!: () => void;
    const headIsHeld = new Promise<void>((r) => (headHeld = r));
    let runs = 0;
    // This one holds the note, then waits for the chain lock; the serialised one holds the chain
    // lock, then (later, so this one waits first and is the one rolled back) wants the note.
    const concurrent = concurrentWriteTx(ctx.db, async (trx) => {
      runs++;
      await touch(trx);
      rowHeld();
      await headIsHeld;
      return appendAudit(trx, ctx.clock, { id: 'u1' }, { action: 'note.edit', targetType: 'note', targetId: note.id });
    });
    const serialised = (async () => {
      await rowIsHeld;
      return writeTx(other!.db, async (trx) => {
        headHeld();
        await new Promise((r) => setTimeout(r, 300));
        await touch(trx);
        return appendAudit(trx, ctx.clock, { id: 'u2' }, { action: 'note.sign', targetType: 'note', targetId: note.id });
      });
    })();
    const [a, b] = await Promise.allSettled([concurrent, serialised]);
    expect(a.status).toBe('fulfilled');
    expect(runs).toBeGreaterThan(1);
    const log = await entries();
    expect(log.filter((e) => e.action === 'note.edit' && e.targetId === note.id)).toHaveLength(1);
    expect(log.filter((e) => e.action === 'note.sign' && e.targetId === note.id)).toHaveLength(b.status === 'fulfilled' ? 1 : 0);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });
});
