/**
 * From a logged request to the triage engine's input, and back to a stored result. The
 * jurisdiction is the practice's; the client's status and age come from the linked record; the
 * client's competence and capacity come from what the practitioner recorded (at logging, or
 * later at the "assess capacity" step). With no client linked, the client is "unknown".
 */
import { ageOn } from '../deadlines/civil-date.js';
import type { ConsentRecordRef, Consent, Jurisdiction, TriageInput } from '../triage/triage.js';
import { triage } from '../triage/triage.engine.js';
import type { RequestDetails, StoredTriage } from './requests.js';
import type { Ask, Authority, Requester } from './requests.js';

export interface TriageFacts {
  jurisdiction: string;
  requesterType: Requester;
  asks: Ask;
  authority: Authority;
  emergency: boolean;
  consent: Consent;
  details: RequestDetails;
  receivedOn: string;
  /** The linked client, or null when not confirmed. */
  client: { status: 'open' | 'closed'; dob: string | null; competent: boolean | null; hasCapacity: boolean | null } | null;
}

export function triageInputFor(f: TriageFacts): TriageInput {
  const age = f.client?.dob ? ageOn(f.client.dob, f.receivedOn) : null;
  const minor = age !== null && age < 18;
  return {
    jurisdiction: f.jurisdiction as Jurisdiction,
    requester: f.requesterType,
    asks: f.asks,
    authority: f.authority,
    client: {
      status: f.client === null ? 'unknown' : f.client.status === 'open' ? 'current' : 'former',
      age,
      // What the practitioner records for this request comes first; the consent records fill gaps.
      competent: minor ? f.details.competent ?? f.client?.competent ?? null : null,
      hasCapacity: minor ? null : f.details.hasCapacity ?? f.client?.hasCapacity ?? null,
    },
    concerns: f.details.concerns,
    emergency: f.emergency,
    consent: f.consent,
  };
}

/** A consent already on file that covers the request (see consentFinderFor in request-facts.ts). */
export type ConsentFinder = (input: TriageInput) => ConsentRecordRef | null;

export function runTriage(f: TriageFacts, at: string, consentLookup?: ConsentFinder): StoredTriage {
  const input = triageInputFor(f);
  const out = triage(input, consentLookup ? { consentLookup } : {});
  return { ...out, at, consent: f.consent };
}
