/**
 * Notification drafts in Sanctum's own words. Pure: facts in, editable text out. The regulator's
 * draft covers what UK GDPR Art. 33(3) asks for (nature, categories and numbers; a contact point;
 * likely consequences; measures taken or proposed); the client's letter says what happened, what
 * information, what was done, what they can do and whom to contact (Art. 34(2) asks for the same
 * in clear and plain language; HIPAA §164.404(c) for much the same in a notice to individuals).
 */
import type { Breach, DataCategory } from './breaches.js';
import { type DisplayZone, formatDateTime, formatInstantDate } from '../../core/datetime.js';

export interface DraftSection {
  heading: string;
  text: string;
}

export interface Draft {
  audience: 'regulator' | 'individual';
  title: string;
  sections: DraftSection[];
}

const CATEGORY_WORDS: Record<DataCategory, string> = {
  identity: 'names',
  contact_details: 'contact details',
  date_of_birth: 'dates of birth',
  session_dates: 'the dates of counselling sessions',
  progress_notes: 'counselling notes',
  process_notes: "the counsellor's private process notes",
  documents: 'letters and documents kept with the record',
  health_information: 'information about health',
  safeguarding_information: 'safeguarding information',
};

const KIND_WORDS: Record<string, string> = {
  lost_device: 'a device holding records was lost or stolen',
  misdirected_message: 'a message was sent to the wrong person',
  unauthorised_access: 'someone looked at records without a proper reason',
  ransomware: 'records were locked or taken by malicious software',
  paper: 'paper records went astray',
  other: 'an incident affected the security of records',
};

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
export interface PracticeContact {
  practiceName: string;
  contact: string;
  /** The practice's locale and time zone, for dates people read. */
  zone: DisplayZone;
}

/** The day an instant fell on in the practice's zone, as people write it: "28 November 2026". */
const day = (iso: string, who: PracticeContact) => formatInstantDate(iso, who.zone);

export function regulatorDraft(b: Breach & { clocks: { audience: string; state: string }[] }, who: PracticeContact): Draft {
  const categories = list(b.categories.map((c) => CATEGORY_WORDS[c]));
  const steps = b.containment.map((s) => `${formatDateTime(s.at, who.zone)}: ${s.text}`).join('\n') || 'None recorded yet.';
  const late = b.clocks.some((c) => c.audience === 'regulator' && c.state === 'overdue');
  return {
    audience: 'regulator',
    title: `${b.regime === 'hipaa' ? 'Breach report for HHS' : 'Personal data breach report'} ${b.reference}`,
    sections: [
      { heading: 'What happened', text: `${who.practiceName} reports that ${KIND_WORDS[b.kind]}. It happened on ${day(b.occurredAt, who)} and we became aware of it on ${day(b.discoveredAt, who)}.\n\n${b.summary}` },
      { heading: 'Whose information, and how much', text: `About ${b.affectedCount} ${b.affectedCount === 1 ? 'client' : 'clients'} of a counselling and psychotherapy service. The information involved: ${categories}. Each client's record is one record, so about ${b.affectedCount} records are concerned. Counselling records are special category (health) data.` },
      { heading: 'Who to contact for more information', text: who.contact },
      { heading: 'Likely consequences', text: b.assessment ? `Our assessment: likelihood ${b.assessment.likelihood}, severity ${b.assessment.severity}.\n\n${b.assessment.reasoning}` : 'The risk assessment is not yet complete; we will send it as soon as it is.' },
      { heading: 'What we have done and will do', text: steps },
      ...(late ? [{ heading: 'Reasons for the delay', text: 'This report is made more than 72 hours after we became aware of the breach. The reasons: [state them here].' }] : []),
    ],
  };
}

/** Shown where the client-facing account belongs until someone writes it; a letter is not produced while it stands. */
export const CLIENT_SUMMARY_MISSING = '[Say here, in plain words for the client, what happened. The register\'s own description is not copied into letters.]';

/**
 * The letter to a client. "What happened" comes from the client-facing summary, never from the
 * register's description, which is written for the practice and the regulator.
 */
export function clientDraft(b: Breach, who: PracticeContact, clientName: string, clientSummary: string | null = null): Draft {
  const categories = list(b.categories.map((c) => CATEGORY_WORDS[c]));
  const steps = b.containment.map((s) => `• ${s.text}`).join('\n') || '• We are investigating and will write again with what we have done.';
  return {
    audience: 'individual',
    title: 'About your counselling records',
    sections: [
      { heading: `Dear ${clientName}`, text: `We are writing to let you know about a problem with the security of your information held by ${who.practiceName}. We are sorry that this has happened.` },
      { heading: 'What happened', text: `On ${day(b.occurredAt, who)}, ${KIND_WORDS[b.kind]}. We found out on ${day(b.discoveredAt, who)}.\n\n${clientSummary?.trim() || CLIENT_SUMMARY_MISSING}` },
      { heading: 'What information was involved', text: `The information involved includes ${categories}.` },
      { heading: 'What we have done', text: steps },
      { heading: 'What you can do', text: 'Be cautious about unexpected messages or calls that mention your counselling, and do not share personal details with anyone you cannot verify. If you notice anything unusual, or you are worried, please tell us. You also have the right to complain to the data protection regulator.' },
      { heading: 'Who to contact', text: `${who.contact}\n\nPlease quote reference ${b.reference}.` },
    ],
  };
}

export const draftText = (d: Draft): string => [d.title, '', ...d.sections.flatMap((s) => [s.heading, s.text, ''])].join('\n');

/**
 * The editable text of a client letter: everything after the greeting, which is added per client
 * when each letter is produced. Sections are a heading line followed by their text, separated by
 * a blank line.
 */
export const letterBody = (d: Draft): string => [d.sections[0]?.text ?? '', ...d.sections.slice(1).map((s) => `${s.heading}\n${s.text}`)].join('\n\n');
