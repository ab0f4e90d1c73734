/** Steps taken alone that reach clients' records, waiting for a second person to look. */
export interface AccessReviewsTable {
  id: string;
  practice_id: string;
  kind: 'self_role_grant' | 'self_reassign' | 'break_glass' | 'contrary_to_advice';
  actor_id: string;
  client_id: string | null; // self_reassign: the client moved
  case_code: string | null;
  roles: string | null; // self_role_grant: the roles gained, comma-separated
  audit_seq: number; // the entry recording the step itself
  created_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  break_glass_id: string | null; // break_glass: the emergency access
  request_id: string | null; // contrary_to_advice: the request whose decision went against the triage
  verdict: 'appropriate' | 'inappropriate' | 'acknowledged' | null;
  notes_enc: string | null; // the reviewer's notes, sealed
}

export interface AccessReviewTables {
  access_reviews: AccessReviewsTable;
}
