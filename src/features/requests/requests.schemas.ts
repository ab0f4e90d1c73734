/**
 * What GET /api/requests/:id answers with beyond the register's summary, property by property:
 * the web app's types are generated from these, and the serialiser drops anything not listed.
 */
import { arr, bool, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { BASES, CONCERNS, CONSENTS, JURISDICTIONS, RECOMMENDATIONS, STEPS } from '../triage/triage.js';
import { CONTRARY_KINDS } from './advice.js';
import { CLIENT_ANSWERS, OUTCOMES, STEP_STATES } from './workflow.js';

const stepEntry = obj({
  date: nullable(str()), name: str(), advice: str(), source: str(), outcome: str(), consent: nullable(strEnum(CLIENT_ANSWERS)), capable: nullable(bool()), note: str(),
  id: str(), step: strEnum(STEPS), state: strEnum(STEP_STATES), recordedBy: str(), recordedByName: str(), recordedAt: str(),
});

const triage = obj({
  basis: strEnum(BASES), recommendation: strEnum(RECOMMENDATIONS), mustNotInformClient: bool(), steps: arr(strEnum(STEPS)),
  reasons: arr(obj({ rule: str(), text: str(), source: str(), basis: strEnum(BASES), applied: bool(), unsettled: bool() }, ['basis', 'unsettled'])),
  jurisdiction: strEnum(JURISDICTIONS), packVersion: str(), lastChecked: str(),
  consentRecord: { ...obj({ consentId: str(), summary: str() }), type: ['object', 'null'] },
  at: str(), consent: strEnum(CONSENTS),
});

const decision = obj({
  factors: arr(str()), reasons: str(), scope: str(), doNotInformClient: bool(),
  contrary: obj({ kind: strEnum(CONTRARY_KINDS), basis: strEnum(BASES), reasons: str() }),
  outcome: strEnum(OUTCOMES), status: strEnum(['draft', 'signed']), decidedBy: str(), decidedByName: str(), updatedAt: str(),
  signedBy: nullable(str()), signedAt: nullable(str()), contraryKind: nullable(strEnum(CONTRARY_KINDS)), contraryWords: nullable(str()),
}, ['contrary']);

/** The properties a request in full adds to its register summary. */
export const requestViewProps = {
  reference: str(),
  requester: obj({ name: str(), organisation: str(), role: str(), verifiedHow: str() }),
  details: obj({ asked: str(), concerns: arr(strEnum(CONCERNS)), competent: nullable(bool()), hasCapacity: nullable(bool()), notes: str() }),
  consent: str(),
  triage,
  checklist: arr(obj({ step: strEnum(STEPS), bySignOff: bool(), latest: { ...stepEntry, type: ['object', 'null'] } })),
  history: arr(stepEntry),
  decision: { ...decision, type: ['object', 'null'] },
  addenda: arr(obj({ id: str(), text: str(), authorId: str(), authorName: str(), createdAt: str() })),
  restrictionEvents: arr(obj({ id: str(), action: strEnum(['restrict', 'lift']), reason: str(), actorId: str(), actorName: str(), at: str() })),
  documents: arr(obj({ id: str(), fileName: str(), mediaType: str(), sizeBytes: int(), createdAt: str() })),
};
