/**
 * Legal holds: what stops a record being destroyed, and why. Manual holds (litigation, anything
 * else) are placed by a person; the rest are found in the other registers — an open breach
 * investigation, an open subject access or other rights request, an undecided request for
 * information — so nobody has to remember to place them.
 */
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/tx.js';
import { openBreachCases } from '../breaches/breaches.repository.js';
import * as repo from './retention.repository.js';

export const HOLD_KINDS = ['litigation', 'information_request', 'subject_access', 'breach_investigation', 'other'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

export interface Hold {
  kind: HoldKind;
  source: 'manual' | 'breach_register' | 'rights_requests' | 'information_requests';
  /** Manual hold id, breach reference or request id. */
  ref: string;
  reason: string;
  placedAt: string | null;
}

const RIGHT_WORDS: Record<string, string> = { access: 'subject access request', erasure: 'erasure request', rectification: 'rectification request', portability: 'portability request', restriction: 'restriction request', objection: 'objection' };

/**
 * Every active hold in the practice, by case code. `exceptRequest`: the erasure request that asks
 * for this very disposal does not hold itself up. `db`: read inside the caller's write
 * transaction (which holds the write lock), so no hold can be placed between check and erase.
 */
export async function holdsByCase(ctx: AppContext, practiceId: string, opts: { exceptRequest?: string; db?: Executor } = {}): Promise<Map<string, Hold[]>> {
  const db = opts.db ?? ctx.db.kysely;
  const out = new Map<string, Hold[]>();
  const add = (caseCode: string, h: Hold) => out.set(caseCode, [...(out.get(caseCode) ?? []), h]);
  for (const h of await repo.activeHolds(db, practiceId)) {
    add(h.case_code, { kind: h.kind as HoldKind, source: 'manual', ref: h.id, reason: ctx.vault.decryptSystem(h.reason_enc, holdRef(h.id)), placedAt: h.placed_at });
  }
  for (const [caseCode, reference] of await openBreachCases(db, practiceId)) {
    add(caseCode, { kind: 'breach_investigation', source: 'breach_register', ref: reference, reason: `Breach ${reference} is still open.`, placedAt: null });
  }
  for (const r of await repo.openRightsRequests(db, practiceId)) {
    if (r.id === opts.exceptRequest) continue;
    add(r.caseCode, { kind: 'subject_access', source: 'rights_requests', ref: r.id, reason: `An open ${RIGHT_WORDS[r.right] ?? 'rights request'} must be answered first.`, placedAt: null });
  }
  for (const r of await repo.openInfoRequests(db, practiceId)) {
    add(r.caseCode, { kind: 'information_request', source: 'information_requests', ref: r.id, reason: 'A request for information about this client is still open.', placedAt: null });
  }
  return out;
}

export const holdRef = (id: string) => ({ table: 'legal_holds', id, field: 'reason', subject: 'system' });
