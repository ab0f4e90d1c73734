import { mkdirSync } from 'node:fs';
import type { Principal } from '../../core/access.js';
import type { AppContext } from '../../context.js';
import { setSchedule } from '../backup/backup-schedule.service.js';
import { actorOf } from '../clients/case-access.js';
import { createClient, setCaseStatus } from '../clients/clients.service.js';
import { prepareAgreement, signInPerson } from '../consent/agreements.service.js';
import { addNote } from '../notes/notes.service.js';
import { addSession } from '../sessions/sessions.service.js';
import { DemoClock, addDays } from './demo-clock.js';
import { DEMO_CLIENTS, type DemoClient, FORMER_CLIENTS, processNote, progressNote, rng } from './demo-content.js';
import { type DemoCase, type DemoFeatures, seedFeatures } from './demo-features.js';
import { type StaffPrincipals, createDemoStaff } from './demo-staff.js';
import { openYoungClient, youngClient } from './demo-young.js';

export interface DemoOptions {
  /** How many of the invented clients (at most all of them). */
  clients?: number;
  /** The longest run of weekly sessions a client has had. */
  maxWeeks?: number;
  progress?: (msg: string) => void;
  /** A folder for the practice's daily backups, turned on by the practice lead (the folder demo has one). */
  backupDir?: string;
}

export interface DemoSummary extends DemoFeatures {
  clients: number;
  sessions: number;
  notes: number;
  drafts: number;
  agreements: number;
}

interface Planned {
  at: string;
  run: () => Promise<void>;
}

const owner = (staff: StaffPrincipals, i: number): Principal => [staff.lead, staff.priya, staff.tom][i % 3];

/**
 * An invented practice with months of work in it, written through the ordinary services (so
 * everything is encrypted, checked and audited as real work is) by the named staff who would have
 * done it, on the dates it would have happened: clients, signed agreements with their consents,
 * weekly sessions with signed notes (the latest still a draft), then the practice's other duties.
 */
