import { invalidInput } from '../../core/errors.js';

/** How a client can tell the practice they withdraw a consent. */
export const WITHDRAWAL_WAYS = ['in_person', 'phone', 'email', 'letter', 'portal'] as const;
export type WithdrawalWay = (typeof WITHDRAWAL_WAYS)[number];

export const WITHDRAWAL_WAY_LABELS: Record<WithdrawalWay, string> = {
  in_person: 'in person', phone: 'by phone', email: 'by email', letter: 'by letter', portal: 'through the client portal',
};

export interface WithdrawalInput {
  via?: string;
  /** The day the client asked, 'YYYY-MM-DD'; today when not given. */
  askedOn?: string | null;
}

export interface Withdrawal {
  via: WithdrawalWay;
  askedOn: string;
}

/** The request as recorded: a known way, and a real day that is not in the future (in the practice's time zone). */
export function checkWithdrawal(input: WithdrawalInput, today: string): Withdrawal {
  if (!WITHDRAWAL_WAYS.includes(input.via as WithdrawalWay)) throw invalidInput('via', 'Say how the client asked to withdraw: in person, by phone, email, letter or the portal.');
  const askedOn = input.askedOn || today;
  const d = new Date(`${askedOn}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(askedOn) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== askedOn) throw invalidInput('askedOn', 'The day the client asked is not a real date.');
  if (askedOn > today) throw invalidInput('askedOn', 'The day the client asked cannot be in the future.');
  return { via: input.via as WithdrawalWay, askedOn };
}
