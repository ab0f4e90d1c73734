/**
 * Disclosures as others need them. The practitioner's accounting shows everything; what the
 * client may see (their portal, a subject access export) leaves out anything under a standing
 * "do not inform the client" restriction — not even its existence shows.
 *
 * For the subject access and portal features (no principal: they check access themselves):
 *   disclosuresVisibleToClient(ctx, clientId) → DisclosureEntry[] (restricted ones excluded)
 *   activeRestrictions(ctx, clientId)         → RestrictionEntry[] (requests to keep out, with
 *     their disclosure ids; an access-log view should also leave out audit entries whose target
 *     is one of these ids)
 */
import type { AppContext } from '../../context.js';
import * as clientsRepo from '../clients/clients.repository.js';
import { requestSealers } from '../requests/requests.keys.js';
import * as reqRepo from '../requests/requests.repository.js';
import type { Basis } from '../triage/triage.js';
import { type DisclosureEntry, type DisclosureRecordContent, type Period, basisWords } from './disclosures.js';
import * as repo from './disclosures.repository.js';

export async function decryptDisclosures(ctx: AppContext, clientId: string, caseCode: string, period?: Period): Promise<DisclosureEntry[]> {
  const rows = await repo.disclosuresForCase(ctx.db.kysely, caseCode, period);
  if (rows.length === 0) return [];
  const s = await requestSealers(ctx, ctx.db.kysely, clientId);
  return rows.map((r) => {
    const c = s.clinical.open<DisclosureRecordContent>('disclosures', r.id, 'record', r.record_enc);
    return {
      id: r.id, requestId: r.request_id, disclosedOn: r.disclosed_on, kind: 'pack' as const, recipient: c.recipient, what: c.what, purpose: c.purpose,
      basis: c.legalBasis || basisWords(r.basis as Basis, 'given'), legalBasis: c.legalBasis, basisCode: r.basis as Basis, noteCount: r.note_count,
      pdfSha256: r.pdf_sha256, restricted: r.restricted === 1, contraryToAdvice: r.contrary_to_advice === 1,
    };
  });
}

export async function disclosuresVisibleToClient(ctx: AppContext, clientId: string): Promise<DisclosureEntry[]> {
  const c = await clientsRepo.caseForClient(ctx.db.kysely, clientId);
  if (!c || c.erasedAt) return [];
  // The contrary-to-advice marker is for the practice's own review, not part of the client's copy.
  return (await decryptDisclosures(ctx, clientId, c.caseCode)).filter((d) => !d.restricted).map(({ contraryToAdvice: _, ...d }) => d);
}

export interface RestrictionEntry {
  id: string;
  requestId: string;
  disclosureIds: string[];
  since: string;
}

export async function activeRestrictions(ctx: AppContext, clientId: string): Promise<RestrictionEntry[]> {
  const c = await clientsRepo.caseForClient(ctx.db.kysely, clientId);
  if (!c) return [];
  const requests = (await reqRepo.requestsForCase(ctx.db.kysely, c.caseCode)).filter((r) => r.restricted === 1);
  const out: RestrictionEntry[] = [];
  for (const r of requests) {
    const events = await ctx.db.kysely.selectFrom('request_restriction_events').select('at').where('request_id', '=', r.id).where('action', '=', 'restrict').orderBy('at', 'desc').executeTakeFirst();
    const disclosures = await repo.disclosuresForRequest(ctx.db.kysely, r.id);
    out.push({ id: r.id, requestId: r.id, disclosureIds: disclosures.map((d) => d.id), since: events?.at ?? r.updated_at });
  }
  return out;
}
