import type { RecordRef } from '../../crypto/envelope.js';
import { AppError } from '../../core/errors.js';
import type { AppContext } from '../../context.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { decryptIdentity } from '../clients/clients.service.js';
import { getPractice } from '../practice/practice.service.js';
import type { Practice } from '../practice/practice.js';
import type { Audience } from './templates.js';
import { ADULT_AGE, ageOn } from './young.js';

/** What consent needs to know about a case: its practice, today, and the client's age if known. */
export interface ConsentCase {
  c: CaseRow;
  practice: Practice;
  today: string;
  dob: string | null;
  age: number | null;
  audience: Audience;
}

export async function consentCase(ctx: AppContext, c: CaseRow): Promise<ConsentCase> {
  const practice = await getPractice(ctx);
  if (!practice || practice.id !== c.practiceId) throw new AppError('uninitialised', 'The practice record is missing.');
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const identity = await decryptIdentity(ctx, c);
  const dob = identity.dob ?? null;
  const age = dob ? ageOn(dob, today) : null;
  return { c, practice, today, dob, age, audience: age !== null && age < ADULT_AGE ? 'young' : 'adult' };
}

/** Where each piece of consent ciphertext belongs; the record's identity is bound into the encryption. */
export const refs = {
  fields: (clientId: string, agreementId: string): RecordRef => ({ table: 'consent_agreements', id: agreementId, field: 'fields', subject: clientId }),
  signerName: (clientId: string, agreementId: string): RecordRef => ({ table: 'consent_signatures', id: agreementId, field: 'name', subject: clientId }),
  signatureImage: (clientId: string, agreementId: string): RecordRef => ({ table: 'consent_signatures', id: agreementId, field: 'image', subject: clientId }),
  details: (clientId: string, consentId: string): RecordRef => ({ table: 'consents', id: consentId, field: 'details', subject: clientId }),
  capacity: (clientId: string, id: string): RecordRef => ({ table: 'consent_capacity', id, field: 'reasons', subject: clientId }),
  competence: (clientId: string, id: string): RecordRef => ({ table: 'consent_competence', id, field: 'reasons', subject: clientId }),
  parent: (clientId: string, id: string): RecordRef => ({ table: 'consent_parents', id, field: 'person', subject: clientId }),
};
