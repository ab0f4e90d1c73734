import { invalidInput } from '../../core/errors.js';

export const MODALITIES = ['in_person', 'video', 'phone', 'text'] as const;
export const ATTENDANCE = ['attended', 'cancelled_by_client', 'cancelled_by_practitioner', 'did_not_attend'] as const;
export type Modality = (typeof MODALITIES)[number];
export type Attendance = (typeof ATTENDANCE)[number];

export interface TherapySession {
  id: string;
  caseCode: string;
  date: string;
  durationMinutes: number;
  modality: Modality;
  attendance: Attendance;
  createdAt: string;
}

export interface NewSession {
  date: string;
  durationMinutes?: number;
  modality?: Modality;
  attendance?: Attendance;
}

export function checkSession(input: NewSession): Required<NewSession> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || new Date(input.date + 'T00:00:00Z').toISOString().slice(0, 10) !== input.date) {
    throw invalidInput('date', 'The session date must be a real date written YYYY-MM-DD.');
  }
  const durationMinutes = input.durationMinutes ?? 50;
  if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > 600) throw invalidInput('durationMinutes', 'Duration must be 1–600 minutes.');
  const modality = input.modality ?? 'in_person';
  if (!MODALITIES.includes(modality)) throw invalidInput('modality', `expected one of ${MODALITIES.join(', ')}`);
  const attendance = input.attendance ?? 'attended';
  if (!ATTENDANCE.includes(attendance)) throw invalidInput('attendance', `expected one of ${ATTENDANCE.join(', ')}`);
  return { date: input.date, durationMinutes, modality, attendance };
}
