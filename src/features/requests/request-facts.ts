/** The facts triage needs from outside the request: the practice, the linked client, consents. */
import { AppError } from '../../core/errors.js';
import type { AppContext } from '../../context.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { decryptIdentity } from '../clients/clients.service.js';
import { capacityAt } from '../consent/capacity.service.js';
import { DISCLOSURE_WHAT, type DisclosureWhat } from '../consent/consents.js';
import { readConsents } from '../consent/consents.service.js';
import { findDisclosureConsent } from '../consent/lookup.js';
import { competenceForCase } from '../consent/young.repository.js';
import { civilDateIn } from '../deadlines/civil-date.js';
import { getPractice } from '../practice/practice.service.js';
import type { ConsentRecordRef } from '../triage/triage.js';
import type { ConsentFinder, TriageFacts } from './request-triage.js';
import type { Ask, RequesterParticulars } from './requests.js';

/** The practice's jurisdiction and name, and "today" in its time zone. */
export async function practiceFacts(ctx: AppContext): Promise<{ jurisdiction: string; today: string; name: string }> {
  const p = await getPractice(ctx);
  if (!p) throw new AppError('uninitialised', 'There is no practice here yet.');
  return { jurisdiction: p.jurisdiction, today: civilDateIn(ctx.clock.now(), p.timeZone), name: p.name };
}

/**
 * The linked client's status and age, and what the consent records say about their competence
 * (the latest assessment) and capacity (an assessment made on the day the request arrived:
 * capacity is judged for a moment, not for good).
 */
export async function clientFacts(ctx: AppContext, c: CaseRow | null, day: string): Promise<TriageFacts['client']> {
  if (!c) return null;
  const identity = await decryptIdentity(ctx, c);
  const competence = (await competenceForCase(ctx.db.kysely, c.caseCode)).at(-1);
  const capacity = await capacityAt(ctx.db.kysely, c.caseCode, day);
  return { status: c.status, dob: identity.dob ?? null, competent: competence ? competence.competent === 1 : null, hasCapacity: capacity?.hasCapacity ?? null };
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The consent register's answer for this request, passed to triage as `options.consentLookup`:
 * a current disclosure consent of the client's, to this requester (by name or organisation), for
 * this kind of information. Each candidate is confirmed through `findDisclosureConsent`, so a
 * withdrawal, expiry or a consent given without capacity never counts.
 */
export async function consentFinderFor(ctx: AppContext, c: CaseRow | null, requester: RequesterParticulars, asks: Ask): Promise<ConsentFinder | undefined> {
  if (!c || c.erasedAt) return undefined;
  const what = asks as string;
  if (!DISCLOSURE_WHAT.includes(what as DisclosureWhat)) return undefined;
  const names = [requester.name, requester.organisation].filter(Boolean).map(norm);
  if (names.length === 0) return undefined;
  const day = ctx.clock.now().toISOString().slice(0, 10);
  const candidates = (await readConsents(ctx, ctx.db.kysely, c.clientId, c.caseCode, day))
    .filter((r) => r.kind === 'disclosure' && r.recipient && r.purpose && names.includes(norm(r.recipient)) && (r.what === what || what === 'confirm_client'));
  let found: ConsentRecordRef | null = null;
  for (const r of candidates) {
    const answer = await findDisclosureConsent(ctx, c.clientId, { recipient: r.recipient as string, purpose: r.purpose as string, what: what as DisclosureWhat });
    if (answer.found && answer.consent) found = { consentId: answer.consent.id, summary: `Consent to disclose to ${answer.consent.recipient} for ${answer.consent.purpose}` };
  }
  return found ? () => found : undefined;
}
