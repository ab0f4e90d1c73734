/** Shapes returned by the consent routes (src/features/consent/*.routes.ts), from the server's OpenAPI document. */
import type { ResponseOf } from '../../api/contract.js';

export type Channel = ConsentStatus['allowedChannels'][number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email', sms: 'Text message (SMS)', phone: 'Phone call', video: 'Video session', post: 'Letters by post', voicemail: 'Voicemail message',
};
export const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];
export const SETTINGS: Record<string, string> = { private: 'Private practice', organisation: 'Organisation or multi-disciplinary team', school: 'School or college', couple_family: 'Couple and family work' };
export const WHAT: Record<string, string> = {
  confirm_client: 'Confirmation that they are a client', attendance: 'Dates of attendance', report: 'A written report', records: 'Copies of records', discuss_case: 'A conversation about the work', psychotherapy_notes: 'Process (psychotherapy) notes',
};

/** What a signing link opens: the agreement laid out in blocks. */
export type SigningView = ResponseOf<'/api/sign/{token}', 'get'>;
export type Block = SigningView['blocks'][number];
export type Inline = Extract<Block, { kind: 'paragraph' }>['inline'][number];

export type ConsentStatus = ResponseOf<'/api/clients/{id}/consent', 'get'>;
/** The client's current agreement, with its exact text. */
export type Agreement = NonNullable<ConsentStatus['agreement']>;
export type ConsentRecord = ConsentStatus['consents'][number];
export type ContractWarning = ConsentStatus['warnings'][number];

export const consentPath = (clientId: string, rest = '') => `/api/clients/${encodeURIComponent(clientId)}/consent${rest}`;

/** How a client can ask to withdraw a consent (the server's WITHDRAWAL_WAYS). */
export const WITHDRAWAL_WAYS: { value: string; label: string }[] = [
  { value: 'in_person', label: 'In person' },
  { value: 'phone', label: 'By phone' },
  { value: 'email', label: 'By email' },
  { value: 'letter', label: 'By letter' },
  { value: 'portal', label: 'Through the client portal' },
];
