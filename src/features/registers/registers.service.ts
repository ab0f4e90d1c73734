import { type Principal, can } from '../../core/access.js';
import { forbidden } from '../../core/errors.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import { referenceOf } from '../requests/letters.service.js';
import type { DisclosureRegisterEntry, RequestRegisterEntry } from './registers.js';
import * as repo from './registers.repository.js';

async function requireReader(ctx: AppContext, p: Principal, action: string): Promise<void> {
  if (can(p, 'registers.read')) return;
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action, outcome: 'denied', details: { reason: 'not_permitted' } });
  throw forbidden('Only an admin or the data-protection officer sees the registers.');
}

export async function requestRegister(ctx: AppContext, p: Principal): Promise<RequestRegisterEntry[]> {
  await requireReader(ctx, p, 'register.requests.read');
  const rows = await repo.requestRows(ctx.db.kysely, p.practiceId);
  const counts = new Map<string, number>();
  for (const d of await repo.disclosureRows(ctx.db.kysely, p.practiceId)) counts.set(d.request_id, (counts.get(d.request_id) ?? 0) + 1);
  const out = rows.map((r) => ({
    id: r.id, reference: referenceOf(r.id), requesterType: r.requester_type, asks: r.asks, authority: r.authority, receivedOn: r.received_on,
    dueOn: r.due_on, status: r.status, caseCode: r.case_code, contraryToAdvice: r.contrary_to_advice === 1, emergency: r.emergency === 1,
    restricted: r.restricted === 1, disclosures: counts.get(r.id) ?? 0,
  }));
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: 'register.requests.read', targetType: 'request_register', details: { count: out.length } });
  return out;
}

export async function disclosureRegister(ctx: AppContext, p: Principal): Promise<DisclosureRegisterEntry[]> {
  await requireReader(ctx, p, 'register.disclosures.read');
  const out = (await repo.disclosureRows(ctx.db.kysely, p.practiceId)).map((d) => ({
    id: d.id, disclosedOn: d.disclosed_on, caseCode: d.case_code, reference: referenceOf(d.request_id), requesterType: d.requester_type,
    kind: d.kind, basis: d.basis, noteCount: d.note_count,
  }));
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: 'register.disclosures.read', targetType: 'disclosure_register', details: { count: out.length } });
  return out;
}
