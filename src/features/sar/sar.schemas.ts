/**
 * What some subject access routes answer with, property by property: the web app's types are
 * generated from these, and the serialiser drops anything not listed here.
 */
import { arr, bool, int, nullable, obj, str, strEnum } from '../../http/schema.js';

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
