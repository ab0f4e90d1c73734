import type { Executor } from '../../db/tx.js';

/**
 * Only plain columns: codes, dates, flags and counts. Nothing here is ever a `*_enc` column, so
 * nothing read for the registers needs a vault key.
 */
export async function requestRows(db: Executor, practiceId: string) {
  return db
    .selectFrom('info_requests')
    .leftJoin('request_decisions', 'request_decisions.request_id', 'info_requests.id')
    .select([
      'info_requests.id', 'info_requests.case_code', 'info_requests.requester_type', 'info_requests.asks', 'info_requests.authority',
      'info_requests.received_on', 'info_requests.due_on', 'info_requests.status', 'info_requests.emergency', 'info_requests.restricted',
      'request_decisions.contrary_to_advice',
    ])
    .where('info_requests.practice_id', '=', practiceId)
    .orderBy('info_requests.received_on', 'desc')
    .orderBy('info_requests.created_at', 'desc')
    .execute();
}

export async function disclosureRows(db: Executor, practiceId: string) {
  return db
    .selectFrom('disclosures')
    .innerJoin('info_requests', 'info_requests.id', 'disclosures.request_id')
    .select([
      'disclosures.id', 'disclosures.request_id', 'disclosures.case_code', 'disclosures.disclosed_on', 'disclosures.kind', 'disclosures.basis',
      'disclosures.note_count', 'info_requests.requester_type',
    ])
    .where('disclosures.practice_id', '=', practiceId)
    .orderBy('disclosures.disclosed_on', 'desc')
    .orderBy('disclosures.created_at', 'desc')
    .execute();
}
