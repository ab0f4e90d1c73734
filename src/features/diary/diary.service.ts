/**
 * Reception's use cases: read the diary, book a planned session, see how to reach a client to
 * arrange one, and register a referral. Reception never passes `requireCase` (the policy gives it
 * no case action), so each use case here checks the practice-level permission, then that the
 * client is an open case of this practice, and reads only names, times and consented contacts.
 */
import { type Action, type Principal, can } from '../../core/access.js';
import { AppError, conflict, forbidden, invalidInput, notFound } from '../../core/errors.js';
import { newCaseCode, newId } from '../../core/ids.js';
import { appendAudit, recordAudit, recordRead } from '../../audit/audit.service.js';
import { writeTx, type Executor } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { displayNames } from '../auth/auth.repository.js';
import { actorOf } from '../clients/case-access.js';
import { type ClientIdentity, normaliseIdentity } from '../clients/clients.js';
import * as clients from '../clients/clients.repository.js';
import { identityRef } from '../clients/clients.service.js';
import { type Channel, checkChannelName } from '../consent/channels.js';
import { allowedChannels } from '../consent/lookup.js';
import { insertSession } from '../sessions/sessions.repository.js';
import { practiceDay } from '../sessions/sessions.service.js';
import { type Modality, type TherapySession, checkSession } from '../sessions/sessions.js';
import { clientKey, createClientKeys } from '../vault/vault.service.js';
import {
  type ArrangingContact, type DiaryClient, type DiaryEntry, type DiaryNames, arrangingChannels, checkRange, diaryName,
} from './diary.js';
import * as repo from './diary.repository.js';

async function allow(ctx: AppContext, p: Principal, action: Action, audited: string, message: string): Promise<void> {
  if (can(p, action)) return;
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: audited, outcome: 'denied', details: { reason: 'not_permitted' } });
  throw forbidden(message);
}
const RECEPTION_ONLY = 'The diary is for reception.';

async function identityOf(ctx: AppContext, db: Executor, clientId: string, enc: string): Promise<ClientIdentity> {
  const key = await clientKey(ctx, db, clientId, 'identity');
  return JSON.parse(ctx.vault.decrypt(key, enc, identityRef(clientId))) as ClientIdentity;
}

/** An open case of this practice; anything else reads as "no such client". */
async function openCase(ctx: AppContext, p: Principal, clientId: string): Promise<clients.CaseRow> {
  const c = await clients.caseForClient(ctx.db.kysely, clientId);
  if (!c || c.practiceId !== p.practiceId || c.erasedAt || c.status !== 'open' || !c.identityEnc) throw notFound('client');
  return c;
}

export async function readDiary(ctx: AppContext, p: Principal, range: { from: string; to: string }): Promise<DiaryEntry[]> {
  await allow(ctx, p, 'diary.read', 'diary.read', RECEPTION_ONLY);
  const { from, to } = checkRange(range.from, range.to);
  const db = ctx.db.kysely;
  const rows = await repo.plannedSessions(db, p.practiceId, from, to);
  const [names, staff] = [await repo.diaryNames(db, p.practiceId), await displayNames(db)];
  const idCache = new Map<string, string>();
  const out: DiaryEntry[] = [];
  for (const r of rows) {
    if (!idCache.has(r.clientId)) {
      const c = await clients.caseForClient(db, r.clientId);
      idCache.set(r.clientId, c?.identityEnc ? diaryName((await identityOf(ctx, db, r.clientId, c.identityEnc)).name, names) : '');
    }
    out.push({
      id: r.id, clientId: r.clientId, clientName: idCache.get(r.clientId) ?? '', date: r.date, startTime: r.startTime, durationMinutes: r.durationMinutes,
      room: r.room, modality: r.modality, practitionerName: r.practitionerId ? staff.get(r.practitionerId) ?? null : null,
    });
  }
  recordRead(ctx, actorOf(p), { action: 'diary.read', targetType: 'diary', details: { from, to, count: out.length } });
  return out.sort((a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? '') || a.clientName.localeCompare(b.clientName));
}

