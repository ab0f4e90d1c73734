import type { CallerKind } from './callers.js';

/**
 * The outcome table: for every published operation, who may call it, as data. The sweep
 * (outcome-sweep.test.ts) runs it against the real API for every caller in CALLERS.
 *
 * A rule names the callers allowed; everyone else must be refused (401, 403, or the 404 that makes
 * "not yours" read as "not there"). "Scoped" lists answer every signed-in person, each with only
 * their own part (an empty list for most roles). "session" operations act on the caller's own
 * sign-in (sign in, second factor, own password) and are covered by the sign-in tests: the sweep
 * checks only that they never answer 500 or reveal a client.
 */
const RULES = {
  public: ['nobody', 'treating practitioner', 'covering practitioner', 'other practitioner', 'supervisor of A', 'reception', 'admin only', 'data-protection officer', 'clinical lead, break-glass active', 'clinical lead, break-glass expired', 'clinical lead, no relationship'],
  scoped: ['treating practitioner', 'covering practitioner', 'other practitioner', 'supervisor of A', 'reception', 'admin only', 'data-protection officer', 'clinical lead, break-glass active', 'clinical lead, break-glass expired', 'clinical lead, no relationship'],
  practitioners: ['treating practitioner', 'covering practitioner', 'other practitioner'],
  /** A's client's record: the treating practitioner, a colleague covering today, a clinical lead during emergency access. */
  caseRead: ['treating practitioner', 'covering practitioner', 'clinical lead, break-glass active'],
  /** Changing A's client's record: emergency access is read-only. */
  caseWrite: ['treating practitioner', 'covering practitioner'],
  admin: ['admin only'],
  /** The registers and the audit log, without content. */
  registers: ['admin only', 'data-protection officer'],
  /** The review queue (an admin sees steps taken alone; the rest see everything). */
  reviewers: ['admin only', 'data-protection officer', 'clinical lead, break-glass active', 'clinical lead, break-glass expired', 'clinical lead, no relationship'],
  emergencyRecords: ['data-protection officer', 'clinical lead, break-glass active', 'clinical lead, break-glass expired', 'clinical lead, no relationship'],
  clinicalLeads: ['clinical lead, break-glass active', 'clinical lead, break-glass expired', 'clinical lead, no relationship'],
  /** Cover and supervision are arranged by an admin or a clinical lead. */
  arrangers: ['admin only', 'clinical lead, break-glass active', 'clinical lead, break-glass expired', 'clinical lead, no relationship'],
  breachReporters: ['treating practitioner', 'covering practitioner', 'other practitioner', 'admin only', 'data-protection officer', 'clinical lead, break-glass active', 'clinical lead, break-glass expired', 'clinical lead, no relationship'],
  reception: ['reception'],
  receptionOrAdmin: ['reception', 'admin only'],
  supervisor: ['supervisor of A'],
  templateReaders: ['treating practitioner', 'covering practitioner', 'other practitioner', 'admin only'],
} as const satisfies Record<string, readonly CallerKind[]>;

type Rule = keyof typeof RULES | 'session';

