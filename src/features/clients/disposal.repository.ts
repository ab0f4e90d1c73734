import type { Tx } from '../../db/tx.js';

/**
 * Every table holding a case's clinical ciphertext, by its case-code column. A feature that adds
 * such a table adds it here, so secure disposal removes it too.
 */
const CLINICAL_TABLES = ['sharing_records', 'sharing_drafts', 'signing_links', 'consent_signatures', 'consents', 'consent_agreements', 'consent_capacity', 'consent_competence', 'consent_parents', 'note_addenda', 'notes', 'therapy_sessions', 'documents', 'disclosures', 'request_restriction_events', 'request_addenda', 'request_decisions', 'request_steps', 'request_documents', 'request_parties', 'info_requests', 'sar_redactions', 'sar_exports', 'session_participants'] as const;

export async function deleteClinicalRecords(trx: Tx, caseCode: string): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const table of CLINICAL_TABLES) {
    const res = await trx.deleteFrom(table).where('case_code', '=', caseCode).executeTakeFirst();
    removed[table] = Number(res.numDeletedRows);
  }
  return removed;
}
