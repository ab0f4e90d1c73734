/**
 * Everything a subject access export leaves out, for the practitioner's preview: each item with
 * its ground. The client's export never mentions a standing "do not inform" restriction; the
 * practitioner must see it here, so that the omission is a decision and not an accident.
 */
import { formatInstantDate } from '../../core/datetime.js';
import type { Assembly } from './assembly.js';
import { GROUNDS, type Ground } from './redaction.grounds.js';
import type { Redaction } from './redaction.service.js';

export interface WithheldItem {
  what: string;
  ground: string;
}

const RESTRICTION_GROUND = {
  'uk-gdpr': 'A standing “do not inform the client” restriction on a request from another organisation: telling the client now would be likely to prejudice the purpose of that request (Data Protection Act 2018, Schedule 2, paragraphs 2 and 5). It leaves the export until the restriction is lifted.',
  hipaa: 'A standing “do not inform the client” restriction: a law enforcement or health oversight agency asked that the client not be told for now (45 CFR §164.528(a)(2)). It leaves the export until the restriction is lifted.',
} as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function withheldItems(a: Assembly, redactions: Redaction[]): WithheldItem[] {
  const out: WithheldItem[] = [];
  for (const r of a.restrictions) {
    const disclosures = r.disclosures ? `${plural(r.disclosures, 'disclosure', 'disclosures')} and the request ${r.disclosures === 1 ? 'it' : 'they'} answered` : 'A request for information about the client';
    out.push({ what: `${disclosures}, with its entries in the access log (restricted since ${formatInstantDate(r.since, a.practice.zone)})`, ground: RESTRICTION_GROUND[a.request.regime] });
  }
  if (a.excludedProcessNotes) {
    out.push({
      what: plural(a.excludedProcessNotes, 'process note', 'process notes'),
      ground: a.request.regime === 'uk-gdpr'
        ? `An exemption recorded for this request: ${a.request.exemption ?? 'not stated'}`
        : 'Psychotherapy notes are outside the HIPAA right of access (45 CFR §164.524(a)(1)(i)).',
    });
  }
  const accepted = redactions.filter((r) => r.status === 'accepted');
  const byGround = new Map<string, number>();
  for (const r of accepted) byGround.set(r.ground, (byGround.get(r.ground) ?? 0) + 1);
  for (const [g, n] of byGround) out.push({ what: plural(n, 'passage', 'passages'), ground: GROUNDS[g as Ground]?.text ?? g });
  return out;
}
