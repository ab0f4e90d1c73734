/** Rows to domain objects and back; the only place request ciphertext is opened or made. */
import type { RecordRef } from '../../crypto/envelope.js';
import type { Executor } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import type { SarRegime } from '../deadlines/deadlines.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { clientKey } from '../vault/vault.service.js';
import type { RequestRow } from './sar.repository.js';
import type { ProcessNoteChoice, RequestStatus, RightKind, RightOutcome, SarRequest, VerificationMethod } from './sar.js';

export type RequestField = 'message' | 'extension_reason' | 'verification_note' | 'exemption' | 'outcome';

export const requestRef = (c: CaseRow, id: string, field: RequestField): RecordRef => ({ table: 'sar_requests', id, field, subject: c.clientId });

/** A sealer bound to one case's clinical key, for use inside a write transaction. */
export async function sealerFor(ctx: AppContext, db: Executor, c: CaseRow) {
  const key = await clientKey(ctx, db, c.clientId, 'clinical');
  return {
    seal: (id: string, field: RequestField, text: string | null): string | null => (text === null ? null : ctx.vault.encrypt(key, text, requestRef(c, id, field))),
    open: (id: string, field: RequestField, enc: string | null): string | null => (enc === null ? null : ctx.vault.decrypt(key, enc, requestRef(c, id, field))),
  };
}

export async function toRequest(ctx: AppContext, row: RequestRow, c: CaseRow): Promise<SarRequest> {
  const s = await sealerFor(ctx, ctx.db.kysely, c);
  const message = s.open(row.id, 'message', row.message_enc);
  const outcome = s.open(row.id, 'outcome', row.outcome_enc);
  return {
    id: row.id,
    caseCode: row.case_code,
    clientId: c.clientId,
    right: row.right as RightKind,
    regime: row.regime as SarRegime,
    jurisdiction: row.jurisdiction,
    receivedOn: row.received_on,
    clockStartOn: row.clock_start_on,
    dueOn: row.due_on,
    extendedDueOn: row.extended_due_on,
    extended: row.extended === 1,
    extensionToldOn: row.extension_told_on,
    extensionReason: s.open(row.id, 'extension_reason', row.extension_reason_enc),
    currentDueOn: row.extended === 1 ? row.extended_due_on : row.due_on,
    status: row.status as RequestStatus,
    verification: row.verification_method && row.verified_on
      ? { method: row.verification_method as VerificationMethod, on: row.verified_on, by: row.verified_by ?? '', note: s.open(row.id, 'verification_note', row.verification_note_enc) }
      : null,
    feeCents: row.fee_cents,
    feeReason: row.fee_reason,
    message: message ? (JSON.parse(message) as { text: string; cues: string[] }) : null,
    detected: row.detected_right ? { right: row.detected_right, confidence: (row.detected_confidence ?? 0) / 1000 } : null,
    processNotes: row.process_notes as ProcessNoteChoice,
    exemption: s.open(row.id, 'exemption', row.exemption_enc),
    outcome: outcome ? (JSON.parse(outcome) as RightOutcome) : null,
    delivery: row.delivered_channel && row.delivered_on ? { channel: row.delivered_channel, on: row.delivered_on } : null,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}
