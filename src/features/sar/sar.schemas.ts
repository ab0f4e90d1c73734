/**
 * What some subject access routes answer with, property by property: the web app's types are
 * generated from these, and the serialiser drops anything not listed here.
 */
import { arr, bool, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { PROCESS_NOTE_CHOICES, REQUEST_STATUSES, RIGHTS, VERIFICATION_METHODS } from './sar.js';

const orNull = (s: Record<string, unknown>) => ({ ...s, type: ['object', 'null'] });

export const exportStatusSchema = obj({
  id: str(), requestId: str(), status: strEnum(['queued', 'running', 'ready', 'failed']), stage: str(), done: int(), total: int(), percent: int(),
  sizeBytes: nullable(int()), sha256: nullable(str()), withheld: int(),
  /** Why it failed, in plain words. */
  message: nullable(str()),
  createdAt: str(), finishedAt: nullable(str()),
});

export const sarRetentionSchema = obj({ policy: nullable(str()), lastContact: nullable(str()), retainUntil: nullable(str()), retentionApplies: bool() });

export const sarPreviewSchema = obj({
  identity: bool(), sessions: int(), jointSessions: int(), progressNotes: int(), processNotes: int(), processNotesExcluded: int(), addenda: int(),
  documents: int(), consents: int(), disclosures: int(), accessLogEntries: int(),
  redactions: obj({ proposed: int(), accepted: int(), rejected: int() }),
  withheld: arr(obj({ what: str(), ground: str() })),
});

/** One row of the request register: ids and dates only. */
export const sarSummarySchema = obj({
  id: str(), caseCode: str(), clientId: str(), right: str(), regime: str(), status: str(), receivedOn: str(), dueOn: str(), openable: bool(),
});

export const sarRequestSchema = obj({
  id: str(), caseCode: str(), clientId: str(), right: strEnum(RIGHTS), regime: strEnum(['uk-gdpr', 'hipaa']), jurisdiction: str(),
  receivedOn: str(), clockStartOn: str(), dueOn: str(), extendedDueOn: str(), extended: bool(), extensionToldOn: nullable(str()),
  extensionReason: nullable(str()), currentDueOn: str(), status: strEnum(REQUEST_STATUSES),
  verification: orNull(obj({ method: strEnum(VERIFICATION_METHODS), on: str(), by: str(), note: nullable(str()) })),
  feeCents: int(), feeReason: nullable(str()),
  message: orNull(obj({ text: str(), cues: arr(str()) })),
  detected: orNull(obj({ right: str(), confidence: { type: 'number' } })),
  processNotes: strEnum(PROCESS_NOTE_CHOICES), exemption: nullable(str()),
  outcome: orNull(obj({ decision: str(), reasons: str(), effect: str(), retainUntil: nullable(str()), complaintRoute: str() }, ['retainUntil', 'complaintRoute'])),
  delivery: orNull(obj({ channel: str(), on: str() })),
  createdAt: str(), closedAt: nullable(str()),
});

/** Which right a pasted message exercises ('none' below the threshold), with the words that show it. */
export const detectionSchema = obj({ right: strEnum([...RIGHTS, 'none']), confidence: { type: 'number' }, cues: arr(str()), also: arr(strEnum(RIGHTS)) });

const redaction = obj({
  id: str(), sourceType: str(), sourceId: str(), start: int(), end: int(), kind: str(), ground: str(), origin: strEnum(['auto', 'manual']),
  status: strEnum(['proposed', 'accepted', 'rejected']), excerpt: str(), decidedBy: nullable(str()), decidedAt: nullable(str()),
});
export const redactionReviewSchema = obj({ sources: arr(obj({ type: str(), id: str(), label: str(), text: str(), redactions: arr(redaction) })) });