export async function createDemoPractice(ctx: AppContext, practiceId: string, opts: DemoOptions = {}): Promise<DemoSummary> {
  const real = ctx.clock;
  const maxWeeks = opts.maxWeeks ?? 30;
  const today = real.now().toISOString().slice(0, 10);
  const formerStart = (f: (typeof FORMER_CLIENTS)[number]) => addDays(f.lastSession(today), -42);
  const first = [addDays(today, -7 * maxWeeks - 30), ...FORMER_CLIENTS.map((f) => addDays(formerStart(f), -7))].sort()[0];
  const clock = new DemoClock(new Date(`${first}T08:00:00Z`), () => real.now());
  const demo: AppContext = { ...ctx, clock };
  const say = opts.progress ?? (() => {});
  const r = rng(20261121);
  const staff = await createDemoStaff(demo, practiceId);
  const clients = DEMO_CLIENTS.slice(0, Math.min(opts.clients ?? DEMO_CLIENTS.length, DEMO_CLIENTS.length));
  const ids: string[] = [];
  const codes: string[] = [];
  const counts = { sessions: 0, notes: 0, drafts: 0, agreements: 0 };

  // The young person is seen at school for a term, by the counsellor; she is last in the list.
  const young = youngClient(today);
  const all: DemoClient[] = [...clients, young, ...FORMER_CLIENTS];
  const youngAt = clients.length;
  const isFormer = (i: number) => i > youngAt;

  // Plan every client's work first, then replay it in date order so the clock only moves forward.
  const plan: Planned[] = [];
  const cases: DemoCase[] = [];
  for (const [i, c] of all.entries()) {
    const isYoung = i === youngAt;
    const former = isFormer(i);
    // Every fifth adult finished a few weeks ago and the case was closed, every note signed; former clients years ago.
    const closes = former || (i % 5 === 4 && !isYoung);
    const weeks = isYoung ? Math.min(12, maxWeeks) : former ? 6 : Math.max(3, Math.round(maxWeeks * (0.2 + 0.8 * r())));
    const start = former ? formerStart(FORMER_CLIENTS[i - youngAt - 1]) : addDays(today, -7 * weeks - 3 - (i % 5) - (closes ? 28 : 0));
    const p = isYoung ? staff.priya : former ? staff.lead : owner(staff, i);
    const minute = String(i % 60).padStart(2, '0');
    cases.push({ get id() { return ids[i]; }, get caseCode() { return codes[i]; }, owner: p, client: c, openedOn: start, closed: closes });
    plan.push({
      at: `${start}T09:${minute}:00Z`,
      run: async () => {
        ({ id: ids[i], caseCode: codes[i] } = isYoung ? await openYoungClient(demo, p, young) : await openClient(demo, p, c, r));
        counts.agreements++;
      },
    });
    for (let w = 0; w < weeks; w++) {
      const date = addDays(start, 7 * (w + 1));
      if (date >= today) break;
      const missed = r() < 0.08 && !(former && w === weeks - 1);
      const latest = !closes && (w === weeks - 1 || addDays(date, 7) >= today);
      const withProcess = r() < 0.15;
      const progressText = progressNote(r, c, isYoung);
      const processText = processNote(r);
      plan.push({
        at: `${date}T10:${minute}:00Z`,
        run: async () => {
          const session = await addSession(demo, p, ids[i], { date, durationMinutes: 50, modality: c.modality, attendance: missed ? 'cancelled_by_client' : 'attended' });
          counts.sessions++;
          if (missed) return;
          clock.at(`${date}T15:${minute}:00Z`);
          // The most recent note is still being written: a draft, as a working week leaves it.
          await addNote(demo, p, ids[i], { kind: 'progress', text: progressText, sessionId: session.id, sign: !latest });
          counts.notes++;
          if (latest) counts.drafts++;
          if (withProcess) {
            await addNote(demo, p, ids[i], { kind: 'process', text: processText, sessionId: session.id, sign: true });
            counts.notes++;
          }
        },
      });
    }
    if (closes) plan.push({ at: `${addDays(start, 7 * weeks + 2)}T17:${minute}:00Z`, run: async () => setCaseStatus(demo, p, ids[i], 'closed') });
  }
  plan.sort((a, b) => a.at.localeCompare(b.at));

  // The practice's other duties happen among the casework: each moves the clock to its moment,
  // and whatever casework came before that moment is done first.
  let next = 0;
  const at = async (iso: string) => {
    while (next < plan.length && plan[next].at <= iso) {
      clock.at(plan[next].at);
      await plan[next].run();
      if (++next % 100 === 0) say(`  ${next}/${plan.length} pieces of casework`);
    }
    clock.at(iso);
  };
  const features = await seedFeatures(demo, at, today, staff, cases.slice(0, youngAt), { of: cases[youngAt], client: young }, cases.slice(youngAt + 1), say);
  await at('9999-12-31');
  say(`  ${all.length} clients, ${counts.sessions} sessions, ${counts.notes} notes`);
  clock.toPresent();
  if (opts.backupDir) {
    mkdirSync(opts.backupDir, { recursive: true, mode: 0o700 });
    await setSchedule(demo, actorOf(staff.lead), { enabled: true, dir: opts.backupDir });
  }
  await ctx.audit.flush();
  return { clients: all.length, ...counts, ...features };
}

/** A new client, and the confidentiality agreement signed in the first session, with their choices. */
async function openClient(ctx: AppContext, p: Principal, c: DemoClient, r: () => number): Promise<{ id: string; caseCode: string }> {
  const { id, caseCode } = await createClient(ctx, p, { name: c.name, dob: c.dob, email: c.email, phone: c.phone, gp: c.gp, address: c.address });
  const a = await prepareAgreement(ctx, p, id, { fields: { channels: ['email', 'sms', 'phone'] } });
  await signInPerson(ctx, p, id, a.id, {
    signature: { name: c.name, method: 'typed' },
    choices: { records: true, supervision: r() < 0.85, channels: { email: true, sms: r() < 0.7, phone: true } },
    capacity: { hasCapacity: true, reasons: 'Read the agreement in the session, asked about supervision and note-keeping, and weighed the choices.' },
  });
  return { id, caseCode };
}
