import type { Principal } from '../../core/access.js';
import { invalidInput } from '../../core/errors.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import { DISCLOSURE_WHAT, type DisclosureWhat } from './consents.js';
import { type ContactAnswer, type DisclosureAnswer, findDisclosureConsent, mayContact } from './lookup.js';

export type LookupQuery = { channel: string } | { recipient: string; purpose: string; what: string };

/** The lookup as a person asks it (web, command line): access-checked and audited with the answer. */
export async function lookupForClient(ctx: AppContext, p: Principal, clientId: string, q: LookupQuery): Promise<ContactAnswer | DisclosureAnswer> {
  const c = await requireCase(ctx, p, clientId, 'case.read_clinical');
  let answer: ContactAnswer | DisclosureAnswer;
  if ('channel' in q) answer = await mayContact(ctx, clientId, q.channel);
  else {
    if (!DISCLOSURE_WHAT.includes(q.what as DisclosureWhat)) throw invalidInput('what', `expected one of ${DISCLOSURE_WHAT.join(', ')}`);
    answer = await findDisclosureConsent(ctx, clientId, { recipient: q.recipient, purpose: q.purpose, what: q.what as DisclosureWhat });
  }
  await recordAudit(ctx.db, ctx.clock, actorOf(p), {
    action: 'consent.lookup', targetType: 'client', targetId: clientId, caseCode: c.caseCode,
    details: { query: 'channel' in q ? `channel:${q.channel}` : `disclosure:${q.what}`, reason: answer.reason, consentId: answer.consent?.id ?? null },
  });
  return answer;
}
