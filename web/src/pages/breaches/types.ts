/** Shapes from src/features/breaches/breaches.routes.ts, from the server's OpenAPI document. */
import type { ResponseOf } from '../../api/contract.js';

export type BreachSummary = ResponseOf<'/api/breaches', 'get'>[number];
export type BreachClock = BreachSummary['clocks'][number];
export type Breach = ResponseOf<'/api/breaches/{id}', 'get'>;
export type Drafts = ResponseOf<'/api/breaches/{id}/drafts', 'get'>;
export type Draft = Drafts['regulator'];

export const KIND_LABELS: Record<string, string> = {
  lost_device: 'Lost or stolen device',
  misdirected_message: 'Message sent to the wrong person',
  unauthorised_access: 'Access without a legitimate reason',
  ransomware: 'Ransomware or malicious software',
  paper: 'Paper records',
  other: 'Something else',
};

export const CATEGORY_LABELS: Record<string, string> = {
  identity: 'Names',
  contact_details: 'Contact details',
  date_of_birth: 'Dates of birth',
  session_dates: 'Session dates',
  progress_notes: 'Progress notes',
  process_notes: 'Process notes',
  documents: 'Letters and documents',
  health_information: 'Health information',
  safeguarding_information: 'Safeguarding information',
};

export const AUDIENCE_LABELS: Record<string, string> = { regulator: 'The regulator', individual: 'The people affected', hhs: 'HHS (the Secretary)', media: 'The media' };
export const STATE_LABELS: Record<string, string> = { done: 'Done', decided_not_to: 'Decided not to notify', running: 'Running', overdue: 'Overdue', not_required: 'Not required' };
export const OUTCOME_LABELS: Record<string, string> = {
  unlikely: 'Unlikely to result in a risk', risk: 'A risk to people', high_risk: 'A high risk to people', low_probability: 'Low probability of compromise', breach: 'A reportable breach',
};
export const CHANNEL_LABELS: Record<string, string> = { post: 'Letter by post', email: 'Email', phone: 'Phone call', sms: 'Text message', in_person: 'In person', portal: 'Client portal', online_form: "The regulator's online form" };


/** "69 hours left", "3 hours overdue". */
export function hoursWords(h: number): string {
  if (h >= 0) return `${h} ${h === 1 ? 'hour' : 'hours'} left`;
  const over = -h;
  return `${over} ${over === 1 ? 'hour' : 'hours'} overdue`;
}
