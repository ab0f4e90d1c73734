/**
 * What the retention routes answer with, property by property: the web app's types are generated
 * from these, and the serialiser drops anything not listed here.
 */
import { anyObj, arr, bool, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { HOLD_KINDS } from './holds.js';

export const policySchema = obj({
  jurisdiction: str(), basePolicy: str(), title: str(), adultYears: int(), minorUntilBirthday: int(), minorUntilBirthdayAt17: int(),
  processNotesYears: nullable(int()), reason: nullable(str()), isDefault: bool(), needsLocalCheck: bool(), sources: arr(str()),
  updatedBy: nullable(str()), updatedAt: nullable(str()),
});

const holdProps = {
  kind: strEnum(HOLD_KINDS), source: strEnum(['manual', 'breach_register', 'rights_requests', 'information_requests']), ref: str(), reason: str(),
  placedAt: nullable(str()),
};
const hold = obj(holdProps);
export const caseHoldSchema = obj({ ...holdProps, caseCode: str() });

export const scheduledCaseSchema = obj({
  caseCode: str(), clientId: str(), lastContact: str(), lastContactFrom: strEnum(['session', 'case_closed']), dateOfBirthKnown: bool(),
  retainUntil: str(), rule: strEnum(['adult', 'minor']), ageAtLastContact: nullable(int()), processNotesUntil: nullable(str()),
  due: bool(), processNotesDue: bool(), holds: arr(hold),
});

export const scheduleSchema = obj({ policy: policySchema, today: str(), cases: arr(scheduledCaseSchema) });

export const certificateSchema = obj({
  id: str(), number: str(), caseCode: str(), scope: strEnum(['whole_record', 'process_notes']), basis: strEnum(['retention', 'erasure_request']),
  categories: arr(obj({ category: str(), count: int(), from: nullable(str()), to: nullable(str()) })),
  // The policy in force when the record was destroyed, kept as the certificate recorded it.
  policy: anyObj(),
  approvedBy: str(), approverName: str(), approverRole: str(), destroyedAt: str(), auditSeq: int(),
});
