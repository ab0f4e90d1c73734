/** Shapes returned by the consent routes (src/features/consent/*.routes.ts). */
export type Channel = 'email' | 'sms' | 'phone' | 'video' | 'post' | 'voicemail';
export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email', sms: 'Text message (SMS)', phone: 'Phone call', video: 'Video session', post: 'Letters by post', voicemail: 'Voicemail message',
};
export const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];
export const SETTINGS: Record<string, string> = { private: 'Private practice', organisation: 'Organisation or multi-disciplinary team', school: 'School or college', couple_family: 'Couple and family work' };
export const WHAT: Record<string, string> = {
  confirm_client: 'Confirmation that they are a client', attendance: 'Dates of attendance', report: 'A written report', records: 'Copies of records', discuss_case: 'A conversation about the work', psychotherapy_notes: 'Process (psychotherapy) notes',
};

export type Inline = { text: string; bold?: boolean };
export type Block = { kind: 'heading'; level: 1 | 2 | 3; text: string } | { kind: 'paragraph'; inline: Inline[] } | { kind: 'list'; items: Inline[][] };

export interface Agreement {
  id: string;
  templateKey: string;
  version: number;
  title: string;
  templateHash: string;
  documentHash: string;
  status: 'awaiting_signature' | 'signed' | 'void';
  fields: { practiceName: string; supervisorArrangement: string; channels: Channel[]; retentionPeriod: string };
  createdAt: string;
  signedAt: string | null;
  signedVia: 'in_person' | 'link' | null;
  withoutCapacity: boolean;
  signature: { method: string; signer: string; name: string; signedAt: string } | null;
  text?: string;
}

export interface ConsentRecord {
  id: string;
  kind: 'records' | 'supervision' | 'channel' | 'disclosure';
  channel: Channel | null;
  what: string | null;
  recipient: string | null;
  purpose: string | null;
  given: boolean;
  expiresOn: string | null;
  source: string;
  withoutCapacity: boolean;
  recordedAt: string;
  withdrawnAt: string | null;
  withdrawnVia: string | null;
  withdrawalAskedOn: string | null;
  state: 'active' | 'refused' | 'withdrawn' | 'expired' | 'superseded';
}

export interface ContractWarning {
  code: string;
  severity: 'warn' | 'info';
  message: string;
  action?: string;
}

export interface ConsentStatus {
  jurisdiction: string;
  audience: 'adult' | 'young';
  agreement: (Agreement & { text: string }) | null;
  links: { id: string; agreementId: string; expiresAt: string; usedAt: string | null }[];
  consents: ConsentRecord[];
  allowedChannels: Channel[];
  channelRisks: Record<Channel, string>;
  capacity: { id: string; hasCapacity: boolean; reasons: string; assessedAt: string }[];
  youngPerson: {
    applies: boolean;
    age: number | null;
    frameworks: { id: string; label: string; source: string }[];
    competenceExpected: boolean;
    competence: { id: string; label: string; competent: boolean; reasons: string; age: number; assessedAt: string }[];
    parents: { id: string; name: string; relationship: string; phone?: string; email?: string; address?: string; recordedAt: string; endedAt: string | null }[];
  };
  warnings: ContractWarning[];
}

export const consentPath = (clientId: string, rest = '') => `/api/clients/${encodeURIComponent(clientId)}/consent${rest}`;

/** How a client can ask to withdraw a consent (the server's WITHDRAWAL_WAYS). */
export const WITHDRAWAL_WAYS: { value: string; label: string }[] = [
  { value: 'in_person', label: 'In person' },
  { value: 'phone', label: 'By phone' },
  { value: 'email', label: 'By email' },
  { value: 'letter', label: 'By letter' },
  { value: 'portal', label: 'Through the client portal' },
];
