/**
 * The access policy: pure, exhaustive, deny by default. Every service asks `can()` before it
 * touches a record, and a refusal on a record looks exactly like a missing record (404).
 *
 * Access to a client's case comes from a relationship, each dated and with a reason:
 * - the treating practitioner (the case's practitioner);
 * - cover: a colleague covering for the treating practitioner, for a set period;
 * - emergency access ("break-glass"): a clinical lead, for a few hours, with a stated reason,
 *   reviewed afterwards by someone else.
 * Supervision gives no access to identified records: a supervisor sees what supervisees share
 * through the anonymisation workflow. Reception, the data-protection officer and the admin see
 * no clinical content at all; the operator is whoever holds the vault passphrase at the command
 * line. The relationships a person holds today are loaded with their session (`relations`).
 */
export type Role = 'practitioner' | 'admin' | 'operator' | 'supervisor' | 'reception' | 'clinical_lead' | 'dpo';

/** What a person holds today that reaches other people's cases (all ids). */
export interface Relations {
  /** Practitioners whose caseload this person covers today. */
  covering: readonly string[];
  /** Practitioners this person supervises today. */
  supervising: readonly string[];
  /** Clients this person has emergency access to right now, with the access's id. */
  breakGlass: readonly { id: string; clientId: string; expiresAt: string }[];
}

export const NO_RELATIONS: Relations = { covering: [], supervising: [], breakGlass: [] };

export interface Principal {
  userId: string;
  practiceId: string;
  roles: readonly Role[];
  relations?: Relations;
}

/** The facts about a case the policy needs: no identity, no clinical content. */
export interface CaseFacts {
  practiceId: string;
  practitionerId: string | null;
  clientId?: string;
}

export type Action =
  | 'case.create'
  | 'case.read_identity'
  | 'case.read_clinical'
  | 'case.write_identity'
  | 'case.write_clinical'
  | 'case.read_access_log'
  | 'case.erase'
  | 'case.reassign'
  | 'case.name_in_breach'
  | 'case.break_glass'
  | 'caseload.list'
  | 'diary.read'
  | 'referral.create'
  | 'practice.manage'
  | 'staff.manage'
  | 'team.manage'
  | 'cover.manage'
  | 'supervision.manage'
  | 'supervision.read'
  | 'review.work'
  | 'registers.read'
  | 'audit.verify'
  | 'vault.backup'
  | 'breach.report'
  | 'breach.manage'
  | 'retention.manage';

/** How a person reaches a case, most ordinary first; null when they do not. */
export type Basis = { kind: 'treating' } | { kind: 'cover' } | { kind: 'break_glass'; id: string };

export function caseBasis(p: Principal, c: CaseFacts | undefined): Basis | null {
  if (!c || c.practiceId !== p.practiceId) return null;
  const r = p.relations ?? NO_RELATIONS;
  if (p.roles.includes('practitioner') && c.practitionerId !== null) {
    if (c.practitionerId === p.userId) return { kind: 'treating' };
    if (r.covering.includes(c.practitionerId)) return { kind: 'cover' };
  }
  if (p.roles.includes('clinical_lead') && c.clientId !== undefined) {
    const glass = r.breakGlass.find((g) => g.clientId === c.clientId);
    if (glass) return { kind: 'break_glass', id: glass.id };
  }
  return null;
}

export function can(p: Principal, action: Action, c?: CaseFacts): boolean {
  const has = (r: Role) => p.roles.includes(r);
  const samePractice = c !== undefined && c.practiceId === p.practiceId;
  if (has('operator')) return c === undefined || samePractice;
  const basis = caseBasis(p, c);
  const caring = basis !== null && basis.kind !== 'break_glass';
  switch (action) {
    case 'caseload.list':
    case 'case.create':
      return has('practitioner');
    // Emergency access reads; it never writes, and never reads the access history for someone
    // else's practice.
    case 'case.read_identity':
    case 'case.read_clinical':
    case 'case.read_access_log':
      return basis !== null;
    case 'case.write_identity':
    case 'case.write_clinical':
      return caring;
    case 'case.break_glass':
      return has('clinical_lead') && (c === undefined || samePractice);
    case 'case.erase':
      return has('admin') && samePractice;
    // Moving care is a practice decision, not a clinical read: the admin never sees the notes.
    // Without a case it asks only "may this person move care at all?".
    case 'case.reassign':
      return has('admin') && (c === undefined || samePractice);
    // Reception arranges sessions and takes referrals: names, times and contact details only.
    case 'diary.read':
    case 'referral.create':
      return has('reception');
    case 'practice.manage':
    case 'staff.manage':
    case 'team.manage':
    case 'vault.backup':
      return has('admin');
    case 'cover.manage':
    case 'supervision.manage':
      return has('admin') || has('clinical_lead');
    case 'supervision.read':
      return has('supervisor');
    case 'review.work':
      return has('clinical_lead') || has('dpo');
    case 'registers.read':
    case 'audit.verify':
      return has('admin') || has('dpo');
    case 'breach.report':
      return has('practitioner') || has('admin') || has('dpo') || has('clinical_lead');
    // Naming a client as affected by a breach: a practitioner only for clients in their care, so
    // the answer never tells them whom a colleague sees; the register's keepers for the practice.
    case 'case.name_in_breach':
      return ((has('admin') || has('dpo')) && samePractice) || (has('practitioner') && caring);
    case 'breach.manage':
    case 'retention.manage':
      return has('admin') || has('dpo');
    default: {
      const unhandled: never = action;
      return unhandled;
    }
  }
}

export const parseRoles = (s: string): Role[] => s.split(',').filter(Boolean) as Role[];
