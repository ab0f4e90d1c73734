/**
 * Other features' contributions to an export, looked up at run time so subject access works
 * before they exist and picks them up once they do:
 * - requests/disclosures: `disclosuresVisibleToClient(ctx, clientId)` and
 *   `activeRestrictions(ctx, clientId)` (a standing "do not inform" decision keeps a disclosure
 *   out of the export altogether — not even its existence is mentioned);
 * - consent: `consentsForClient(ctx, clientId)`.
 * Each is optional; a missing module or export yields an empty list and `available: false`.
 */
import type { AppContext } from '../../context.js';

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
const CONSENT_MODULES = ['../consent/consent.service.js', '../consent/consents.service.js'];

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
  const restricted = new Set((restrictions ? await restrictions(ctx, clientId) : []).flatMap((r) => [pick(r, 'disclosureId'), pick(r, 'requestId'), pick(r, 'id')]).filter((x): x is string => Boolean(x)));
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

export async function consentsFor(ctx: AppContext, clientId: string): Promise<{ available: boolean; items: ExportConsent[] }> {
  const fn = await findExport<(ctx: AppContext, id: string) => Promise<Loose[]>>(CONSENT_MODULES, 'consentsForClient');
  if (!fn) return { available: false, items: [] };
  return {
    available: true,
    items: (await fn(ctx, clientId)).map((c) => ({
      id: pick(c, 'id') ?? '', title: pick(c, 'title', 'kind', 'type') ?? 'Consent', status: pick(c, 'status') ?? 'recorded',
      date: (pick(c, 'signedAt', 'givenAt', 'date', 'createdAt') ?? '').slice(0, 10), text: pick(c, 'text', 'body', 'summary'),
    })),
  };
}
