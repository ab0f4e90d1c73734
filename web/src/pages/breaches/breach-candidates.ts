/**
 * Which access-history entries could be a breach, and so carry a "Report as breach" button.
 * Offering it on every row trained people to ignore it: your own actions are not a breach you
 * would report, and the treating practitioner's allowed access for care is the record working
 * as intended. Everything else — a colleague's access, a refusal, an unusual purpose — is offered.
 */
import type { AccessEvent } from '../../api.js';

export type AccessEntry = Pick<AccessEvent, 'actorId' | 'purpose' | 'outcome'>;

export function couldBeBreach(e: AccessEntry, viewerId: string, treatingPractitionerId: string | null): boolean {
  if (e.actorId !== null && e.actorId === viewerId) return false;
  const routineCare = e.actorId !== null && e.actorId === treatingPractitionerId && e.outcome === 'ok' && (e.purpose === null || e.purpose === 'care');
  return !routineCare;
}
