/**
 * The breach register. Free text (what happened, who reported it, containment steps, reasoning,
 * "not notified" reasons) is sealed with the system key in `*_enc` columns; ids, enums, dates and
 * counts are plain so the register can be listed and its clocks computed without the vault.
 */
export interface BreachesTable {
  id: string;
  practice_id: string;
  reference: string; // B-2026-0001: sequential per practice and year, for letters and the register
  regime: 'uk-gdpr' | 'hipaa';
  kind: string; // lost_device | misdirected_message | unauthorised_access | ransomware | paper | other
  summary_enc: string;
  reporter_enc: string;
  occurred_at: string;
  discovered_at: string; // when the practice became aware: the clocks start here
  categories: string; // comma-separated data categories
  scope: string; // manual | practitioner:<userId> | open_cases | all_cases
  affected_count: number;
  audit_seq: number | null; // the log entry the breach was opened from
  status: 'open' | 'closed';
  likelihood: string | null;
  severity: string | null;
  outcome: string | null; // uk: unlikely | risk | high_risk; hipaa: low_probability | breach
  factors: string | null; // JSON: HIPAA four-factor levels (plain enums only)
  reasoning_enc: string | null;
  assessed_at: string | null;
  assessed_by: string | null;
  created_at: string;
  created_by: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface BreachAffectedTable {
  breach_id: string;
  client_id: string;
  case_code: string;
}

export interface BreachContainmentTable {
  id: string;
  breach_id: string;
  at: string;
  step_enc: string;
  recorded_by: string;
  created_at: string;
}

export interface BreachNotificationsTable {
  id: string;
  breach_id: string;
  audience: string; // regulator | individual | hhs | media
  client_id: string | null; // for an individual
  decision: 'sent' | 'not_notified';
  sent_on: string | null; // YYYY-MM-DD
  channel: string | null; // post | email | phone | in_person | portal | online_form
  reason_enc: string | null;
  recorded_by: string;
  created_at: string;
}

/** The letter to clients, written for them (migration 0147). */
export interface BreachClientLettersTable {
  breach_id: string;
  summary_enc: string; // what happened, in words for clients
  body_enc: string | null; // the letter as edited; null: drafted from the summary
  updated_by: string;
  updated_at: string;
}

export interface BreachTables {
  breach_client_letters: BreachClientLettersTable;
  breaches: BreachesTable;
  breach_affected: BreachAffectedTable;
  breach_containment: BreachContainmentTable;
  breach_notifications: BreachNotificationsTable;
}
