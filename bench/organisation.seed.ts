import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AppContext } from '../src/context.js';
import { newCaseCode } from '../src/core/ids.js';
import { identityRef } from '../src/features/clients/clients.service.js';
import { normaliseIdentity } from '../src/features/clients/clients.js';
import { sealRef } from '../src/features/breaches/breach-access.js';
import { int } from './support.js';

/**
 * An organisation at scale, seeded in bulk SQL (multi-row INSERT … SELECT from unnest or
 * generate_series) rather than through the services, so a million-row store fills in minutes.
 * Every client has real wrapped keys and a real encrypted identity (the caseload decrypts them);
 * the notes of the clients the benchmark opens are really encrypted under their client's key;
 * every other note carries a placeholder of a real ciphertext's length, never decrypted here.
 */
export interface Organisation {
  practiceId: string;
  staff: number;
  teams: number;
  clients: number;
  notes: number;
  relationships: number;
  breakGlassRows: number;
  /** The practitioner measured: their own clients, and those of the colleague they cover today. */
  ben: { id: string; own: string[] };
  ann: { id: string; own: string[] };
  /** The clinical lead measured, with emergency access in force to these clients. */
  lead: { id: string; glass: string[] };
  /** A client none of them reaches. */
  stranger: string;
  seedSeconds: Record<string, number>;
}

export const NOTES_PER_CLIENT = 50;
const TEAMS = 20;
const LEADS = 20;
const SUPERVISORS = 20;
const ADMINS = 5;
const RECEPTION = 5;
const GLASS_IN_FORCE = 5;
export const PAST_GLASS_PER_LEAD = 100;
const NOTE = 'Client arrived on time. We returned to the difficulties at work and the effect on sleep. Practised a grounding exercise; reported feeling calmer. No risk disclosed. Plan: continue weekly.';

const day = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10);

/** Rows in batches through unnest: one statement per batch, one array parameter per column. */
async function insertRows(db: pg.Client, table: string, columns: Record<string, string>, rows: unknown[][], batch = 2000): Promise<void> {
  const names = Object.keys(columns);
  const list = names.map((n, i) => `$${i + 1}::${columns[n]}[]`).join(', ');
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    await db.query(`insert into ${table} (${names.join(', ')}) select * from unnest(${list})`, names.map((_, c) => part.map((r) => r[c])));
  }
}

