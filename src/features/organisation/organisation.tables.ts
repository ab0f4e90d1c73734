/** Teams, the relationships that reach a colleague's cases, and emergency access. Ids and dates; reasons are sealed. */
export interface TeamsTable {
  id: string;
  practice_id: string;
  name: string; // a service's name, e.g. "Student counselling": not personal data
  created_at: string;
  archived_at: string | null;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  added_at: string;
}

export type RelationshipKind = 'cover' | 'supervision';

export interface CareRelationshipsTable {
  id: string;
  practice_id: string;
  kind: RelationshipKind;
  holder_id: string; // who gains: the covering colleague, the supervisor
  subject_id: string; // the practitioner covered, the supervisee
  starts_on: string; // YYYY-MM-DD, practice calendar
  ends_on: string | null; // inclusive; cover always has one
  reason_enc: string;
  created_by: string;
  created_at: string;
  ended_at: string | null;
  ended_by: string | null;
}

export interface BreakGlassTable {
  id: string;
  practice_id: string;
  user_id: string;
  client_id: string;
  case_code: string;
  category: string;
  reason_enc: string;
  started_at: string;
  expires_at: string;
  ended_at: string | null;
  audit_seq: number;
}

export interface OrganisationTables {
  teams: TeamsTable;
  team_members: TeamMembersTable;
  care_relationships: CareRelationshipsTable;
  break_glass: BreakGlassTable;
}
