/**
 * Requests for information and the decisions on them. Everything identifying or clinical is
 * ciphertext in `*_enc` columns: under the linked client's keys (identity key for the requester,
 * clinical key for everything else), or under the vault's system key while no client is linked.
 * Codes, enums, dates and counts are plain so the register can be listed without decrypting.
 */
import type { Generated } from 'kysely';

export interface InfoRequestsTable {
  id: string;
  practice_id: string;
  case_code: string | null; // null: no client linked ("not confirmed")
  created_by: string;
  requester_type: string; // triage requester code
  asks: string; // triage asks code
  authority: string; // triage authority code
  jurisdiction: string;
  emergency: number;
  consent: string; // triage consent code, updated as the client is consulted
  received_on: string; // YYYY-MM-DD
  due_on: string | null;
  status: string; // open | awaiting_consent | awaiting_advice | decided | closed
  basis: string; // the latest triage basis
  recommendation: string;
  restricted: number; // 1: kept out of the client's own views and exports
  details_enc: string; // what was asked, concerns, client facts used: clinical key or system key
  triage_enc: string; // the full triage result (reasons, citations, steps)
  created_at: string;
  updated_at: string;
}

/** The requester's particulars: identity-class data kept apart from the clinical request row. */
export interface RequestPartiesTable {
  request_id: string;
  case_code: string | null;
  requester_enc: string; // {name, organisation, role, verifiedHow}
}

/** The order or authority shown, encrypted whole. */
export interface RequestDocumentsTable {
  id: string;
  request_id: string;
  case_code: string | null;
  media_type: string; // application/pdf | image/png | image/jpeg (sniffed)
  size_bytes: number;
  meta_enc: string; // {fileName}
  content_enc: string; // base64 of the file, encrypted
  created_by: string;
  created_at: string;
}

/** Checklist entries, append-only: the latest entry for a step is its current state. */
export interface RequestStepsTable {
  id: string;
  request_id: string;
  case_code: string | null;
  step: string;
  state: string; // done | not_needed
  record_enc: string; // who, when, what: supervisor's advice, legal advice, client's answer…
  recorded_by: string;
  recorded_at: string;
}

export interface RequestDecisionsTable {
  request_id: string;
  case_code: string | null;
  outcome: string; // decline | disclose_in_full | disclose_in_part | provide_report
  decision_enc: string; // {factors, reasons, doNotInformClient}
  status: string; // draft | signed
  decided_by: string;
  updated_at: string;
  signed_by: string | null;
  signed_at: string | null;
  signed_hash: string | null; // sha256 of decision_enc at sign-off
  contrary_to_advice: Generated<number>; // 1: signed off against the triage advice, acknowledged with reasons
  advice_basis: string | null; // the triage basis the sign-off was weighed against
}

export interface RequestAddendaTable {
  id: string;
  request_id: string;
  case_code: string | null;
  body_enc: string;
  author_id: string;
  created_at: string;
}

/** Each time a "do not inform the client" restriction is placed or lifted. */
export interface RequestRestrictionEventsTable {
  id: string;
  request_id: string;
  case_code: string | null;
  action: string; // restrict | lift
  reason_enc: string;
  actor_id: string;
  at: string;
}

/** What went to whom: the accounting of disclosures reads this table. */
export interface DisclosuresTable {
  id: string;
  request_id: string;
  case_code: string;
  practice_id: string;
  disclosed_on: string; // YYYY-MM-DD
  kind: string; // pack | letter
  basis: string; // the triage basis relied on
  record_enc: string; // {recipient, what, purpose, legalBasis, selection}
  pdf_sha256: string | null;
  note_count: number;
  created_by: string;
  created_at: string;
}

export interface RequestTables {
  info_requests: InfoRequestsTable;
  request_parties: RequestPartiesTable;
  request_documents: RequestDocumentsTable;
  request_steps: RequestStepsTable;
  request_decisions: RequestDecisionsTable;
  request_addenda: RequestAddendaTable;
  request_restriction_events: RequestRestrictionEventsTable;
  disclosures: DisclosuresTable;
}