export async function seedOrganisation(ctx: AppContext, url: string, practiceId: string, scale: number, progress: (m: string) => void): Promise<Organisation> {
  const staffCount = Math.max(LEADS + SUPERVISORS + ADMINS + RECEPTION + 1 + 40, Math.round(1000 * scale));
  const clientCount = Math.max(400, Math.round(100_000 * scale));
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query('set synchronous_commit = off');
  const seedSeconds: Record<string, number> = {};
  const lap = async (label: string, fn: () => Promise<void>) => {
    const t = performance.now();
    await fn();
    seedSeconds[label] = (performance.now() - t) / 1000;
    progress(`${label}: ${seedSeconds[label].toFixed(1)} s`);
  };
  const now = ctx.clock.now();
  const at = now.toISOString();
  try {
    // Staff: clinical leads, supervisors, admins, reception, one data-protection officer, and
    // practitioners for the rest; each in one of the teams.
    const staff: { id: string; roles: string; team: number }[] = [];
    const role = (i: number) =>
      i < LEADS ? 'clinical_lead' : i < LEADS + SUPERVISORS ? 'supervisor' : i < LEADS + SUPERVISORS + ADMINS ? 'admin'
        : i < LEADS + SUPERVISORS + ADMINS + RECEPTION ? 'reception' : i === LEADS + SUPERVISORS + ADMINS + RECEPTION ? 'dpo' : 'practitioner';
    for (let i = 0; i < staffCount; i++) staff.push({ id: randomUUID(), roles: role(i), team: i % TEAMS });
    const practitioners = staff.filter((s) => s.roles === 'practitioner');
    const teamIds = Array.from({ length: TEAMS }, () => randomUUID());
    await lap('staff and teams', async () => {
      await insertRows(db, 'users', { id: 'text', practice_id: 'text', email: 'text', display_name: 'text', roles: 'text', password_hash: 'text', totp_enabled: 'int', created_at: 'text' },
        staff.map((s, i) => [s.id, practiceId, `staff${i}@example.org`, `Staff Member ${i}`, s.roles, 'not a usable hash', 1, at]));
      await insertRows(db, 'teams', { id: 'text', practice_id: 'text', name: 'text', created_at: 'text' }, teamIds.map((id, i) => [id, practiceId, `Service ${i + 1}`, at]));
      await insertRows(db, 'team_members', { team_id: 'text', user_id: 'text', added_at: 'text' }, staff.map((s) => [teamIds[s.team], s.id, at]));
    });

    // Clients, round-robin over the practitioners, each with real keys and encrypted identity.
    const ben = practitioners[0];
    const ann = practitioners[TEAMS]; // same team as Ben
    const clients: { id: string; code: string; practitioner: (typeof staff)[number] }[] = [];
    const codes = new Set<string>();
    for (let i = 0; i < clientCount; i++) {
      let code = newCaseCode();
      while (codes.has(code)) code = newCaseCode();
      codes.add(code);
      clients.push({ id: randomUUID(), code, practitioner: practitioners[i % practitioners.length] });
    }
    await lap('clients, keys and cases', async () => {
      const today = at.slice(0, 10);
      const clientRows: unknown[][] = [];
      const keyRows: unknown[][] = [];
      const caseRows: unknown[][] = [];
      clients.forEach((c, i) => {
        const wrapped = ctx.vault.newClientKeys(c.id);
        const key = ctx.vault.clientKey(c.id, 'identity', wrapped.identity);
        const identity = normaliseIdentity({ name: `Client ${i} Example`, email: `client${i}@example.org`, dob: '1984-03-02', phone: '07700 900123' }, today);
        clientRows.push([c.id, practiceId, ctx.vault.encrypt(key, JSON.stringify(identity), identityRef(c.id)), at]);
        keyRows.push([c.id, 'identity', wrapped.identity, at], [c.id, 'clinical', wrapped.clinical, at]);
        caseRows.push([c.code, c.id, practiceId, c.practitioner.id, teamIds[c.practitioner.team], 'open', at]);
      });
      await insertRows(db, 'clients', { id: 'text', practice_id: 'text', identity_enc: 'text', created_at: 'text' }, clientRows);
      await insertRows(db, 'client_keys', { client_id: 'text', purpose: 'text', wrapped: 'text', created_at: 'text' }, keyRows);
      await insertRows(db, 'cases', { case_code: 'text', client_id: 'text', practice_id: 'text', practitioner_id: 'text', team_id: 'text', status: 'text', opened_at: 'text' }, caseRows);
    });

    // The clients whose records are opened: Ben's, Ann's and a few of a third colleague's, which
    // the clinical lead reaches only through emergency access. Their notes are real ciphertext.
    const lead = staff[0];
    const glassClients = clients.filter((c) => c.practitioner === practitioners[1]).slice(0, GLASS_IN_FORCE);
    const opened = clients.filter((c) => c.practitioner === ben || c.practitioner === ann).concat(glassClients);
    const openedCodes = new Set(opened.map((c) => c.code));
    const week = (n: number) => new Date(Date.parse('2020-01-06T10:00:00Z') + n * 7 * 86_400_000).toISOString();
    let placeholderLength = 0;
    await lap('notes of the clients opened (encrypted)', async () => {
      const rows: unknown[][] = [];
      for (const c of opened) {
        const key = ctx.vault.clientKey(c.id, 'clinical', (await db.query<{ wrapped: string }>("select wrapped from client_keys where client_id = $1 and purpose = 'clinical'", [c.id])).rows[0].wrapped);
        for (let n = 1; n <= NOTES_PER_CLIENT; n++) {
          const id = randomUUID();
          const body = ctx.vault.encrypt(key, `${NOTE} (Session ${n}.)`, { table: 'notes', id, field: 'body', subject: c.id });
          placeholderLength = body.length;
          rows.push([id, c.code, 'progress', 'signed', body, c.practitioner.id, week(n), week(n), week(n), c.practitioner.id]);
        }
      }
      await insertRows(db, 'notes', { id: 'text', case_code: 'text', kind: 'text', status: 'text', body_enc: 'text', author_id: 'text', created_at: 'text', updated_at: 'text', signed_at: 'text', signed_by: 'text' }, rows, 1000);
    });

    // Everyone else's notes, generated inside the database, a few thousand cases per statement.
    const rest = clients.filter((c) => !openedCodes.has(c.code)).map((c) => c.code);
    await lap('other notes (bulk)', async () => {
      const chunk = 2000;
      for (let i = 0; i < rest.length; i += chunk) {
        await db.query(
          `insert into notes (id, case_code, session_id, kind, status, body_enc, author_id, created_at, updated_at, signed_at, signed_by)
           select md5(c.case_code || '/' || g)::uuid::text, c.case_code, null, 'progress', 'signed', 'v1:' || left(repeat(md5(c.case_code || g), $3), $4), c.practitioner_id, t.at, t.at, t.at, c.practitioner_id
           from cases c cross join generate_series(1, $2::int) g
           cross join lateral (select to_char(timestamp '2020-01-06 10:00' + g * interval '7 days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at) t
           where c.case_code = any($1::text[])`,
          [rest.slice(i, i + chunk), NOTES_PER_CLIENT, Math.ceil(placeholderLength / 32) + 1, placeholderLength - 3],
        );
        if ((i / chunk) % 10 === 9) progress(`  ${int((i + chunk) * NOTES_PER_CLIENT)} notes`);
      }
    });

    // Relationships: supervision for every practitioner; two past covers each; cover in force for
    // one practitioner in twenty, Ben's of Ann among them. Reasons sealed as the service seals them.
    let relationships = 0;
    await lap('relationships and emergency accesses', async () => {
      const supervisors = staff.filter((s) => s.roles === 'supervisor');
      const rows: unknown[][] = [];
      const add = (kind: string, holder: string, subject: string, startsOn: string, endsOn: string | null, reason: string) => {
        const id = randomUUID();
        rows.push([id, practiceId, kind, holder, subject, startsOn, endsOn, ctx.vault.encryptSystem(reason, sealRef('care_relationships', id, 'reason')), staff[LEADS + SUPERVISORS].id, at]);
      };
      practitioners.forEach((p, i) => {
        add('supervision', supervisors[i % supervisors.length].id, p.id, '2025-01-06', null, 'Monthly clinical supervision');
        const other = (k: number) => practitioners[(i + k) % practitioners.length].id;
        add('cover', p.id, other(1), day(now, -200), day(now, -186), 'Annual leave');
        add('cover', p.id, other(2), day(now, -90), day(now, -83), 'Illness');
        if (p === ben) add('cover', ben.id, ann.id, day(now, -3), day(now, 10), 'Annual leave');
        else if (i % 20 === 5) add('cover', p.id, other(3), day(now, -1), day(now, 6), 'Annual leave');
      });
      await insertRows(db, 'care_relationships', { id: 'text', practice_id: 'text', kind: 'text', holder_id: 'text', subject_id: 'text', starts_on: 'text', ends_on: 'text', reason_enc: 'text', created_by: 'text', created_at: 'text' }, rows);
      relationships = rows.length;

      // Past emergency accesses, a hundred for each clinical lead, all expired; and the lead's five
      // in force now (seeded directly: starting one needs a password and a current code).
      const glass: unknown[][] = [];
      const addGlass = (user: string, c: (typeof clients)[number], startedAt: Date, hours: number) => {
        const id = randomUUID();
        glass.push([id, practiceId, user, c.id, c.code, 'continuity_of_care', ctx.vault.encryptSystem('Client in crisis; practitioner unreachable', sealRef('break_glass', id, 'reason')), startedAt.toISOString(), new Date(startedAt.getTime() + hours * 3_600_000).toISOString(), 0]);
      };
      staff.slice(0, LEADS).forEach((l, li) => {
        for (let k = 0; k < PAST_GLASS_PER_LEAD; k++) addGlass(l.id, clients[(li * 997 + k * 131) % clients.length], new Date(now.getTime() - (k + 2) * 3 * 86_400_000), 4);
      });
      for (const c of glassClients) addGlass(lead.id, c, new Date(now.getTime() - 3_600_000), 4);
      await insertRows(db, 'break_glass', { id: 'text', practice_id: 'text', user_id: 'text', client_id: 'text', case_code: 'text', category: 'text', reason_enc: 'text', started_at: 'text', expires_at: 'text', audit_seq: 'int' }, glass);
    });
    await lap('vacuum and analyse', async () => {
      await db.query('vacuum analyze');
    });

    const count = async (t: string) => Number((await db.query<{ n: string }>(`select count(*) as n from ${t}`)).rows[0].n);
    return {
      practiceId,
      staff: await count('users'),
      teams: await count('teams'),
      clients: await count('clients'),
      notes: await count('notes'),
      relationships,
      breakGlassRows: await count('break_glass'),
      ben: { id: ben.id, own: clients.filter((c) => c.practitioner === ben).map((c) => c.id) },
      ann: { id: ann.id, own: clients.filter((c) => c.practitioner === ann).map((c) => c.id) },
      lead: { id: lead.id, glass: glassClients.map((c) => c.id) },
      stranger: clients.find((c) => c.practitioner === practitioners[2])!.id,
      seedSeconds,
    };
  } finally {
    await db.end();
  }
}
