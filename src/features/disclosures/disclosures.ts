/**
 * Disclosures: what went to whom, when, why and on what legal basis. A disclosure pack holds
 * exactly the notes and extracts the practitioner chose; process notes only when chosen with a
 * stated reason. The accounting lists disclosures per client over any period (six years back by
 * default, as HIPAA's accounting of disclosures asks).
 */
import { invalidInput } from '../../core/errors.js';
import { anniversary, isCivilDate } from '../deadlines/civil-date.js';
import type { Basis, Consent } from '../triage/triage.js';
import { checkText } from '../requests/requests.js';

export interface Extract {
  title: string;
  text: string;
}

export interface PackInput {
  noteIds?: string[];
  /** Required for each process note chosen: why it must go. */
  processReasons?: Record<string, string>;
  extracts?: Extract[];
  purpose: string;
  /** Defaults to the requester's name and organisation. */
  recipient?: string;
}

export interface PackSelection {
  noteIds: string[];
  processReasons: Record<string, string>;
  extracts: Extract[];
  purpose: string;
  recipient: string | null;
}

export function checkPackInput(input: PackInput): PackSelection {
  const noteIds = [...new Set((input.noteIds ?? []).map((id, i) => checkText(id, `noteIds[${i}]`, { required: true, max: 100 })))];
  const extracts = (input.extracts ?? []).map((e, i) => ({
    title: checkText(e?.title, `extracts[${i}].title`, { required: true, max: 200 }),
    text: checkText(e?.text, `extracts[${i}].text`, { required: true, max: 100_000 }),
  }));
  if (noteIds.length === 0 && extracts.length === 0) throw invalidInput('noteIds', 'Choose at least one note or write an extract: a pack is never empty.');
  if (noteIds.length > 200) throw invalidInput('noteIds', 'at most 200 notes in one pack');
  const processReasons: Record<string, string> = {};
  for (const [id, why] of Object.entries(input.processReasons ?? {})) {
    if (!noteIds.includes(id)) throw invalidInput('processReasons', 'A reason was given for a note that is not chosen.');
    const reason = checkText(why, `processReasons.${id}`, { max: 2000 });
    if (reason) processReasons[id] = reason;
  }
  const recipient = input.recipient === undefined ? null : checkText(input.recipient, 'recipient', { required: true, max: 300 });
  return { noteIds, processReasons, extracts, purpose: checkText(input.purpose, 'purpose', { required: true, max: 500 }), recipient };
}

/** What the accounting shows for each disclosure (and the pack records, encrypted). */
export interface DisclosureRecordContent {
  recipient: string;
  what: string;
  purpose: string;
  legalBasis: string;
  selection: { noteIds: string[]; processReasons: Record<string, string>; extractTitles: string[] };
}

export interface DisclosureEntry {
  id: string;
  requestId: string;
  disclosedOn: string;
  kind: 'pack';
  recipient: string;
  what: string;
  purpose: string;
  /** The legal basis in plain words (with the citations relied on). */
  basis: string;
  legalBasis: string;
  basisCode: Basis;
  noteCount: number;
  pdfSha256: string | null;
  restricted: boolean;
  /** The decision behind it was signed off against the triage advice (the practice's own view only). */
  contraryToAdvice?: boolean;
}

const BASIS_WORDS: Record<Basis, string> = {
  required_by_law: 'Required by law',
  permitted: 'Permitted without consent in the public interest, or authorised by the client',
  consent_needed: "With the client's consent",
  no_basis: 'No basis identified',
  subject_access: "The client's own information (subject access)",
};

export function basisWords(basis: Basis, consent: Consent): string {
  if (basis === 'consent_needed' && consent !== 'given') return "Only with the client's consent (not recorded as given)";
  return BASIS_WORDS[basis];
}

export function legalBasisText(basis: Basis, consent: Consent, sources: string[]): string {
  const head = basisWords(basis, consent);
  return sources.length ? `${head}. ${[...new Set(sources)].join('; ')}` : head;
}

export interface Period {
  from: string;
  to: string;
}

/** Any period; by default the six years up to and including today. */
export function checkPeriod(from: string | undefined, to: string | undefined, today: string): Period {
  const end = to ?? today;
  if (!isCivilDate(end)) throw invalidInput('to', 'expected a real date written YYYY-MM-DD');
  const start = from ?? anniversary(end, -6);
  if (!isCivilDate(start)) throw invalidInput('from', 'expected a real date written YYYY-MM-DD');
  if (start > end) throw invalidInput('from', 'The period starts after it ends.');
  return { from: start, to: end };
}
