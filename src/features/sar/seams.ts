/**
 * Other features' contributions to an export, imported statically: a run-time lookup by module
 * path does not survive bundling into dist/server, and an export that silently loses the
 * disclosures is worse than one that fails to build.
 * - Disclosures come from the disclosures feature. A standing "do not inform" restriction keeps a
 *   disclosure (and the request it answered) out of the client's export altogether — not even its
 *   existence is mentioned — but the practitioner's preview lists it as withheld, with its ground.
 * - Consents and agreements come from the consent feature.
 */
import type { AppContext } from '../../context.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { agreementText, toAgreement } from '../consent/agreements.service.js';
import { agreementsForCase } from '../consent/agreements.repository.js';
import { readConsents } from '../consent/consents.service.js';
import { activeRestrictions, disclosuresVisibleToClient } from '../disclosures/disclosures.service.js';

export interface ExportDisclosure {
  id: string;
  date: string;
  recipient: string;
  what: string;
  purpose: string;
  basis: string | null;
}

export interface ExportConsent {
  id: string;
  title: string;
  status: string;
  /** When it was signed, given or withdrawn: an instant, shown in the practice's zone. */
  date: string;
  text: string | null;
}

/** A standing restriction, as the practitioner's preview shows it (never the client). */
export interface WithheldRestriction {
  requestId: string;
  since: string;
  disclosures: number;
}

export async function disclosuresFor(ctx: AppContext, clientId: string): Promise<{ items: ExportDisclosure[]; restrictedIds: Set<string>; restrictions: WithheldRestriction[] }> {
  const restrictions = await activeRestrictions(ctx, clientId);
  const restricted = new Set(restrictions.flatMap((r) => [r.requestId, ...r.disclosureIds]));
  // disclosuresVisibleToClient already leaves restricted ones out; the second filter keeps that
  // true even if a restriction was placed between the two reads.
  const items = (await disclosuresVisibleToClient(ctx, clientId))
    .filter((d) => !restricted.has(d.id) && !restricted.has(d.requestId))
    .map((d) => ({ id: d.id, date: d.disclosedOn, recipient: d.recipient, what: d.what, purpose: d.purpose, basis: d.basis || null }));
  return { items, restrictedIds: restricted, restrictions: restrictions.map((r) => ({ requestId: r.requestId, since: r.since, disclosures: r.disclosureIds.length })) };
}

const KIND_WORDS: Record<string, string> = { records: 'Consent to keeping records', supervision: 'Consent to discussing the work in supervision', channel: 'Contact by', disclosure: 'Consent to share information' };

/** Signed agreements (with their text) and recorded consents, withdrawn ones included and marked. */
export async function consentsFor(ctx: AppContext, c: CaseRow, today: string): Promise<{ items: ExportConsent[] }> {
  const db = ctx.db.kysely;
  const items: ExportConsent[] = [];
  for (const row of await agreementsForCase(db, c.caseCode)) {
    const a = await toAgreement(ctx, db, c.clientId, row);
    if (a.status !== 'signed') continue;
    items.push({ id: a.id, title: a.title, status: 'signed', date: a.signedAt ?? a.createdAt, text: await agreementText(db, a) });
  }
  for (const r of await readConsents(ctx, db, c.clientId, c.caseCode, today)) {
    const what = [KIND_WORDS[r.kind] ?? r.kind, r.channel, r.recipient ? `to ${r.recipient}` : null, r.purpose ? `for ${r.purpose}` : null].filter(Boolean).join(' ');
    items.push({ id: r.id, title: what, status: r.withdrawnAt ? 'withdrawn' : r.given ? 'given' : 'refused', date: r.withdrawnAt ?? r.recordedAt, text: null });
  }
  return { items };
}
