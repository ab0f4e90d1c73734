import type { Executor } from '../../db/tx.js';
import type { TherapySession } from './sessions.js';

export async function insertSession(db: Executor, s: TherapySession & { createdBy: string }): Promise<void> {
  await db
    .insertInto('therapy_sessions')
    .values({ id: s.id, case_code: s.caseCode, session_date: s.date, duration_minutes: s.durationMinutes, modality: s.modality, attendance: s.attendance, start_time: s.startTime, room: s.room, created_by: s.createdBy, created_at: s.createdAt })
    .execute();
}

export async function sessionsForCase(db: Executor, caseCode: string): Promise<TherapySession[]> {
  const rows = await db.selectFrom('therapy_sessions').selectAll().where('case_code', '=', caseCode).orderBy('session_date', 'desc').orderBy('start_time', 'desc').execute();
  return rows.map((r) => ({
    id: r.id, caseCode: r.case_code, date: r.session_date, durationMinutes: r.duration_minutes,
    modality: r.modality as TherapySession['modality'], attendance: r.attendance as TherapySession['attendance'],
    startTime: r.start_time ?? null, room: r.room ?? null, createdAt: r.created_at,
  }));
}

export async function updateAttendance(db: Executor, caseCode: string, id: string, attendance: TherapySession['attendance']): Promise<void> {
  await db.updateTable('therapy_sessions').set({ attendance }).where('id', '=', id).where('case_code', '=', caseCode).execute();
}

/**
 * The last date the client was seen or in contact: retention runs from here. A session still to
 * come (planned, or dated after `today`) is not contact, so it cannot push the date forward.
 */
export async function lastContact(db: Executor, caseCode: string, today?: string): Promise<string | null> {
  let q = db.selectFrom('therapy_sessions').select((eb) => eb.fn.max('session_date').as('last')).where('case_code', '=', caseCode).where('attendance', '!=', 'planned');
  if (today) q = q.where('session_date', '<=', today);
  const r = await q.executeTakeFirst();
  return (r?.last as string | null | undefined) ?? null;
}
