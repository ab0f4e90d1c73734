/**
 * What the breach routes answer with, property by property: the web app's types are generated
 * from these, and the serialiser drops anything not listed here.
 */
import { arr, bool, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { AUDIENCES, BREACH_KINDS, DATA_CATEGORIES } from './breaches.js';

const clock = obj({
  audience: strEnum(AUDIENCES), due: str(), basis: str(), required: bool(),
  state: strEnum(['done', 'decided_not_to', 'running', 'overdue', 'not_required']), hoursLeft: nullable(int()),
});

const summaryProps = {
  id: str(), reference: str(), regime: strEnum(['uk-gdpr', 'hipaa']), kind: strEnum(BREACH_KINDS), occurredAt: str(), discoveredAt: str(),
  affectedCount: int(), status: strEnum(['open', 'closed']), outcome: nullable(str()), createdAt: str(), closedAt: nullable(str()),
  clocks: arr(clock), overdue: bool(),
};

export const breachSummarySchema = obj(summaryProps);

const notification = obj({
  id: str(), audience: strEnum(AUDIENCES), clientId: nullable(str()), caseCode: nullable(str()), decision: strEnum(['sent', 'not_notified']),
  sentOn: nullable(str()), channel: nullable(str()), reason: nullable(str()), recordedBy: str(), createdAt: str(),
});

/** The recorded factor levels, keyed by factor; which factors depend on the regime. */
const factors = { type: ['object', 'null'], additionalProperties: str() };

const assessment = obj({
  likelihood: str(), severity: str(), outcome: str(), factors, reasoning: str(), assessedAt: str(), assessedBy: str(),
});

export const breachSchema = obj({
  ...summaryProps,
  summary: str(), reportedBy: str(), categories: arr(strEnum(DATA_CATEGORIES)), scope: str(), auditSeq: nullable(int()),
  affected: arr(obj({ clientId: str(), caseCode: str() })),
  containment: arr(obj({ id: str(), at: str(), text: str(), recordedBy: str() })),
  assessment: { ...assessment, type: ['object', 'null'] },
  notifications: arr(notification),
});

export const breachDeadlineSchema = obj({
  source: strEnum(['breach']), id: str(), reference: str(), label: str(), audience: str(), duty: str(), due: str(),
  state: strEnum(['running', 'overdue']), href: str(),
});

const draft = obj({ audience: strEnum(['regulator', 'individual']), title: str(), sections: arr(obj({ heading: str(), text: str() })) });
export const breachDraftsSchema = obj({ regulator: draft, individual: draft });
