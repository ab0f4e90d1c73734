import type { Principal } from '../../core/access.js';
import { recordRead } from '../../audit/audit.service.js';
import { entriesFor } from '../../audit/audit.repository.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import type { ClientRecord } from '../clients/clients.js';
import { decryptIdentity } from '../clients/clients.service.js';
import type { Note } from '../notes/notes.js';
import { readNotes } from '../notes/notes.service.js';
import { clientKeys } from '../vault/vault.service.js';

export interface OpenedRecord {
  client: ClientRecord;
  notes: Note[];
}

/** Open a client's record: identity and the latest notes, decrypted, with one audit entry. */
export async function openRecord(ctx: AppContext, principal: Principal, clientId: string, purpose = 'care', noteLimit = 20): Promise<OpenedRecord> {
  const c = await requireCase(ctx, principal, clientId, 'case.read_clinical');
  // Both wrapped keys in one lookup each time, so a destroyed key takes effect at once.
  const keys = await clientKeys(ctx, ctx.db.kysely, c.clientId);
  const identity = await decryptIdentity(ctx, c, keys.identity);
  const notes = await readNotes(ctx, c, noteLimit, undefined, keys.clinical);
  recordRead(ctx, actorOf(principal), { action: 'record.open', targetType: 'client', targetId: clientId, caseCode: c.caseCode, purpose, details: { notes: notes.length } });
  return {
    client: { id: c.clientId, caseCode: c.caseCode, status: c.status, openedAt: c.openedAt, closedAt: c.closedAt, practitionerId: c.practitionerId, identity },
    notes,
  };
}

export interface AccessEvent {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  purpose: string | null;
  outcome: string;
}

/** Who touched this client's record, newest first. Viewing it is itself an access. */
export async function accessHistory(ctx: AppContext, principal: Principal, clientId: string, limit = 200): Promise<AccessEvent[]> {
  const c = await requireCase(ctx, principal, clientId, 'case.read_access_log');
  await ctx.audit.flush();
  const rows = await entriesFor(ctx.db.kysely, { caseCode: c.caseCode, targetId: clientId, limit });
  recordRead(ctx, actorOf(principal), { action: 'access_log.read', targetType: 'client', targetId: clientId, caseCode: c.caseCode });
  return rows.map((r) => ({ seq: r.seq, at: r.at, actorId: r.actorId, action: r.action, purpose: r.purpose, outcome: r.outcome }));
}
