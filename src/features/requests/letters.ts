/**
 * Letters in the practice's own voice. Each is plain text built from a small set of facts; the
 * PDF is the same text laid out. The decline and the request for a proper instrument are built
 * WITHOUT any client facts at all — not the name, not the case code, not even the words of the
 * request (which may name someone) — so they can never confirm that a person is a client.
 */
import type { Authority, Basis } from '../triage/triage.js';

export const LETTER_KINDS = ['decline', 'request_instrument', 'covering', 'report_template'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_TITLES: Record<LetterKind, string> = {
  decline: 'Reply declining the request',
  request_instrument: 'Request for the proper legal instrument',
  covering: 'Covering letter for a disclosure',
  report_template: 'Report in place of records (template)',
};

/** Facts every letter may use: about the practice and the requester, never the client. */
export interface LetterFacts {
  practiceName: string;
  signatory: string;
  today: string;
  reference: string;
  receivedOn: string;
  jurisdiction: string;
  recipient: { name: string; organisation: string; role: string };
}

/** Extra facts for the letters that go with a disclosure the practitioner has decided on. */
export interface DisclosureFacts {
  authority: Authority;
  basis: Basis;
  scope: string;
}

export interface Letter {
  kind: LetterKind;
  title: string;
  text: string;
}

const longDate = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function salutation(f: LetterFacts): string {
  return f.recipient.name ? `Dear ${f.recipient.name},` : 'Dear Sir or Madam,';
}

function addressBlock(f: LetterFacts): string {
  return [f.recipient.name, f.recipient.role, f.recipient.organisation].filter(Boolean).join('\n');
}

function frame(f: LetterFacts, body: string[]): string {
  return [f.practiceName, longDate(f.today), '', addressBlock(f), '', `Our reference: ${f.reference}`, '', salutation(f), '', ...body.flatMap((p) => [p, '']), 'Yours sincerely,', '', f.signatory, f.practiceName].join('\n').replace(/\n{3,}/g, '\n\n');
}

/** What counts as a proper instrument where the practice works, in plain words. */
export function instrumentWords(jurisdiction: string): string {
  if (jurisdiction.startsWith('US-')) {
    return 'a court order; or a subpoena or other lawful process accompanied by the written assurances the HIPAA Privacy Rule requires (45 CFR 164.512(e)); or an authorization signed by the person the information is about that meets 45 CFR 164.508';
  }
  if (jurisdiction === 'GB-SCT') return 'an order of a court (for example, a specification granted for recovery of documents); or the written, informed authority of the person the information is about';
  if (jurisdiction === 'GB-NIR') return 'an order of a court, or a production order made by a judge under the Police and Criminal Evidence (Northern Ireland) Order 1989; or the written, informed authority of the person the information is about';
  return 'an order of a court or a witness summons; for the police, a production order made by a judge under Schedule 1 to the Police and Criminal Evidence Act 1984; or the written, informed authority of the person the information is about';
}

export function declineLetter(f: LetterFacts): Letter {
  return {
    kind: 'decline',
    title: LETTER_TITLES.decline,
    text: frame(f, [
      `Thank you for your message of ${longDate(f.receivedOn)}.`,
      'Everyone who comes to this practice does so on the understanding that what passes between us stays between us. For that reason I do not discuss casework, pass on invitations, or say whether any particular person is or has been seen here. Please do not read anything into this reply about any individual: it is the reply I give to every request of this kind.',
      'I am sorry not to be able to help with this. If there is another way I can assist that does not involve anyone who uses the practice, I would be glad to hear from you.',
    ]),
  };
}

export function instrumentLetter(f: LetterFacts): Letter {
  return {
    kind: 'request_instrument',
    title: LETTER_TITLES.request_instrument,
    text: frame(f, [
      `Thank you for your request of ${longDate(f.receivedOn)}.`,
      'Information given in counselling is held in confidence. This reply neither confirms nor denies that the practice holds any information about any person, and nothing can be released on the strength of a request alone.',
      `I will consider a request again when it comes with the proper legal instrument, which means ${instrumentWords(f.jurisdiction)}. Please send a copy of the instrument itself, with the name and contact details of the person responsible for it, so that I can check it is genuine and exactly what it covers.`,
      'Anything released in response would be limited to what the instrument requires.',
    ]),
  };
}

const AUTHORITY_WORDS: Record<Authority, string> = {
  none: 'your request',
  client_authority: 'the written authority you sent',
  court_order: 'the court order you sent',
  subpoena: 'the subpoena or witness summons you sent',
  warrant: 'the warrant you produced',
  statutory_notice: 'the statutory notice you sent',
};

export function coveringLetter(f: LetterFacts, d: DisclosureFacts): Letter {
  return {
    kind: 'covering',
    title: LETTER_TITLES.covering,
    text: frame(f, [
      `I enclose information in response to ${AUTHORITY_WORDS[d.authority]} (received ${longDate(f.receivedOn)}).`,
      d.scope ? `What is enclosed: ${d.scope}` : 'What is enclosed is limited to what was asked for and no more.',
      'The enclosed pack is confidential. Each page is marked with the recipient, the purpose and the date of this disclosure. It is provided for that purpose only: please do not copy it, pass it on or use it for anything else, keep it securely, and destroy it when it is no longer needed for that purpose.',
      'Counselling records are written for the work of counselling and can be misread out of context. If you need an explanation of anything in them, please ask me rather than draw conclusions from them.',
    ]),
  };
}

export function reportTemplate(f: LetterFacts): Letter {
  return {
    kind: 'report_template',
    title: LETTER_TITLES.report_template,
    text: frame(f, [
      'Report in response to your request (a report is provided instead of the records themselves).',
      '1. Who asked for this report, when, and the question it answers\n[State the instruction or authority and the exact question.]',
      '2. My role and the basis of my involvement\n[Qualifications and the capacity in which you saw the person.]',
      '3. Contact\n[Dates of first and last contact and the number of sessions attended. Nothing more unless the question needs it.]',
      '4. What I can say in answer to the question\n[Keep to facts you observed and the question asked. Distinguish what you observed from what you were told.]',
      '5. What this report does not cover\n[Say plainly what is outside the question or your knowledge.]',
      '6. Consent\n[Record that the person has seen this report and agreed to its release, or the legal basis for releasing it without their agreement.]',
    ]),
  };
}