export const TABLE: Record<string, Rule> = {
  // The practice, staff and one's own sign-in
  'GET /api/health': 'public',
  'POST /api/setup': 'public',
  'POST /api/vault/unseal': 'public',
  'GET /api/practice': 'scoped',
  'GET /api/staff-names': 'scoped',
  'POST /api/auth/signin': 'session',
  'POST /api/auth/signout': 'session',
  'GET /api/auth/me': 'session',
  'GET /api/auth/totp': 'session',
  'POST /api/auth/totp/confirm': 'session',
  'POST /api/me/password': 'session',
  'POST /api/auth/password': 'session',
  'GET /api/me/recovery-codes': 'session',
  'POST /api/me/recovery-codes': 'session',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/{id}': 'admin',
  'POST /api/users/{id}/disable': 'admin',
  'POST /api/users/{id}/enable': 'admin',
  'POST /api/users/{id}/unlock': 'admin',
  'POST /api/users/{id}/reset-second-factor': 'admin',
  'POST /api/users/{id}/reset-password': 'admin',
  'GET /api/backups': 'admin',
  'GET /api/backups/backup': 'admin',
  'GET /api/backups/keystore': 'admin',
  'GET /api/backups/schedule': 'admin',
  'PUT /api/backups/schedule': 'admin',
  'POST /api/backups/restore': 'admin',
  'POST /api/audit/verify': 'registers',
  'POST /api/audit/checkpoint': 'registers',

  // Organisation: teams, cover, supervision, emergency access, the review queue
  'GET /api/teams': 'scoped',
  'POST /api/teams': 'admin',
  'PUT /api/teams/{id}/members': 'admin',
  'PUT /api/clients/{id}/team': 'receptionOrAdmin',
  'GET /api/cover': 'scoped',
  'POST /api/cover': 'arrangers',
  'POST /api/cover/{id}/end': 'arrangers',
  'GET /api/supervision': 'scoped',
  'POST /api/supervision': 'arrangers',
  'POST /api/supervision/{id}/end': 'arrangers',
  'GET /api/break-glass': 'emergencyRecords',
  'POST /api/break-glass': 'clinicalLeads',
  'POST /api/break-glass/{id}/end': 'clinicalLeads',
  'GET /api/access-reviews': 'reviewers',
  'POST /api/access-reviews/{id}/acknowledge': 'reviewers',
  'POST /api/access-reviews/{id}/verdict': 'reviewers',

  // Reception
  'GET /api/diary': 'reception',
  'GET /api/diary/clients': 'reception',
  'POST /api/diary/sessions': 'reception',
  'GET /api/diary/clients/{id}/contact': 'reception',
  'POST /api/referrals': 'reception',
  'GET /api/diary/settings': 'receptionOrAdmin',
  'PUT /api/diary/settings': 'admin',

  // Supervision
  'GET /api/supervision/supervisees': 'supervisor',
  'GET /api/supervision/supervisors': 'scoped',
  'GET /api/supervision/shared': 'supervisor',
  'GET /api/supervision/shared/{id}': 'supervisor',
  'GET /api/supervision/supervisees/{id}/notes': 'supervisor',
  'POST /api/supervision/supervisees/{id}/notes': 'supervisor',

  // Caseload and the client's record
  'GET /api/clients': 'practitioners',
  'POST /api/clients': 'practitioners',
  'GET /api/clients/{id}': 'caseRead',
  'PATCH /api/clients/{id}': 'caseWrite',
  'POST /api/clients/{id}/status': 'caseWrite',
  'GET /api/clients/{id}/record': 'caseRead',
  'GET /api/clients/{id}/access-log': 'caseRead',
  'GET /api/clients/{id}/access-history': 'caseRead',
  'POST /api/clients/{id}/reassign': 'admin',
  'POST /api/caseload/reassign': 'admin',
  'GET /api/clients/{id}/notes': 'caseRead',
  'POST /api/clients/{id}/notes': 'caseWrite',
  'PUT /api/notes/{id}': 'caseWrite',
  'POST /api/notes/{id}/sign': 'caseWrite',
  'POST /api/notes/{id}/addenda': 'caseWrite',
  'GET /api/clients/{id}/sessions': 'caseRead',
  'POST /api/clients/{id}/sessions': 'caseWrite',
  'PATCH /api/clients/{id}/sessions/{sessionId}': 'caseWrite',
  'POST /api/clients/{id}/participants': 'caseWrite',
  'GET /api/clients/{id}/documents': 'caseRead',
  'POST /api/clients/{id}/documents': 'caseWrite',
  'GET /api/documents/{id}/content': 'caseRead',
  'POST /api/clients/{id}/letters': 'caseWrite',

  // Consent
  'GET /api/consent/templates': 'templateReaders',
  'GET /api/consent/templates/versions/{id}': 'templateReaders',
  'POST /api/consent/templates/versions': 'admin',
  'POST /api/consent/templates/versions/{id}/publish': 'admin',
  'GET /api/sign/{token}': 'public',
  'POST /api/sign/{token}': 'public',
  'GET /api/sign/{token}/pdf': 'public',
  'GET /api/clients/{id}/consent': 'caseRead',
  'GET /api/clients/{id}/consent/warnings': 'caseRead',
  'GET /api/clients/{id}/consent/channels': 'caseRead',
  'GET /api/clients/{id}/consent/lookup': 'caseRead',
  'POST /api/clients/{id}/consent/agreements': 'caseWrite',
  'GET /api/clients/{id}/consent/agreements/{agreementId}': 'caseRead',
  'GET /api/clients/{id}/consent/agreements/{agreementId}/pdf': 'caseRead',
  'POST /api/clients/{id}/consent/agreements/{agreementId}/sign': 'caseWrite',
  'POST /api/clients/{id}/consent/agreements/{agreementId}/link': 'caseWrite',
  'POST /api/clients/{id}/consents': 'caseWrite',
  'POST /api/clients/{id}/consents/{consentId}/withdraw': 'caseWrite',
  'POST /api/clients/{id}/consent/capacity': 'caseWrite',
  'POST /api/clients/{id}/consent/competence': 'caseWrite',
  'POST /api/clients/{id}/consent/parents': 'caseWrite',
  'POST /api/clients/{id}/consent/parents/{parentId}/end': 'caseWrite',

  // Anonymised sharing
  'POST /api/clients/{id}/sharing/drafts': 'caseWrite',
  'GET /api/clients/{id}/shared-material': 'caseRead',
  'GET /api/sharing/drafts/{id}': 'caseRead',
  'PUT /api/sharing/drafts/{id}/spans/{spanId}': 'caseWrite',
  'POST /api/sharing/drafts/{id}/spans': 'caseWrite',
  'POST /api/sharing/drafts/{id}/discard': 'caseWrite',
  'POST /api/sharing/drafts/{id}/share': 'caseWrite',
  'GET /api/sharing/records/{id}': 'caseRead',
  'GET /api/sharing/records/{id}/pdf': 'caseRead',

  // Requests for information and disclosures
  'GET /api/requests': 'practitioners',
  'POST /api/requests': 'practitioners',
  'GET /api/requests/{id}': 'caseRead',
  'PATCH /api/requests/{id}/status': 'caseWrite',
  'POST /api/requests/{id}/link': 'caseWrite',
  'POST /api/requests/{id}/documents': 'caseWrite',
  'GET /api/requests/{id}/documents/{documentId}': 'caseRead',
  'POST /api/requests/{id}/steps': 'caseWrite',
  'PUT /api/requests/{id}/decision': 'caseWrite',
  'POST /api/requests/{id}/decision/sign': 'caseWrite',
  'POST /api/requests/{id}/addenda': 'caseWrite',
  'POST /api/requests/{id}/restriction': 'caseWrite',
  'GET /api/requests/{id}/letters/{kind}': 'caseRead',
  'GET /api/requests/{id}/letters/{kind}/pdf': 'caseRead',
  'POST /api/requests/{id}/pack/preview': 'caseWrite',
  'POST /api/requests/{id}/pack': 'caseWrite',
  'GET /api/clients/{id}/disclosures': 'caseRead',
  'GET /api/clients/{id}/disclosures/pdf': 'caseRead',

  // Subject access and the other rights
  'POST /api/sar/detect': 'scoped',
  'GET /api/sar/requests': 'scoped',
  'POST /api/sar/requests': 'practitioners',
  'GET /api/sar/requests/{id}': 'caseRead',
  'POST /api/sar/requests/{id}/verify': 'caseWrite',
  'POST /api/sar/requests/{id}/extend': 'caseWrite',
  'POST /api/sar/requests/{id}/fee': 'caseWrite',
  'POST /api/sar/requests/{id}/process-notes': 'caseWrite',
  'POST /api/sar/requests/{id}/close': 'caseWrite',
  'POST /api/sar/requests/{id}/delivery': 'caseWrite',
  'GET /api/sar/requests/{id}/preview': 'caseRead',
  'POST /api/sar/requests/{id}/redactions/propose': 'caseWrite',
  'GET /api/sar/requests/{id}/redactions': 'caseRead',
  'POST /api/sar/requests/{id}/redactions': 'caseWrite',
  'POST /api/sar/requests/{id}/redactions/decide': 'caseWrite',
  'POST /api/sar/requests/{id}/exports': 'caseWrite',
  'GET /api/sar/requests/{id}/exports': 'caseRead',
  'GET /api/sar/exports/{id}': 'caseRead',
  'GET /api/sar/exports/{id}/download': 'caseRead',
  'GET /api/sar/requests/{id}/retention': 'caseRead',
  'POST /api/sar/requests/{id}/rectify': 'caseWrite',
  'POST /api/sar/requests/{id}/erasure': 'caseWrite',
  'POST /api/sar/requests/{id}/decision': 'caseWrite',
  'GET /api/dashboard/deadlines': 'scoped',

  // Breaches
  'GET /api/registers/requests': 'registers',
  'GET /api/registers/disclosures': 'registers',
  'GET /api/breaches': 'registers',
  'POST /api/breaches': 'breachReporters',
  'GET /api/breaches/deadlines': 'scoped',
  'POST /api/breaches/from-audit': 'breachReporters',
  'GET /api/breaches/register.csv': 'registers',
  'GET /api/breaches/register.pdf': 'registers',
  'GET /api/breaches/{id}': 'registers',
  'POST /api/breaches/{id}/affected': 'registers',
  'POST /api/breaches/{id}/containment': 'registers',
  'POST /api/breaches/{id}/assessment': 'registers',
  'POST /api/breaches/{id}/notifications': 'registers',
  'GET /api/breaches/{id}/drafts': 'registers',
  'GET /api/breaches/{id}/letters/{clientId}': 'registers',
  'POST /api/breaches/{id}/close': 'registers',
  'GET /api/breaches/{id}/client-letter': 'registers',
  'PUT /api/breaches/{id}/client-letter': 'registers',

  // Retention
  'GET /api/retention/policy': 'registers',
  'PUT /api/retention/policy': 'registers',
  'GET /api/retention/schedule': 'registers',
  'GET /api/retention/queue': 'registers',
  'GET /api/retention/holds': 'registers',
  'POST /api/retention/holds': 'registers',
  'GET /api/retention/cases': 'registers',
  'POST /api/retention/holds/{id}/release': 'registers',
  'POST /api/retention/dispose': 'registers',
  'GET /api/retention/certificates': 'registers',
  'GET /api/retention/certificates/{id}': 'registers',
  'GET /api/retention/certificates/{id}/pdf': 'registers',
};

/** What the table expects of this caller on this operation; undefined when the operation is not in the table. */
export function expected(key: string, kind: CallerKind): 'allow' | 'deny' | 'either' | undefined {
  const rule = TABLE[key];
  if (rule === undefined) return undefined;
  if (rule === 'session') return 'either';
  return (RULES[rule] as readonly CallerKind[]).includes(kind) ? 'allow' : 'deny';
}
