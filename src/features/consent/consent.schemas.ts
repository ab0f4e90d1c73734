/**
 * What the consent routes answer with, property by property: the web app's types are generated
 * from these, and the serialiser drops anything not listed here.
 */
import { arr, bool, dict, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { CHANNELS } from './channels.js';
import { CONSENT_KINDS } from './consents.js';
import type { LookupReason } from './lookup.js';
import { COMPETENCE_FRAMEWORKS } from './young.js';

const orNull = (s: Record<string, unknown>) => ({ ...s, type: ['object', 'null'] });

const inline = obj({ text: str(), bold: bool() }, ['bold']);
/** One block of an agreement's text as the pages lay it out (src/features/consent/markdown.ts). */
export const blockSchema = {
  anyOf: [
    obj({ kind: strEnum(['heading']), level: { type: 'integer', enum: [1, 2, 3] }, text: str() }),
    obj({ kind: strEnum(['paragraph']), inline: arr(inline) }),
    obj({ kind: strEnum(['list']), items: arr(arr(inline)) }),
  ],
};

const agreementProps = {
  id: str(), caseCode: str(), versionId: str(), templateKey: str(), version: int(), title: str(), templateHash: str(), documentHash: str(),
  status: strEnum(['awaiting_signature', 'signed', 'void']), createdAt: str(), signedAt: nullable(str()), signedVia: nullable(strEnum(['in_person', 'link'])),
  withoutCapacity: bool(),
};
const agreementFields = obj({ practiceName: str(), supervisorArrangement: str(), channels: arr(strEnum(CHANNELS)), retentionPeriod: str() });
const signature = obj({ method: strEnum(['typed', 'drawn']), signer: strEnum(['client', 'parent']), name: str(), signedAt: str(), image: nullable(str()) });
const fullAgreement = { ...agreementProps, fields: agreementFields, signature: orNull(signature) };

/** An agreement as preparing or signing it leaves it: its fields and signature, without the text. */
export const agreementSchema = obj(fullAgreement);
/** One agreement as the practitioner reviews it: the exact text, and the same text in blocks. */
export const agreementViewSchema = obj({ ...fullAgreement, text: str(), blocks: arr(blockSchema) });

export const consentRecordSchema = obj({
  id: str(), kind: strEnum(CONSENT_KINDS), channel: nullable(strEnum(CHANNELS)), what: nullable(str()), recipient: nullable(str()), purpose: nullable(str()),
  given: bool(), expiresOn: nullable(str()), source: strEnum(['in_person', 'link', 'practitioner']), withoutCapacity: bool(), agreementId: nullable(str()),
  versionId: str(), documentHash: str(), statementHash: str(), recordedAt: str(), recordedBy: str(), withdrawnAt: nullable(str()), withdrawnBy: nullable(str()),
  withdrawnVia: nullable(str()), withdrawalAskedOn: nullable(str()), state: strEnum(['active', 'refused', 'withdrawn', 'expired', 'superseded']),
});

// Every reason, so the type checker notices a new one before the serialiser refuses it.
const LOOKUP_REASONS: Record<LookupReason, true> = { consented: true, refused: true, withdrawn: true, expired: true, without_capacity: true, not_asked: true, erased: true };
const reason = strEnum(Object.keys(LOOKUP_REASONS));
/** The answer to "may we contact them this way?" or "does a consent cover this disclosure?", with the record behind it. */
export const lookupAnswerSchema = {
  anyOf: [
    obj({ channel: strEnum(CHANNELS), allowed: bool(), reason, consent: orNull(consentRecordSchema) }),
    obj({ found: bool(), reason, consent: orNull(consentRecordSchema) }),
  ],
};

export const warningSchema = obj({ code: str(), severity: strEnum(['warn', 'info']), message: str(), consentId: str(), action: str() }, ['consentId', 'action']);

export const capacitySchema = obj({ id: str(), hasCapacity: bool(), reasons: str(), assessedBy: str(), assessedAt: str() });
export const competenceSchema = obj({
  id: str(), framework: strEnum(COMPETENCE_FRAMEWORKS), label: str(), source: str(), competent: bool(), age: int(), reasons: str(), assessedBy: str(), assessedAt: str(),
});
export const parentSchema = obj({
  id: str(), name: str(), relationship: str(), phone: str(), email: str(), address: str(), recordedAt: str(), endedAt: nullable(str()),
}, ['phone', 'email', 'address']);

const youngPerson = obj({
  applies: bool(), age: nullable(int()), dob: nullable(str()),
  frameworks: arr(obj({ id: strEnum(COMPETENCE_FRAMEWORKS), label: str(), source: str() })),
  competenceExpected: bool(), parentalResponsibilityExpected: bool(),
  competence: arr(competenceSchema),
  parents: arr(parentSchema),
});

export const consentStatusSchema = obj({
  jurisdiction: str(),
  audience: strEnum(['adult', 'young']),
  agreement: orNull(obj({ ...fullAgreement, text: str() })),
  agreements: arr(obj(agreementProps)),
  links: arr(obj({ id: str(), agreementId: str(), createdAt: str(), expiresAt: str(), usedAt: nullable(str()) })),
  consents: arr(consentRecordSchema),
  allowedChannels: arr(strEnum(CHANNELS)),
  channelRisks: dict(str()),
  capacity: arr(capacitySchema),
  youngPerson,
  warnings: arr(warningSchema),
});
