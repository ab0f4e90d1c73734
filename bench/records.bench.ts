import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { createClient } from '../src/features/clients/clients.service.js';
import { clientKey } from '../src/features/vault/vault.service.js';
import { openRecord } from '../src/features/records/records.service.js';
import { addNote } from '../src/features/notes/notes.service.js';
import { type BenchVault, benchVault, fmt, int, percentile, timeIt } from './support.js';

const NOTE = 'Client arrived on time. We returned to the difficulties at work and the effect on sleep. Practised a grounding exercise; reported feeling calmer. No risk disclosed. Plan: continue weekly.';

/**
 * Opening a client record — identity and the latest 20 notes, decrypted, access audited — against
 * the same three queries on plaintext mirror tables in the same database, at two sizes.
 */
async function fill(v: BenchVault, totalNotes: number, progress: (m: string) => void): Promise<string[]> {
  const { ctx, op } = v;
  const db = ctx.db.sqlite;
  if (!db) throw new Error('the records benchmark runs on the embedded store');
  const clients = Math.max(20, Math.round(totalNotes / 500));
  const ids: string[] = [];
  const codes: string[] = [];
  for (let i = 0; i < clients; i++) {
    const c = await createClient(ctx, op, { name: `Bench Client ${i}`, email: `c${i}@example.org`, dob: '1980-01-01' });
    ids.push(c.id);
    codes.push(c.caseCode);
  }
  // The plaintext mirror has the real tables' columns and indexes, with each ciphertext column
  // holding the plaintext instead, so the comparison isolates encryption and audit.
  db.exec(`create table if not exists plain_clients (id text primary key, practice_id text not null, identity text, created_at text not null, erased_at text);
    create table if not exists plain_cases (case_code text primary key, client_id text not null, practice_id text not null, practitioner_id text, status text not null, opened_at text not null, closed_at text);
    create index if not exists plain_cases_client on plain_cases (client_id);
    create table if not exists plain_notes (id text primary key, case_code text not null, session_id text, kind text not null, status text not null, body text not null, author_id text not null, created_at text not null, updated_at text not null, signed_at text, signed_by text);
    create index if not exists plain_notes_case on plain_notes (case_code, created_at, id);
    create table if not exists plain_addenda (id text primary key, note_id text not null, case_code text not null, body text not null, author_id text not null, created_at text not null);
    create index if not exists plain_addenda_note on plain_addenda (note_id);`);
  const insPlainClient = db.prepare("insert into plain_clients values (?, 'bench', ?, '2016-01-04T10:00:00.000Z', null)");
  const insPlainCase = db.prepare("insert into plain_cases values (?, ?, 'bench', 'cli', 'open', '2016-01-04T10:00:00.000Z', null)");
  ids.forEach((id, i) => {
    insPlainClient.run(id, JSON.stringify({ name: `Bench Client ${i}`, email: `c${i}@example.org`, dob: '1980-01-01' }));
    insPlainCase.run(codes[i], id);
  });
  const insNote = db.prepare(`insert into notes (id, case_code, session_id, kind, status, body_enc, author_id, created_at, updated_at, signed_at, signed_by) values (?, ?, null, 'progress', 'signed', ?, 'cli', ?, ?, ?, 'cli')`);
  const insPlain = db.prepare(`insert into plain_notes values (?, ?, null, 'progress', 'signed', ?, 'cli', ?, ?, ?, 'cli')`);
  const keys = await Promise.all(ids.map((id) => clientKey(ctx, ctx.db.kysely, id, 'clinical')));
  const perClient = Math.ceil(totalNotes / clients);
  const base = Date.parse('2016-01-04T10:00:00Z');
  const batch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const c = n % clients;
      const id = randomUUID();
      const at = new Date(base + Math.floor(n / clients) * 3_600_000).toISOString();
      insNote.run(id, codes[c], ctx.vault.encrypt(keys[c], NOTE, { table: 'notes', id, field: 'body', subject: ids[c] }), at, at, at);
      insPlain.run(randomUUID(), codes[c], NOTE, at, at, at);
    }
  });
  for (let n = 0; n < clients * perClient; n += 20_000) {
    batch(n, Math.min(n + 20_000, clients * perClient));
    if (n % 200_000 === 0) progress(`${int(n)} notes stored`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('analyze');
  return ids;
}

async function measure(v: BenchVault, ids: string[], iterations: number) {
  const { ctx, op } = v;
  const k = ctx.db.kysely as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
  const pick = (i: number) => ids[(i * 7919) % ids.length];
  const plainOpen = async (clientId: string) => {
    const c = await k.selectFrom('plain_cases').innerJoin('plain_clients', 'plain_clients.id', 'plain_cases.client_id').selectAll().where('plain_cases.client_id', '=', clientId).orderBy('plain_cases.opened_at', 'desc').executeTakeFirstOrThrow();
    const notes = await k.selectFrom('plain_notes').selectAll().where('case_code', '=', c.case_code as string).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(20).execute();
    await k.selectFrom('plain_addenda').selectAll().where('note_id', 'in', notes.map((n) => n.id as string)).execute();
    return { identity: JSON.parse(c.identity as string), notes };
  };
  for (let i = 0; i < 200; i++) {
    await openRecord(ctx, op, pick(i));
    await plainOpen(pick(i));
  }
  const enc = await timeIt(iterations, (i) => openRecord(ctx, op, pick(i)));
  const plain = await timeIt(iterations, (i) => plainOpen(pick(i)));
  // The same two paths behind HTTP (routing, validation, JSON), as a browser would see them.
  const app = Fastify();
  app.get('/enc/:id', async (req) => openRecord(ctx, op, (req.params as { id: string }).id));
  app.get('/plain/:id', async (req) => plainOpen((req.params as { id: string }).id));
  await app.ready();
  const httpEnc = await timeIt(iterations, (i) => app.inject({ method: 'GET', url: `/enc/${pick(i)}` }));
  const httpPlain = await timeIt(iterations, (i) => app.inject({ method: 'GET', url: `/plain/${pick(i)}` }));
  await app.close();
  await ctx.audit.flush();
  return { enc, plain, httpEnc, httpPlain };
}

/** Field decryption alone, on the stored notes of one client: the floor under the ratio. */
async function decryptCost(v: BenchVault, ids: string[]): Promise<number> {
  const { ctx } = v;
  const rows = ctx.db.sqlite!.prepare('select n.id, n.body_enc from notes n join cases c on c.case_code = n.case_code where c.client_id = ? limit 20').all(ids[0]) as { id: string; body_enc: string }[];
  const key = await clientKey(ctx, ctx.db.kysely, ids[0], 'clinical');
  const once = () => { for (const r of rows) ctx.vault.decrypt(key, r.body_enc, { table: 'notes', id: r.id, field: 'body', subject: ids[0] }); };
  for (let i = 0; i < 200; i++) once();
  const t = performance.now();
  for (let i = 0; i < 2000; i++) once();
  return ((performance.now() - t) * 1000) / (2000 * rows.length);
}

async function writes(v: BenchVault, ids: string[]): Promise<{ seq: number; conc: number }> {
  const { ctx, op } = v;
  const n = 300;
  const seq = await timeIt(n, (i) => addNote(ctx, op, ids[i % ids.length], { text: NOTE, sign: true }));
  const t = performance.now();
  await Promise.all(Array.from({ length: n }, (_, i) => addNote(ctx, op, ids[i % ids.length], { text: NOTE, sign: true })));
  return { seq: n / (seq.totalMs / 1000), conc: n / ((performance.now() - t) / 1000) };
}

export async function run(progress: (m: string) => void): Promise<string> {
  const rows: string[] = [];
  let writeLine = '';
  const decryptLines: string[] = [];
  const p99At1M: number[] = [];
  const ratios: number[] = [];
  const sizes = (process.env.BENCH_RECORD_SIZES ?? '10000,1000000').split(',').map(Number);
  for (const size of sizes) {
    const v = await benchVault();
    try {
      progress(`filling ${int(size)} notes`);
      const ids = await fill(v, size, progress);
      const count = Number((await sql<{ n: number }>`select count(*) as n from notes`.execute(v.ctx.db.kysely)).rows[0].n);
      progress(`measuring record opens at ${int(count)} notes`);
      const m = await measure(v, ids, 3000);
      const p = (s: number[], q: number) => percentile(s, q);
      const row = (label: string, enc: typeof m.enc, plain: typeof m.plain) =>
        `| ${int(count)} | ${label} | ${fmt(p(enc.samples, 50), 3)} | ${fmt(p(enc.samples, 99), 3)} | ${int(3000 / (enc.totalMs / 1000))} | ${fmt(p(plain.samples, 50), 3)} | ${fmt(p(plain.samples, 99), 3)} | ${int(3000 / (plain.totalMs / 1000))} | ${fmt(p(enc.samples, 50) / p(plain.samples, 50))} / ${fmt(p(enc.samples, 99) / p(plain.samples, 99))} |`;
      rows.push(row('service', m.enc, m.plain), row('HTTP', m.httpEnc, m.httpPlain));
      if (count >= 1_000_000) p99At1M.push(p(m.enc.samples, 99), p(m.httpEnc.samples, 99));
      for (const [enc, plain] of [[m.enc, m.plain], [m.httpEnc, m.httpPlain]] as const) ratios.push(p(enc.samples, 50) / p(plain.samples, 50));
      const perField = await decryptCost(v, ids);
      decryptLines.push(`at ${int(count)} notes, ${fmt(perField, 1)} µs per field, so ${fmt((21 * perField) / 1000, 3)} ms for the 21 fields of an open: ${int((21 * perField) / (p(m.plain.samples, 50) * 1000) * 100)}% of the plaintext open's median, a floor of ${fmt(1 + (21 * perField) / (p(m.plain.samples, 50) * 1000))} for the p50 ratio before the key lookup and the audit`);
      if (size === 10_000) {
        const w = await writes(v, ids);
        writeLine = `Note writes (encrypt, insert, sign, two audit entries, one fsync'd transaction each): **${int(w.seq)}/s** one at a time, **${int(w.conc)}/s** with 300 in flight.`;
      }
    } finally {
      await v.close();
    }
  }
  return `## Opening a client record

Identity plus the latest 20 notes, decrypted (AES-256-GCM under per-client keys, whose wrapped forms are read each time so a destroyed key takes effect at once), with the access checked and audited (group-committed read audit, see ADR 0004), through \`openRecord\` — against the same three queries (case + identity, latest 20 notes newest first, their addenda) on plaintext mirror tables with the same columns and indexes, in the same SQLite file, same run. 3,000 opens of clients picked across the caseload after 200 warm-up opens; one request at a time, the event loop turning once after each (inside the timing, as between a server's requests) so the group commit's work is charged to the opens. Times in milliseconds.

| stored notes | layer | encrypted p50 | encrypted p99 | opens/s | plaintext p50 | plaintext p99 | opens/s | ratio p50 / p99 |
|---:|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Where the encrypted open's extra time goes: field decryption alone (AES-256-GCM through Node's cipher API, one cipher set-up per field), measured on stored notes in the same run: ${decryptLines.join('; ')}. The rest is the wrapped-key lookup and the read audit. Why this stays (and what was tried): [ADR 0007](adr/0007-record-open-cost-of-encryption.md).

${writeLine}

Targets: p99 ≤ 10 ms at 1M notes — ${p99At1M.length === 0 ? 'not measured this run' : p99At1M.every((x) => x <= 10) ? `met (${p99At1M.map((x) => fmt(x, 1)).join(' / ')} ms)` : `not met (${p99At1M.map((x) => fmt(x, 1)).join(' / ')} ms)`}; encrypted/plaintext ratio ≤ 1.5 — ${ratios.every((r) => r <= 1.5) ? 'met' : `not met (p50 ratios ${fmt(Math.min(...ratios))}–${fmt(Math.max(...ratios))})`}.`;
}
