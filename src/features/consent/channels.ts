import { invalidInput } from '../../core/errors.js';
import type { Audience } from './templates.js';

/** Ways a practitioner may contact a client; each needs its own consent, with its risks stated. */
export const CHANNELS = ['email', 'sms', 'phone', 'video', 'post', 'voicemail'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  sms: 'Text message (SMS)',
  phone: 'Phone call',
  video: 'Video session',
  post: 'Letters by post',
  voicemail: 'Voicemail message',
};

const ADULT: Record<Channel, string> = {
  email: 'ordinary email is not end-to-end encrypted, may be kept by email providers, can go to the wrong address, and can be read by anyone who can open your inbox; we keep emails to arrangements, not to what we talk about in sessions',
  sms: 'text messages show on a locked screen, stay on the phone and with the phone company, and can be read by anyone who picks up or shares your phone; we use them for appointment times only',
  phone: 'someone near you may overhear the call, and call records show that we spoke; we will check it is you and a good time before we talk',
  video: 'we use a service that encrypts the call, but people in the room with you, a shared device or a weak connection can still expose what is said; we agree a plan for a dropped call at the start',
  post: 'letters can be opened by others at your address or misdelivered; we use a plain envelope with no practice name on the outside',
  voicemail: 'a message can be played by anyone with access to your phone or mailbox; we leave only a first name and a number, never the reason for the call',
};

const YOUNG: Record<Channel, string> = {
  email: 'other people who use your email could read it, so we only use email to sort out times',
  sms: 'texts pop up on your screen and stay on your phone, so anyone who picks it up could see them; we only text about times',
  phone: 'someone nearby might hear, so we will check it is a good moment first',
  video: 'people in the room or on a shared device could see or hear, so pick a private place',
  post: 'someone at home might open a letter, so we use a plain envelope',
  voicemail: 'anyone who can get into your phone could listen, so we just leave a name and number',
};

/** The risk statement a client reads before choosing a channel; its hash is stored with their choice. */
export function channelRisk(c: Channel, audience: Audience = 'adult'): string {
  return `${CHANNEL_LABELS[c]}: ${(audience === 'young' ? YOUNG : ADULT)[c]}.`;
}

export function checkChannelName(c: string): Channel {
  if (!CHANNELS.includes(c as Channel)) throw invalidInput('channel', `expected one of ${CHANNELS.join(', ')}`);
  return c as Channel;
}
