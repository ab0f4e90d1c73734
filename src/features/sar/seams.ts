/**
 * Other features' contributions to an export.
 * - Disclosures: `disclosuresVisibleToClient(ctx, clientId)` and `activeRestrictions(ctx, clientId)`
 *   are looked up at run time, so an export works with or without the disclosures feature; a
 *   standing "do not inform" decision keeps a disclosure out of the export altogether — not even
 *   its existence is mentioned. Without the module: an empty list and `available: false`.
 * - Consents and agreements come from the consent feature directly.
 */
import type { AppContext } from '../../context.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { agreementText, toAgreement } from '../consent/agreements.service.js';
import { agreementsForCase } from '../consent/agreements.repository.js';
import { readConsents } from '../consent/consents.service.js';

export interface ExportDisclosure {
  id: string;
  date: string;
  recipient: string;
  purpose: string;
  basis: string | null;
}

export interface ExportConsent {
  id: string;
  title: string;
  status: string;
  date: string;
  text: string | null;
}

const DISCLOSURE_MODULES = ['../requests/disclosures.service.js', '../requests/requests.service.js', '../disclosures/disclosures.service.js'];

async function findExport<T>(modules: string[], name: string): Promise<T | null> {
  for (const m of modules) {
    try {
      const mod = (await import(m)) as Record<string, unknown>;
      if (typeof mod[name] === 'function') return mod[name] as T;
    } catch {
      // Not built yet: fall through to the next candidate.
    }
  }
  return null;
}

type Loose = Record<string, unknown>;
const pick = (o: Loose, ...keys: string[]): string | null => {
  for (const k of keys) if (typeof o[k] === 'string' && o[k]) return o[k] as string;
  return null;
};

export async function disclosuresFor(ctx: AppContext, clientId: string): Promise<{ available: boolean; items: ExportDisclosure[]; restrictedIds: Set<string> }> {
  const visible = await findExport<(ctx: AppContext, id: string) => Promise<Loose[]>>(DISCLOSURE_MODULES, 'disclosuresVisibleToClient');
  if (!visible) return { available: false, items: [], restrictedIds: new Set() };
  const restrictions = await findExport<(ctx: AppContext, id: string) => Promise<Loose[]>>(DISCLOSURE_MODULES, 'activeRestrictions');
  const restricted = new Set((restrictions ? await restrictions(ctx, clientId) : [])
    .flatMap((r) => [pick(r, 'disclosureId'), pick(r, 'requestId'), pick(r, 'id'), ...(Array.isArray(r.disclosureIds) ? (r.disclosureIds as string[]) : [])])
    .filter((x): x is string => Boolean(x)));
  const items = (await visible(ctx, clientId))
    .filter((d) => !restricted.has(pick(d, 'id') ?? '') && !restricted.has(pick(d, 'requestId') ?? ''))
    .map((d) => ({
      id: pick(d, 'id') ?? '',
      date: (pick(d, 'disclosedOn', 'disclosedAt', 'date', 'createdAt') ?? '').slice(0, 10),
      recipient: pick(d, 'recipient', 'recipientName', 'requester', 'to') ?? 'Not recorded',
      purpose: pick(d, 'purpose', 'reason') ?? 'Not recorded',
      basis: pick(d, 'basis', 'lawfulBasis', 'legalBasis'),
    }));
  return { available: true, items, restrictedIds: restricted };
}

const KIND_WORDS: Record<string, string> = { records: 'Consent to keeping records', supervision: 'Consent to discussing the work in supervision', channel: 'Contact by', disclosure: 'Consent to share information' };

/** Signed agreements (with their text) and recorded consents, withdrawn ones included and marked. */
export async function consentsFor(ctx: AppContext, c: CaseRow, today: string): Promise<{ available: boolean; items: ExportConsent[] }> {
  const db = ctx.db.kysely;
  const items: ExportConsent[] = [];
  for (const row of await agreementsForCase(db, c.caseCode)) {
    const a = await toAgreement(ctx, db, c.clientId, row);
    if (a.status !== 'signed') continue;
    items.push({ id: a.id, title: a.title, status: 'signed', date: (a.signedAt ?? a.createdAt).slice(0, 10), text: await agreementText(db, a) });
  }
  for (const r of await readConsents(ctx, db, c.clientId, c.caseCode, today)) {
    const what = [KIND_WORDS[r.kind] ?? r.kind, r.channel, r.recipient ? `to ${r.recipient}` : null, r.purpose ? `for ${r.purpose}` : null].filter(Boolean).join(' ');
    items.push({ id: r.id, title: what, status: r.withdrawnAt ? 'withdrawn' : r.given ? 'given' : 'refused', date: (r.withdrawnAt ?? r.recordedAt).slice(0, 10), text: null });
  }
  return { available: true, items };
}
