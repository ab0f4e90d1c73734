/**
 * The diary reception works from: planned sessions with their time, room and practitioner, the
 * client named as the practice chooses (first name and initial unless it says otherwise), and
 * only the contact details the client has agreed to be reached by. No clinical field, ever.
 */
import { invalidInput } from '../../core/errors.js';
import { CHANNEL_LABELS, type Channel } from '../consent/channels.js';
import type { ClientIdentity } from '../clients/clients.js';
import type { Modality } from '../sessions/sessions.js';

export const DIARY_MAX_DAYS = 31;
export const DIARY_NAMES = ['short', 'full'] as const;
export type DiaryNames = (typeof DIARY_NAMES)[number];

export interface DiaryEntry {
  id: string;
  clientId: string;
  clientName: string;
  date: string;
  startTime: string | null;
  durationMinutes: number;
  room: string | null;
  modality: Modality;
  practitionerName: string | null;
}

export interface DiaryClient {
  id: string;
  name: string;
  practitionerName: string | null;
  teamName: string | null;
}

export interface ContactChannel {
  channel: Channel;
  label: string;
  /** The address or number to use; null when the client agreed to the channel but none is on file. */
  value: string | null;
}

export interface ArrangingContact {
  clientId: string;
  name: string;
  channels: ContactChannel[];
  /** The channel named on referral, only while the client has agreed to it. */
  preferredChannel: Channel | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (d: string) => DAY.test(d) && new Date(d + 'T00:00:00Z').toISOString().slice(0, 10) === d;

/** A span of days to show: both ends real dates, in order, at most a month. */
export function checkRange(from: string, to: string): { from: string; to: string } {
  if (!realDate(from)) throw invalidInput('from', 'The first day must be a real date written YYYY-MM-DD.');
  if (!realDate(to)) throw invalidInput('to', 'The last day must be a real date written YYYY-MM-DD.');
  if (to < from) throw invalidInput('to', 'The last day comes before the first day.');
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > DIARY_MAX_DAYS) throw invalidInput('to', `The diary shows at most ${DIARY_MAX_DAYS} days at a time.`);
  return { from, to };
}

/** "Marguerite Okafor" → "Marguerite O."; a single name stays as it is. */
export function shortName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return parts[0] ?? '';
  return `${parts[0]} ${parts[parts.length - 1].charAt(0).toUpperCase()}.`;
}

export const diaryName = (name: string, names: DiaryNames): string => (names === 'full' ? name.trim() : shortName(name));

/**
 * The channels used to arrange sessions, each with the detail it needs. Video is how a session
 * is held, not how one is arranged, so it is not offered here.
 */
const DETAIL: Partial<Record<Channel, keyof ClientIdentity>> = { email: 'email', sms: 'phone', phone: 'phone', voicemail: 'phone', post: 'address' };

export function arrangingChannels(allowed: readonly Channel[], identity: ClientIdentity): ContactChannel[] {
  return allowed.flatMap((channel) => {
    const field = DETAIL[channel];
    return field ? [{ channel, label: CHANNEL_LABELS[channel], value: identity[field] ?? null }] : [];
  });
}
