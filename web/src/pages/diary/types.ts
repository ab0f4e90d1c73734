import type { ResponseOf } from '../../api/contract.js';

export type DiaryEntry = ResponseOf<'/api/diary', 'get'>[number];
export type DiaryClient = ResponseOf<'/api/diary/clients', 'get'>[number];
export type ArrangingContact = ResponseOf<'/api/diary/clients/{id}/contact', 'get'>;
export type Team = ResponseOf<'/api/teams', 'get'>[number];

export const MODALITY_LABELS: Record<DiaryEntry['modality'], string> = { in_person: 'In person', video: 'Video', phone: 'Phone', text: 'Text' };

/** Days as 'YYYY-MM-DD', counted in whole days (the calendar, not a clock). */
export function addDays(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday on or before a day. */
export function weekStart(day: string): string {
  const dow = new Date(day + 'T00:00:00Z').getUTCDay(); // 0 Sunday
  return addDays(day, -((dow + 6) % 7));
}
