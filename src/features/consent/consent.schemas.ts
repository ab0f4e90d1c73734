/**
 * What GET /api/clients/:id/consent answers with, property by property: the web app's types are
 * generated from these, and the serialiser drops anything not listed here.
 */
import { arr, bool, dict, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { CHANNELS } from './channels.js';
import { CONSENT_KINDS } from './consents.js';
import { COMPETENCE_FRAMEWORKS } from './young.js';

const orNull = (s: Record<string, unknown>) => ({ ...s, type: ['object', 'null'] });

const agreementProps = {
  id: str(), caseCode: str(), versionId: str(), templateKey: str(), version: int(), title: str(), templateHash: str(), documentHash: str(),
  status: strEnum(['awaiting_signature', 'signed', 'void']), createdAt: str(), signedAt: nullable(str()), signedVia: nullable(strEnum(['in_person', 'link'])),
  withoutCapacity: bool(),
};
const agreementFields = obj({ practiceName: str(), supervisorArrangement: str(), channels: arr(strEnum(CHANNELS)), retentionPeriod: str() });
const signature = obj({ method: strEnum(['typed', 'drawn']), signer: strEnum(['client', 'parent']), name: str(), signedAt: str(), image: nullable(str()) });

export const consentRecordSchema = obj({
  id: str(), kind: strEnum(CONSENT_KINDS), channel: nullable(strEnum(CHANNELS)), what: nullable(str()), recipient: nullable(str()), purpose: nullable(str()),
  given: bool(), expiresOn: nullable(str()), source: strEnum(['in_person', 'link', 'practitioner']), withoutCapacity: bool(), agreementId: nullable(str()),
  versionId: str(), documentHash: str(), statementHash: str(), recordedAt: str(), recordedBy: str(), withdrawnAt: nullable(str()), withdrawnBy: nullable(str()),
  withdrawnVia: nullable(str()), withdrawalAskedOn: nullable(str()), state: strEnum(['active', 'refused', 'withdrawn', 'expired', 'superseded']),
});

export const warningSchema = obj({ code: str(), severity: strEnum(['warn', 'info']), message: str(), consentId: str(), action: str() }, ['consentId', 'action']);

const youngPerson = obj({
  applies: bool(), age: nullable(int()), dob: nullable(str()),
  frameworks: arr(obj({ id: strEnum(COMPETENCE_FRAMEWORKS), label: str(), source: str() })),
  competenceExpected: bool(), parentalResponsibilityExpected: bool(),
  competence: arr(obj({
    id: str(), framework: strEnum(COMPETENCE_FRAMEWORKS), label: str(), source: str(), competent: bool(), age: int(), reasons: str(), assessedBy: str(), assessedAt: str(),
  })),
  parents: arr(obj({
    id: str(), name: str(), relationship: str(), phone: str(), email: str(), address: str(), recordedAt: str(), endedAt: nullable(str()),
  }, ['phone', 'email', 'address'])),
});

export const consentStatusSchema = obj({
  jurisdiction: str(),
  audience: strEnum(['adult', 'young']),
  agreement: orNull(obj({ ...agreementProps, fields: agreementFields, signature: orNull(signature), text: str() })),
  agreements: arr(obj(agreementProps)),
  links: arr(obj({ id: str(), agreementId: str(), createdAt: str(), expiresAt: str(), usedAt: nullable(str()) })),
  consents: arr(consentRecordSchema),
  allowedChannels: arr(strEnum(CHANNELS)),
  channelRisks: dict(str()),
  capacity: arr(obj({ id: str(), hasCapacity: bool(), reasons: str(), assessedBy: str(), assessedAt: str() })),
  youngPerson,
  warnings: arr(warningSchema),
});
