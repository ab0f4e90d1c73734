/**
 * What the consent feature knows that sharing needs: the client's current answer about their
 * work being discussed in supervision without identifying details, and the people with parental
 * responsibility (their names are identifiers to remove). Loaded at run time, so sharing works,
 * and says the records were unavailable, where the consent feature is not installed.
 */
import type { AppContext } from '../../context.js';
import type { CaseRow } from '../clients/clients.repository.js';
import type { KnownPerson } from './known-identifiers.js';

export const CONSENT_LOOKUPS = ['consented', 'refused', 'withdrawn', 'expired', 'without_capacity', 'not_asked', 'unavailable'] as const;
export type ConsentLookup = (typeof CONSENT_LOOKUPS)[number];

export interface SupervisionConsent {
  lookup: ConsentLookup;
  consentId: string | null;
  recordedAt: string | null;
}

interface ConsentRow {
  id: string;
  kind: string;
  given: boolean;
  state: string;
  withoutCapacity: boolean;
  recordedAt: string;
}
type ReadConsents = (ctx: AppContext, db: AppContext['db']['kysely'], clientId: string, caseCode: string, today: string) => Promise<ConsentRow[]>;
type ConsentCaseFn = (ctx: AppContext, c: CaseRow) => Promise<unknown>;
type YoungStatus = (ctx: AppContext, db: AppContext['db']['kysely'], cc: unknown) => Promise<{ parents: Array<KnownPerson & { endedAt: string | null }> }>;

interface ConsentModules {
  readConsents?: ReadConsents;
  consentCase?: ConsentCaseFn;
  youngPersonStatus?: YoungStatus;
}

let cached: ConsentModules | undefined;
async function load(): Promise<ConsentModules> {
  if (cached) return cached;
  const paths = ['../consent/consents.service.js', '../consent/case-context.js', '../consent/young.service.js'];
  const found: ConsentModules = {};
  for (const path of paths) {
    try {
      Object.assign(found, (await import(/* @vite-ignore */ path)) as ConsentModules);
    } catch {
      // not installed: the lookup answers 'unavailable'
    }
  }
  cached = found;
  return found;
}

export async function supervisionConsent(ctx: AppContext, c: CaseRow): Promise<SupervisionConsent> {
  const m = await load();
  if (!m.readConsents) return { lookup: 'unavailable', consentId: null, recordedAt: null };
  const all = await m.readConsents(ctx, ctx.db.kysely, c.clientId, c.caseCode, ctx.clock.now().toISOString().slice(0, 10));
  const current = all.filter((x) => x.kind === 'supervision' && x.state !== 'superseded').at(-1);
  if (!current) return { lookup: 'not_asked', consentId: null, recordedAt: null };
  const lookup: ConsentLookup = current.state === 'active'
    ? current.withoutCapacity ? 'without_capacity' : current.given ? 'consented' : 'refused'
    : current.state === 'refused' || current.state === 'expired' ? current.state : 'withdrawn';
  return { lookup, consentId: current.id, recordedAt: current.recordedAt };
}

/** People with parental responsibility, current or past: their names identify the client too. */
export async function parentsOf(ctx: AppContext, c: CaseRow): Promise<KnownPerson[]> {
  const m = await load();
  if (!m.consentCase || !m.youngPersonStatus) return [];
  const status = await m.youngPersonStatus(ctx, ctx.db.kysely, await m.consentCase(ctx, c));
  return status.parents.map((p) => ({ name: p.name, phone: p.phone, email: p.email, address: p.address }));
}
