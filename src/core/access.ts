/**
 * The access policy: pure, exhaustive, deny by default. Every service asks `can()` before it
 * touches a record, and a refusal on a record looks exactly like a missing record (404).
 *
 * Roles today: practitioner (own caseload), admin (the practice: users, settings, registers),
 * operator (whoever holds the vault passphrase at the command line). The later roles —
 * supervisor, reception, clinical lead, data-protection officer, client — slot in as new cases
 * of the same switch; until then they are denied everything.
 */
export type Role = 'practitioner' | 'admin' | 'operator' | 'supervisor' | 'reception' | 'clinical_lead' | 'dpo';

export interface Principal {
  userId: string;
  practiceId: string;
  roles: readonly Role[];
}

/** The facts about a case the policy needs: no identity, no clinical content. */
export interface CaseFacts {
  practiceId: string;
  practitionerId: string | null;
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
  | 'caseload.list'
  | 'practice.manage'
  | 'staff.manage'
  | 'audit.verify'
  | 'vault.backup'
  | 'breach.report'
  | 'breach.manage'
  | 'retention.manage';

export function can(p: Principal, action: Action, c?: CaseFacts): boolean {
  const has = (r: Role) => p.roles.includes(r);
  const samePractice = c !== undefined && c.practiceId === p.practiceId;
  const ownCase = samePractice && c.practitionerId === p.userId;
  if (has('operator')) return c === undefined || samePractice;
  switch (action) {
    case 'caseload.list':
    case 'case.create':
      return has('practitioner');
    case 'case.read_identity':
    case 'case.read_clinical':
    case 'case.write_identity':
    case 'case.write_clinical':
    case 'case.read_access_log':
      return has('practitioner') && ownCase;
    case 'case.erase':
      return has('admin') && samePractice;
    // Moving care is a practice decision, not a clinical read: the admin never sees the notes.
    // Without a case it asks only "may this person move care at all?".
    case 'case.reassign':
      return has('admin') && (c === undefined || samePractice);
    case 'practice.manage':
    case 'staff.manage':
    case 'audit.verify':
    case 'vault.backup':
      return has('admin');
    case 'breach.report':
      return has('practitioner') || has('admin') || has('dpo');
    // Naming a client as affected by a breach: a practitioner only for their own clients, so the
    // answer never tells them whom a colleague sees; the register's keepers for the practice.
    case 'case.name_in_breach':
      return ((has('admin') || has('dpo')) && samePractice) || (has('practitioner') && ownCase);
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
