import { invalidInput } from '../../core/errors.js';

export const MODALITIES = ['in_person', 'video', 'phone', 'text'] as const;
export const ATTENDANCE = ['planned', 'attended', 'cancelled_by_client', 'cancelled_by_practitioner', 'did_not_attend'] as const;
/** Outcomes that can only be known once the day has come (a cancellation can be made ahead). */
export const OUTCOMES_ON_THE_DAY: readonly Attendance[] = ['attended', 'did_not_attend'];
export type Modality = (typeof MODALITIES)[number];
export type Attendance = (typeof ATTENDANCE)[number];

export interface TherapySession {
  id: string;
  caseCode: string;
  date: string;
  durationMinutes: number;
  modality: Modality;
  attendance: Attendance;
  /** HH:MM on the practice's clock; null when no time was set. */
  startTime: string | null;
  room: string | null;
  createdAt: string;
}

export interface NewSession {
  date: string;
  durationMinutes?: number;
  modality?: Modality;
  attendance?: Attendance;
  startTime?: string | null;
  room?: string | null;
}

export const ROOM_MAX = 80;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A start time written HH:MM (24-hour), or none. */
export function checkStartTime(t: string | null | undefined): string | null {
  if (t === undefined || t === null || t.trim() === '') return null;
  if (!TIME.test(t.trim())) throw invalidInput('startTime', 'The start time must be a time of day written HH:MM, for example 09:30 or 14:00.');
  return t.trim();
}

/** A room's name, or none. Names a place, never a person. */
export function checkRoom(r: string | null | undefined): string | null {
  const v = (r ?? '').trim().replace(/\s+/g, ' ');
  if (!v) return null;
  if (v.length > ROOM_MAX) throw invalidInput('room', `The room's name is too long (at most ${ROOM_MAX} characters).`);
  return v;
}

/**
 * `today` is the practice's own date (its time zone): a session later than that has not happened,
 * so it can be planned or cancelled but not yet marked attended or missed.
 */
export function checkSession(input: NewSession, today: string): Omit<TherapySession, 'id' | 'caseCode' | 'createdAt'> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || new Date(input.date + 'T00:00:00Z').toISOString().slice(0, 10) !== input.date) {
    throw invalidInput('date', 'The session date must be a real date written YYYY-MM-DD.');
  }
  const durationMinutes = input.durationMinutes ?? 50;
  if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > 600) throw invalidInput('durationMinutes', 'Duration must be 1–600 minutes.');
  const modality = input.modality ?? 'in_person';
  if (!MODALITIES.includes(modality)) throw invalidInput('modality', `expected one of ${MODALITIES.join(', ')}`);
  const attendance = checkAttendance(input.attendance ?? (input.date > today ? 'planned' : 'attended'), input.date, today);
  return { date: input.date, durationMinutes, modality, attendance, startTime: checkStartTime(input.startTime), room: checkRoom(input.room) };
}

export function checkAttendance(attendance: Attendance, date: string, today: string): Attendance {
  if (!ATTENDANCE.includes(attendance)) throw invalidInput('attendance', `expected one of ${ATTENDANCE.join(', ')}`);
  if (date > today && OUTCOMES_ON_THE_DAY.includes(attendance)) {
    throw invalidInput('attendance', 'This session is on a date still to come. Record it as planned; mark it attended or did not attend once the day has come.');
  }
  return attendance;
}

/** A session counts as having taken place only if the client attended and its date has come. */
export const tookPlace = (s: Pick<TherapySession, 'attendance' | 'date'>, today: string): boolean => s.attendance === 'attended' && s.date <= today;
