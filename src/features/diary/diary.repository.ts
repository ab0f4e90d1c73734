import type { Executor } from '../../db/tx.js';
import type { Modality } from '../sessions/sessions.js';
import type { DiaryNames } from './diary.js';

export interface PlannedRow {
  id: string;
  clientId: string;
  caseCode: string;
  practitionerId: string | null;
  date: string;
  startTime: string | null;
  durationMinutes: number;
  room: string | null;
  modality: Modality;
}

/** Planned sessions of the practice's open cases between two days, inclusive; erased clients never. */
export async function plannedSessions(db: Executor, practiceId: string, from: string, to: string): Promise<PlannedRow[]> {
  const rows = await db
    .selectFrom('therapy_sessions as s')
    .innerJoin('cases as c', 'c.case_code', 's.case_code')
    .innerJoin('clients as cl', 'cl.id', 'c.client_id')
    .select(['s.id', 's.case_code', 's.session_date', 's.start_time', 's.duration_minutes', 's.room', 's.modality', 'c.client_id', 'c.practitioner_id'])
    .where('c.practice_id', '=', practiceId)
    .where('cl.erased_at', 'is', null)
    .where('s.attendance', '=', 'planned')
    .where('s.session_date', '>=', from)
    .where('s.session_date', '<=', to)
    .execute();
  return rows.map((r) => ({
    id: r.id, clientId: r.client_id, caseCode: r.case_code, practitionerId: r.practitioner_id, date: r.session_date,
    startTime: r.start_time ?? null, durationMinutes: r.duration_minutes, room: r.room ?? null, modality: r.modality as Modality,
  }));
}

/** Planned sessions in one room on one day, to catch a double booking. */
export async function roomBookings(db: Executor, practiceId: string, date: string, room: string): Promise<{ startTime: string | null; durationMinutes: number }[]> {
  const rows = await db
    .selectFrom('therapy_sessions as s')
    .innerJoin('cases as c', 'c.case_code', 's.case_code')
    .select(['s.start_time', 's.duration_minutes'])
    .where('c.practice_id', '=', practiceId)
    .where('s.attendance', '=', 'planned')
    .where('s.session_date', '=', date)
    .where('s.room', '=', room)
    .execute();
  return rows.map((r) => ({ startTime: r.start_time ?? null, durationMinutes: r.duration_minutes }));
}

export interface OpenCaseRow {
  clientId: string;
  caseCode: string;
  practitionerId: string | null;
  teamId: string | null;
  identityEnc: string;
}

/** The practice's open cases whose clients are not erased: whom a session can be booked for. */
export async function openCases(db: Executor, practiceId: string): Promise<OpenCaseRow[]> {
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('clients as cl', 'cl.id', 'c.client_id')
    .select(['c.client_id', 'c.case_code', 'c.practitioner_id', 'c.team_id', 'cl.identity_enc'])
    .where('c.practice_id', '=', practiceId)
    .where('c.status', '=', 'open')
    .where('cl.erased_at', 'is', null)
    .execute();
  return rows.filter((r) => r.identity_enc !== null).map((r) => ({
    clientId: r.client_id, caseCode: r.case_code, practitionerId: r.practitioner_id, teamId: r.team_id, identityEnc: r.identity_enc as string,
  }));
}

export async function teamNames(db: Executor, practiceId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('teams').select(['id', 'name']).where('practice_id', '=', practiceId).execute();
  return new Map(rows.map((t) => [t.id, t.name]));
}

export async function activeTeam(db: Executor, practiceId: string, teamId: string): Promise<boolean> {
  const t = await db.selectFrom('teams').select('id').where('id', '=', teamId).where('practice_id', '=', practiceId).where('archived_at', 'is', null).executeTakeFirst();
  return Boolean(t);
}

/** The team and the channel named on referral, set as the referral's case is opened. */
export async function setReferralDetails(db: Executor, caseCode: string, d: { teamId: string | null; preferredChannel: string | null }): Promise<void> {
  await db.updateTable('cases').set({ team_id: d.teamId, preferred_channel: d.preferredChannel }).where('case_code', '=', caseCode).execute();
}

export async function preferredChannel(db: Executor, caseCode: string): Promise<string | null> {
  const r = await db.selectFrom('cases').select('preferred_channel').where('case_code', '=', caseCode).executeTakeFirst();
  return r?.preferred_channel ?? null;
}

export async function diaryNames(db: Executor, practiceId: string): Promise<DiaryNames> {
  const r = await db.selectFrom('practices').select('diary_names').where('id', '=', practiceId).executeTakeFirst();
  return r?.diary_names === 'full' ? 'full' : 'short';
}

export async function setDiaryNames(db: Executor, practiceId: string, names: DiaryNames): Promise<void> {
  await db.updateTable('practices').set({ diary_names: names }).where('id', '=', practiceId).execute();
}
