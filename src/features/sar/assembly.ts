/**
 * Gathering everything a subject access export holds for one client: identity, sessions, notes
 * (with the process-notes rule of the regime), letters, consents, disclosures (never restricted
 * ones) and the access log. Unredacted: redaction is applied afterwards from recorded decisions.
 */
import type { AppContext } from '../../context.js';
import { describeAuditEntry } from '../../audit/audit.describe.js';
import { entriesFor } from '../../audit/audit.repository.js';
import { type DisplayZone, displayZoneFor } from '../../core/datetime.js';
import type { CaseRow } from '../clients/clients.repository.js';
import type { ClientIdentity } from '../clients/clients.js';
import { decryptIdentity } from '../clients/clients.service.js';
import type { Note } from '../notes/notes.js';
import { readNotes } from '../notes/notes.service.js';
import { type TherapySession } from '../sessions/sessions.js';
import { sessionsForCase } from '../sessions/sessions.repository.js';
import { getPractice } from '../practice/practice.service.js';
import { civilDateIn } from '../deadlines/civil-date.js';
import * as repo from './assembly.repository.js';
import { type RecordDocument, readDocuments } from './documents.js';
import { type ExportConsent, type ExportDisclosure, type WithheldRestriction, consentsFor, disclosuresFor } from './seams.js';
import { type SarRequest, includeProcessNotes } from './sar.js';

export interface AccessLogLine {
  at: string;
  who: string;
  action: string;
  /** The action in plain words, with its purpose and any refusal: what people read. */
  description: string;
  purpose: string | null;
  outcome: string;
}

export interface Assembly {
  request: SarRequest;
  practice: { name: string; jurisdiction: string; zone: DisplayZone };
  client: { id: string; caseCode: string; openedAt: string; closedAt: string | null; identity: ClientIdentity };
  sessions: (TherapySession & { jointWith: number })[];
  notes: Note[];
  excludedProcessNotes: number;
  documents: RecordDocument[];
  consents: { items: ExportConsent[] };
  disclosures: { items: ExportDisclosure[] };
  /** For the practitioner's preview only: what a standing "do not inform" restriction keeps out. */
  restrictions: WithheldRestriction[];
  accessLog: AccessLogLine[];
  /** Other clients who shared sessions with this one (ids), and staff of the practice. */
  participants: { clientId: string; sessionId: string; role: string }[];
  staff: { id: string; name: string }[];
}

/** Who did it, in words: the client themselves when they signed through a link. */
function whoDid(actorId: string | null, names: Map<string, string>): string {
  if (actorId === 'cli') return 'Practice administrator (command line)';
  if (!actorId || actorId === 'system') return 'Sanctum (automatically)';
  if (actorId.startsWith('link:')) return 'You, through a signing link';
  return names.get(actorId) ?? 'A member of staff';
}

const RESTRICTABLE = /^(?:request|disclosure|info_request)\./;

export async function assemble(ctx: AppContext, request: SarRequest, c: CaseRow): Promise<Assembly> {
  const practice = await getPractice(ctx);
  const identity = await decryptIdentity(ctx, c);
  const db = ctx.db.kysely;
  const participants = (await repo.participantsForCase(db, c.caseCode)).map((p) => ({ clientId: p.client_id, sessionId: p.session_id, role: p.role }));
  const sessions = (await sessionsForCase(db, c.caseCode)).sort((a, b) => a.date.localeCompare(b.date))
    .map((s) => ({ ...s, jointWith: participants.filter((p) => p.sessionId === s.id).length }));
  const allNotes = (await readNotes(ctx, c, 1_000_000)).reverse();
  const withProcess = includeProcessNotes(request.regime, request.processNotes, request.exemption);
  const notes = withProcess ? allNotes : allNotes.filter((n) => n.kind !== 'process');
  const disclosures = await disclosuresFor(ctx, c.clientId);
  const staff = await repo.staffNames(db, c.practiceId);
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const log = await entriesFor(db, { caseCode: c.caseCode, targetId: c.clientId, limit: 100_000 });
  const accessLog = log
    .filter((e) => !(e.targetId && disclosures.restrictedIds.has(e.targetId)))
    .filter((e) => disclosures.restrictedIds.size === 0 || !RESTRICTABLE.test(e.action))
    .reverse()
    .map((e) => ({ at: e.at, who: whoDid(e.actorId, names), action: e.action, description: describeAuditEntry(e), purpose: e.purpose, outcome: e.outcome }));
  const jurisdiction = practice?.jurisdiction ?? request.jurisdiction;
  return {
    request,
    practice: { name: practice?.name ?? '', jurisdiction, zone: displayZoneFor({ jurisdiction, timeZone: practice?.timeZone ?? 'Europe/London' }) },
    client: { id: c.clientId, caseCode: c.caseCode, openedAt: c.openedAt, closedAt: c.closedAt, identity },
    sessions,
    notes,
    excludedProcessNotes: allNotes.length - notes.length,
    documents: await readDocuments(ctx, c),
    consents: await consentsFor(ctx, c, civilDateIn(ctx.clock.now(), practice?.timeZone ?? 'Europe/London')),
    disclosures: { items: disclosures.items },
    restrictions: disclosures.restrictions,
    accessLog,
    participants,
    staff,
  };
}