/** Whom a session can be booked for: open cases, named as the diary names them. */
export async function diaryClients(ctx: AppContext, p: Principal): Promise<DiaryClient[]> {
  await allow(ctx, p, 'diary.read', 'diary.clients', RECEPTION_ONLY);
  const db = ctx.db.kysely;
  const [rows, names, staff, teams] = [await repo.openCases(db, p.practiceId), await repo.diaryNames(db, p.practiceId), await displayNames(db), await repo.teamNames(db, p.practiceId)];
  const out: DiaryClient[] = [];
  for (const r of rows) {
    out.push({
      id: r.clientId, name: diaryName((await identityOf(ctx, db, r.clientId, r.identityEnc)).name, names),
      practitionerName: r.practitionerId ? staff.get(r.practitionerId) ?? null : null, teamName: r.teamId ? teams.get(r.teamId) ?? null : null,
    });
  }
  recordRead(ctx, actorOf(p), { action: 'diary.clients', targetType: 'diary', details: { count: out.length } });
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export interface Booking {
  clientId: string;
  date: string;
  time: string;
  duration?: number;
  room?: string | null;
  modality?: Modality;
}

/** The session rules speak of startTime and durationMinutes; a booking's fields are time and duration. */
function bookingFields<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    const renamed = e instanceof AppError && e.field ? ({ startTime: 'time', durationMinutes: 'duration' } as Record<string, string>)[e.field] : undefined;
    throw renamed ? invalidInput(renamed, (e as AppError).message) : e;
  }
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Reception books a planned session for an open case; a room is never booked twice at once. */
export async function bookSession(ctx: AppContext, p: Principal, input: Booking): Promise<DiaryEntry> {
  await allow(ctx, p, 'diary.read', 'diary.book', 'Only reception books sessions from the diary.');
  const today = await practiceDay(ctx);
  if (!input.time) throw invalidInput('time', 'Give the time the session starts, for example 09:30.');
  const s = bookingFields(() => checkSession({ date: input.date, durationMinutes: input.duration, modality: input.modality, attendance: 'planned', startTime: input.time, room: input.room }, today));
  if (s.date < today) throw invalidInput('date', 'That day has passed. Book a session for today or a later day.');
  const c = await openCase(ctx, p, input.clientId);
  const session: TherapySession = { id: newId(), caseCode: c.caseCode, createdAt: ctx.clock.now().toISOString(), ...s };
  await writeTx(ctx.db, async (trx) => {
    if (s.room && s.startTime) {
      const start = minutes(s.startTime);
      const end = start + s.durationMinutes;
      const clash = (await repo.roomBookings(trx, p.practiceId, s.date, s.room)).find((b) => b.startTime !== null && minutes(b.startTime) < end && start < minutes(b.startTime) + b.durationMinutes);
      if (clash) throw conflict(`${s.room} is already booked at ${clash.startTime} on that day. Choose another time or room.`);
    }
    await insertSession(trx, { ...session, createdBy: p.userId });
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'session.create', targetType: 'session', targetId: session.id, caseCode: c.caseCode, details: { attendance: 'planned', via: 'diary' } });
  });
  const db = ctx.db.kysely;
  const name = diaryName((await identityOf(ctx, db, c.clientId, c.identityEnc as string)).name, await repo.diaryNames(db, p.practiceId));
  const practitionerName = c.practitionerId ? (await displayNames(db)).get(c.practitionerId) ?? null : null;
  return {
    id: session.id, clientId: c.clientId, clientName: name, date: s.date, startTime: s.startTime, durationMinutes: s.durationMinutes, room: s.room, modality: s.modality, practitionerName,
  };
}

