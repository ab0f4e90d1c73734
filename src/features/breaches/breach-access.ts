import { type Action, type Principal, can } from '../../core/access.js';
import { forbidden, notFound } from '../../core/errors.js';
import type { RecordRef } from '../../crypto/envelope.js';
import type { AppContext } from '../../context.js';
import { getPractice } from '../practice/practice.service.js';
import type { Practice } from '../practice/practice.js';
import * as repo from './breaches.repository.js';

export function requireAction(p: Principal, action: Action): void {
  if (!can(p, action)) throw forbidden(action === 'breach.report' ? 'You cannot report breaches.' : 'Only the practice administrator or data-protection officer manages the breach register.');
}

export async function practiceOf(ctx: AppContext, p: Principal): Promise<Practice> {
  const practice = await getPractice(ctx);
  if (!practice || practice.id !== p.practiceId) throw notFound('practice');
  return practice;
}

export async function requireBreach(ctx: AppContext, p: Principal, id: string): Promise<repo.BreachRow> {
  requireAction(p, 'breach.manage');
  const row = await repo.breachById(ctx.db.kysely, p.practiceId, id);
  if (!row) throw notFound('breach');
  return row;
}

/** Practice-level secrets: sealed with the system key, bound to the row and field. */
export const sealRef = (table: string, id: string, field: string): RecordRef => ({ table, id, field, subject: 'system' });
export const seal = (ctx: AppContext, text: string, table: string, id: string, field: string) => ctx.vault.encryptSystem(text, sealRef(table, id, field));
export const unseal = (ctx: AppContext, enc: string, table: string, id: string, field: string) => ctx.vault.decryptSystem(enc, sealRef(table, id, field));
