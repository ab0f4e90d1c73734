/**
 * Anonymised case material. Clinical tables: they refer to the case code only, and everything
 * that came from (or could point back to) the client's text is vault ciphertext under the
 * client's clinical key. The original notes are never copied here: a draft names them by id.
 */
export interface SharingDraftsTable {
  id: string;
  case_code: string;
  status: string; // review | shared
  /** JSON: [{ key: noteId | 'summary', label, sourceMac }] — ids and keyed digests only. */
  parts: string;
  surrogates: number; // 0 tags, 1 realistic stand-ins
  summary_enc: string | null; // a written summary (the original text of that part)
  spans_enc: string; // JSON of proposed and added spans with their decisions
  output_enc: string; // JSON: the anonymised text of each part, as it stands
  span_count: number;
  pending_count: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface SharingRecordsTable {
  id: string;
  draft_id: string;
  case_code: string;
  recipient_kind: string; // supervisor | peer_group | training | research | publication
  form: string; // text | pdf
  recipient_enc: string;
  recipient_user_id: string | null; // the supervisor on the staff it was shared with, if any
  purpose_enc: string;
  text_enc: string; // the reviewed anonymised text, exactly as shared
  text_mac: string; // keyed digest of that text, cited in the audit log
  counts: string; // JSON: spans replaced, by type
  consent_answer: string; // yes | no | not_needed
  consent_id: string | null; // the consent record relied on, where the consent feature holds one
  consent_lookup: string; // what the consent records said: consented | refused | withdrawn | … | not_asked | unavailable
  consent_reason_enc: string | null;
  residual: string; // JSON: checklist answers by question id
  shared_by: string;
  shared_at: string;
}

export interface SharingTables {
  sharing_drafts: SharingDraftsTable;
  sharing_records: SharingRecordsTable;
}
