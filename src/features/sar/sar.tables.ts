/** Subject access and the client's other rights. Text that could identify or describe anyone is in `*_enc` only. */
export interface SarRequestsTable {
  id: string;
  practice_id: string;
  case_code: string;
  right: string; // access | erasure | rectification | portability | restriction | objection
  regime: string; // uk-gdpr | hipaa
  jurisdiction: string;
  received_on: string; // civil date in the practice's time zone
  clock_start_on: string; // received_on, or the date proportionate proof of identity arrived
  due_on: string;
  extended_due_on: string;
  extended: number;
  extension_told_on: string | null;
  extension_reason_enc: string | null;
  status: string; // see REQUEST_STATUSES
  verification_method: string | null;
  verified_on: string | null;
  verified_by: string | null;
  verification_note_enc: string | null;
  fee_cents: number;
  fee_reason: string | null;
  message_enc: string | null; // {text, cues}
  detected_right: string | null;
  detected_confidence: number | null; // per mille
  process_notes: string; // default | include | exclude
  exemption_enc: string | null; // why process notes (or more) are withheld
  outcome_enc: string | null; // decision, reasons, effect (other rights)
  delivered_channel: string | null;
  delivered_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** One proposed or decided redaction: a span of one source text, by id and offsets. */
export interface SarRedactionsTable {
  id: string;
  request_id: string;
  case_code: string;
  source_type: string; // note | addendum | document
  source_id: string;
  start_at: number;
  end_at: number;
  kind: string; // third_party_name | third_party_words | third_party_confidence | other_person | staff_name | exemption
  ground: string; // see GROUNDS
  origin: string; // auto | manual
  status: string; // proposed | accepted | rejected
  excerpt_enc: string; // the span's text (clinical key)
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface SarExportsTable {
  id: string;
  request_id: string;
  case_code: string;
  status: string; // queued | running | ready | failed
  stage: string;
  done: number;
  total: number;
  file_enc: string | null; // the passphrase-sealed zip, base64, sealed again with the clinical key
  size_bytes: number | null;
  sha256: string | null;
  withheld: number;
  created_by: string;
  created_at: string;
  finished_at: string | null;
  practice_id: string | null;
  /** Until when the server holding the job vouches for it (ISO); past it, the job is failed. */
  lease_until: string | null;
  /** Which server process holds the job (a random id per start). */
  owner: string | null;
  /** Why a job failed, in plain words for the page. */
  message: string | null;
}

/** Another client who took part in a session (couple, family, group work). Ids only. */
export interface SessionParticipantsTable {
  session_id: string;
  case_code: string; // the session's own case
  client_id: string; // the other participant
  role: string; // partner | family | group
  created_at: string;
}

export interface SarTables {
  sar_requests: SarRequestsTable;
  sar_redactions: SarRedactionsTable;
  sar_exports: SarExportsTable;
  session_participants: SessionParticipantsTable;
}
