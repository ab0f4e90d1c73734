import type { Principal } from '../../core/access.js';
import { invalidInput } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit } from '../../audit/audit.service.js';
import { type Executor, type Tx, writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import { clientKey } from '../vault/vault.service.js';
import { type ConsentCase, consentCase, refs } from './case-context.js';
import { checkReasons } from './young.js';
import * as repo from './young.repository.js';

/**
 * Capacity is judged for a decision at a moment, not once for all time. An assessment applies to
 * consents given the same day; a consent given while the latest same-day judgement was "no
 * capacity" is flagged, not silently relied on.
 */
export interface CapacityInput {
  hasCapacity: boolean;
  reasons: string;
}

export interface CapacityAssessment {
  id: string;
  hasCapacity: boolean;
  reasons: string;
  assessedBy: string;
  assessedAt: string;
}

export async function insertCapacity(ctx: AppContext, trx: Tx, cc: ConsentCase, input: CapacityInput, by: string): Promise<{ id: string; hasCapacity: boolean }> {
  if (typeof input.hasCapacity !== 'boolean') throw invalidInput('capacity.hasCapacity', 'Say whether the client could give informed consent.');
  const reasons = checkReasons(input.reasons, 'capacity.reasons');
  const id = newId();
  const key = await clientKey(ctx, trx, cc.c.clientId, 'clinical');
  await repo.insertCapacity(trx, {
    id, case_code: cc.c.caseCode, has_capacity: input.hasCapacity ? 1 : 0, reasons_enc: ctx.vault.encrypt(key, reasons, refs.capacity(cc.c.clientId, id)),
    assessed_by: by, assessed_at: ctx.clock.now().toISOString(),
  });
  await appendAudit(trx, ctx.clock, { id: by }, { action: 'consent.capacity', targetType: 'capacity', targetId: id, caseCode: cc.c.caseCode, details: { hasCapacity: input.hasCapacity } });
  return { id, hasCapacity: input.hasCapacity };
}

/** The judgement in force on a given day: the latest one recorded that day, if any. */
export async function capacityAt(db: Executor, caseCode: string, day: string): Promise<{ hasCapacity: boolean } | null> {
  const today = (await repo.capacityForCase(db, caseCode)).filter((r) => r.assessed_at.slice(0, 10) === day).at(-1);
  return today ? { hasCapacity: today.has_capacity === 1 } : null;
}

export async function recordCapacity(ctx: AppContext, p: Principal, clientId: string, input: CapacityInput): Promise<CapacityAssessment> {
  const c = await requireCase(ctx, p, clientId, 'case.write_clinical');
  const cc = await consentCase(ctx, c);
  const done = await writeTx(ctx.db, (trx) => insertCapacity(ctx, trx, cc, input, actorOf(p).id));
  return { id: done.id, hasCapacity: done.hasCapacity, reasons: input.reasons.trim(), assessedBy: p.userId, assessedAt: ctx.clock.now().toISOString() };
}

export async function capacityHistory(ctx: AppContext, db: Executor, clientId: string, caseCode: string): Promise<CapacityAssessment[]> {
  const rows = await repo.capacityForCase(db, caseCode);
  if (!rows.length) return [];
  const key = await clientKey(ctx, db, clientId, 'clinical');
  return rows.map((r) => ({ id: r.id, hasCapacity: r.has_capacity === 1, reasons: ctx.vault.decrypt(key, r.reasons_enc, refs.capacity(clientId, r.id)), assessedBy: r.assessed_by, assessedAt: r.assessed_at }));
}
