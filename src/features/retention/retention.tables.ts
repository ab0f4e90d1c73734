/** A practice's own retention periods, one row per jurisdiction; absent rows fall back to the shipped defaults. */
export interface RetentionPoliciesTable {
  practice_id: string;
  jurisdiction: string;
  base_policy: string; // the shipped policy (rules/retention) it started from
  adult_years: number;
  minor_until_birthday: number;
  minor_until_birthday_at_17: number;
  process_notes_years: number | null; // null: process notes kept as long as the rest
  reason: string | null; // why the practice departs from the default (no client information)
  updated_by: string;
  updated_at: string;
}

export interface LegalHoldsTable {
  id: string;
  practice_id: string;
  case_code: string;
  kind: string; // litigation | information_request | subject_access | breach_investigation | other
  reason_enc: string; // system key: may name proceedings
  placed_by: string;
  placed_at: string;
  released_at: string | null;
  released_by: string | null;
}

/** Proof of destruction: codes, categories, dates and counts only, never identity or content. */
export interface DisposalCertificatesTable {
  id: string;
  number: string; // D-2026-0001
  practice_id: string;
  case_code: string;
  scope: 'whole_record' | 'process_notes';
  basis: 'retention' | 'erasure_request';
  categories: string; // JSON: [{category, count, from, to}]
  policy: string; // JSON: the policy applied and the date it gave
  approved_by: string;
  approver_role: string;
  destroyed_at: string;
  audit_seq: number;
}

export interface RetentionTables {
  retention_policies: RetentionPoliciesTable;
  legal_holds: LegalHoldsTable;
  disposal_certificates: DisposalCertificatesTable;
}
