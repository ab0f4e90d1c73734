import type { Executor } from '../../db/tx.js';

export interface HeldClient {
  clientId: string;
  caseCode: string;
  status: 'open' | 'closed';
}

/**
 * The clients one practitioner holds in a practice, one row per client (their most recent case
 * held by that practitioner). Erased clients are left out: there is nothing left to care for.
 */
export async function heldClients(db: Executor, practiceId: string, practitionerId: string): Promise<HeldClient[]> {
  const rows = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select(['cases.client_id', 'cases.case_code', 'cases.status'])
    .where('cases.practice_id', '=', practiceId)
    .where('cases.practitioner_id', '=', practitionerId)
    .where('clients.erased_at', 'is', null)
    .orderBy('cases.client_id')
    .orderBy('cases.opened_at', 'desc')
    .execute();
  const seen = new Set<string>();
  const out: HeldClient[] = [];
  for (const r of rows) {
    if (seen.has(r.client_id)) continue;
    seen.add(r.client_id);
    out.push({ clientId: r.client_id, caseCode: r.case_code, status: r.status });
  }
  return out;
}

/**
 * Hand the client's cases from one practitioner to another, but only those still held by `from`:
 * the condition makes a concurrent move fail visibly (0 rows) instead of being overwritten.
 */
export async function moveClient(db: Executor, clientId: string, from: string | null, to: string): Promise<number> {
  const q = db.updateTable('cases').set({ practitioner_id: to }).where('client_id', '=', clientId);
  const res = await (from === null ? q.where('practitioner_id', 'is', null) : q.where('practitioner_id', '=', from)).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