/** How to reach a client to arrange a session: only the channels they have agreed to, now. */
export async function arrangingContact(ctx: AppContext, p: Principal, clientId: string): Promise<ArrangingContact> {
  await allow(ctx, p, 'diary.read', 'diary.contact', RECEPTION_ONLY);
  const c = await openCase(ctx, p, clientId);
  const db = ctx.db.kysely;
  const identity = await identityOf(ctx, db, clientId, c.identityEnc as string);
  const allowed = await allowedChannels(ctx, clientId);
  const channels = arrangingChannels(allowed, identity);
  const preferred = await repo.preferredChannel(db, c.caseCode);
  recordRead(ctx, actorOf(p), { action: 'diary.contact', targetType: 'client', targetId: clientId, caseCode: c.caseCode, purpose: 'arranging sessions', details: { channels: channels.map((x) => x.channel) } });
  return {
    clientId, name: diaryName(identity.name, await repo.diaryNames(db, p.practiceId)), channels,
    preferredChannel: channels.some((x) => x.channel === preferred) ? (preferred as Channel) : null,
  };
}

export interface Referral {
  name: string;
  dob?: string | null;
  email?: string | null;
  phone?: string | null;
  preferredChannel?: string | null;
  teamId?: string | null;
}

/**
 * A new referral: a client with identity only, no practitioner yet, in a team if one is named.
 * An admin assigns a practitioner later; until then no one holds the case clinically.
 */
export async function registerReferral(ctx: AppContext, p: Principal, input: Referral): Promise<{ id: string; caseCode: string; name: string }> {
  await allow(ctx, p, 'referral.create', 'referral.create', 'Only reception registers referrals.');
  const at = ctx.clock.now().toISOString();
  const identity = normaliseIdentity({ name: input.name, dob: input.dob ?? undefined, email: input.email ?? undefined, phone: input.phone ?? undefined }, at.slice(0, 10));
  const preferred = input.preferredChannel ? checkChannelName(input.preferredChannel) : null;
  if (preferred === 'email' && !identity.email) throw invalidInput('email', 'Email is the preferred way to make contact, so give an email address.');
  if ((preferred === 'sms' || preferred === 'phone' || preferred === 'voicemail') && !identity.phone) throw invalidInput('phone', 'A phone is the preferred way to make contact, so give a phone number.');
  const teamId = input.teamId || null;
  if (teamId && !(await repo.activeTeam(ctx.db.kysely, p.practiceId, teamId))) throw invalidInput('teamId', 'There is no such team.');
  const id = newId();
  const caseCode = newCaseCode();
  await writeTx(ctx.db, async (trx) => {
    await createClientKeys(ctx, trx, id);
    const key = await clientKey(ctx, trx, id, 'identity');
    await clients.insertClient(trx, { id, practiceId: p.practiceId, identityEnc: ctx.vault.encrypt(key, JSON.stringify(identity), identityRef(id)), at });
    await clients.insertCase(trx, { caseCode, clientId: id, practiceId: p.practiceId, practitionerId: null, at });
    await repo.setReferralDetails(trx, caseCode, { teamId, preferredChannel: preferred });
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'referral.create', targetType: 'client', targetId: id, caseCode, details: { teamId, fields: Object.keys(identity) } });
  });
  return { id, caseCode, name: identity.name };
}

export async function diarySettings(ctx: AppContext, p: Principal): Promise<{ clientNames: DiaryNames }> {
  if (!can(p, 'diary.read') && !can(p, 'practice.manage')) await allow(ctx, p, 'diary.read', 'diary.settings', 'Only reception and admins see the diary’s settings.');
  return { clientNames: await repo.diaryNames(ctx.db.kysely, p.practiceId) };
}

/** How the diary names clients: a practice decision, made by an admin. */
export async function setDiarySettings(ctx: AppContext, p: Principal, input: { clientNames: DiaryNames }): Promise<{ clientNames: DiaryNames }> {
  await allow(ctx, p, 'practice.manage', 'diary.settings', 'Only an admin chooses how the diary names clients.');
  if (input.clientNames !== 'short' && input.clientNames !== 'full') throw invalidInput('clientNames', 'Choose first name and initial, or full name.');
  await writeTx(ctx.db, async (trx) => {
    await repo.setDiaryNames(trx, p.practiceId, input.clientNames);
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'diary.settings', targetType: 'practice', targetId: p.practiceId, details: { clientNames: input.clientNames } });
  });
  return { clientNames: input.clientNames };
}
