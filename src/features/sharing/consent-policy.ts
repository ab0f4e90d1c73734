import { invalidInput } from '../../core/errors.js';
import type { SupervisionConsent } from './consent-seam.js';
import type { ConsentAnswer, RecipientKind } from './sharing.js';

/** Kinds of sharing the client's supervision consent speaks to; the others need their own answer. */
export const SUPERVISION_KINDS: readonly RecipientKind[] = ['supervisor', 'peer_group'];

export interface ConsentDecision {
  answer: ConsentAnswer;
  consentId: string | null;
  lookup: SupervisionConsent['lookup'];
}

/**
 * The practitioner's answer about consent, held against the consent records. Publication needs
 * the client's agreement (disguise alone is not enough where the client could recognise
 * themselves). Where the client has refused or withdrawn supervision consent, nothing goes to
 * supervision or a peer group; an expired consent, or one given without capacity, is no "yes".
 */
export function decideConsent(kind: RecipientKind, answer: ConsentAnswer, reason: string | null, found: SupervisionConsent): ConsentDecision {
  if (kind === 'publication' && answer !== 'yes') throw invalidInput('consent.answer', 'Publishing case material needs the client\'s consent, even when it is anonymised.');
  if (answer !== 'yes' && !reason) throw invalidInput('consent.reason', 'Say why the client\'s consent was not sought or not needed.');
  const supervision = SUPERVISION_KINDS.includes(kind);
  if (supervision && (found.lookup === 'refused' || found.lookup === 'withdrawn')) {
    throw invalidInput('consent.answer', `The client has ${found.lookup} consent to their work being discussed in supervision, so this cannot be shared there.`);
  }
  if (answer === 'yes' && supervision && (found.lookup === 'expired' || found.lookup === 'without_capacity')) {
    throw invalidInput('consent.answer', `The client's recorded answer about supervision is "${found.lookup.replace('_', ' ')}". Record their consent first, or answer no and give the reason.`);
  }
  const consentId = answer === 'yes' && supervision && found.lookup === 'consented' ? found.consentId : null;
  return { answer, consentId, lookup: found.lookup };
}
