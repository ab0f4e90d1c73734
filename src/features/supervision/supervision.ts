/**
 * Supervision, pure: what a supervisor is told about the consent behind shared material, in plain
 * words. The practitioner's free-text reason is not passed on (it may name the client).
 */
import type { ConsentAnswer } from '../sharing/sharing.js';

export function consentWords(answer: ConsentAnswer, lookup: string): string {
  if (answer === 'yes') {
    return lookup === 'consented'
      ? 'The client consented to their work being discussed in supervision; the consent is on record.'
      : 'The practitioner recorded that the client consented.';
  }
  if (answer === 'no') return 'The client’s consent was not sought; the practitioner recorded why.';
  return 'The practitioner judged that consent was not needed and recorded why.';
}

export const MAX_NOTE_CHARS = 20_000;
