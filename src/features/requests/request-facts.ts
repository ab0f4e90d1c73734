/** The facts triage needs from outside the request: the practice and the linked client. */
import { AppError } from '../../core/errors.js';
import type { AppContext } from '../../context.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { decryptIdentity } from '../clients/clients.service.js';
import { civilDateIn } from '../deadlines/civil-date.js';
import { getPractice } from '../practice/practice.service.js';
import type { ConsentFinder, TriageFacts } from './request-triage.js';

/** The practice's jurisdiction and name, and "today" in its time zone. */
export async function practiceFacts(ctx: AppContext): Promise<{ jurisdiction: string; today: string; name: string }> {
  const p = await getPractice(ctx);
  if (!p) throw new AppError('uninitialised', 'There is no practice here yet.');
  return { jurisdiction: p.jurisdiction, today: civilDateIn(ctx.clock.now(), p.timeZone), name: p.name };
}

export async function clientFacts(ctx: AppContext, c: CaseRow | null): Promise<TriageFacts['client']> {
  if (!c) return null;
  const identity = await decryptIdentity(ctx, c);
  return { status: c.status, dob: identity.dob ?? null };
}

/**
 * The consent register's lookup for one case (its `findDisclosureConsent`), passed to triage as
 * `options.consentLookup`. The register is not wired in yet: nothing is found, and triage relies
 * on the consent value recorded at the "discuss with the client" step.
 */
export async function consentFinderFor(_ctx: AppContext, _caseCode: string | null): Promise<ConsentFinder | undefined> {
  return undefined;
}
