/**
 * Consent tables. Template text is practice-level wording (no client data) and is stored plain so
 * any version can be shown byte-for-byte. Everything about a client is keyed by case code; free
 * text (disclosure details, reasons) uses the clinical key, names and contacts the identity key.
 */
export interface AgreementVersionsTable {
  id: string;
  practice_id: string;
  template_key: string; // JURISDICTION/setting/audience, e.g. GB-ENG/private/adult
  jurisdiction: string;
  setting: string;
  audience: string; // adult | young
  version: number;
  title: string;
  body: string; // the exact published text, placeholders such as {{practiceName}} intact
  content_hash: string; // sha256 hex of body (UTF-8)
  status: string; // draft | published
  source: string; // builtin | practice
  created_by: string;
  created_at: string;
  published_at: string | null;
}

/** One agreement put to one client: the version shown and the filled-in fields. */
export interface ConsentAgreementsTable {
  id: string;
  case_code: string;
  seq: number; // order within the case, so the newest agreement is certain even within one millisecond
  version_id: string;
  fields_enc: string; // clinical key: practice name, supervision, channels offered, retention
  document_hash: string; // sha256 of the exact text the client saw (template with fields filled)
  status: string; // awaiting_signature | signed | void
  created_by: string;
  created_at: string;
  signed_at: string | null;
  signed_via: string | null; // in_person | link
  without_capacity: number; // 1 when the practitioner recorded no capacity at signing
}

/** The signature itself: identity data, so identity key. */
export interface ConsentSignaturesTable {
  agreement_id: string;
  case_code: string;
  method: string; // typed | drawn
  signer: string; // client | parent
  name_enc: string;
  image_enc: string | null; // PNG data URL of a drawn signature
  signed_at: string;
}

export interface ConsentsTable {
  id: string;
  case_code: string;
  seq: number; // order within the case: the newest decision on a subject wins, even within one second
  agreement_id: string | null;
  version_id: string;
  document_hash: string;
  statement_hash: string; // sha256 of the exact wording of this consent as shown
  kind: string; // records | supervision | channel | disclosure
  channel: string | null;
  what: string | null; // disclosure: what may be shared
  details_enc: string | null; // disclosure: recipient and purpose (clinical key)
  given: number;
  expires_on: string | null;
  source: string; // in_person | link | practitioner
  without_capacity: number;
  recorded_by: string;
  recorded_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  /** How and on which day the client asked (migration 0146); optional on insert. */
  withdrawn_via?: string | null;
  withdrawal_asked_on?: string | null;
}

export interface ConsentCapacityTable {
  id: string;
  case_code: string;
  has_capacity: number;
  reasons_enc: string;
  assessed_by: string;
  assessed_at: string;
}

export interface ConsentCompetenceTable {
  id: string;
  case_code: string;
  framework: string;
  competent: number;
  age: number;
  reasons_enc: string;
  assessed_by: string;
  assessed_at: string;
}

/** Who holds parental responsibility: names and contacts under the identity key. */
export interface ConsentParentsTable {
  id: string;
  case_code: string;
  person_enc: string;
  recorded_by: string;
  recorded_at: string;
  ended_at: string | null;
}

export interface SigningLinksTable {
  id: string;
  case_code: string;
  agreement_id: string;
  token_hash: string; // sha256 of the 256-bit token; the token itself is never stored
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ConsentTables {
  agreement_versions: AgreementVersionsTable;
  consent_agreements: ConsentAgreementsTable;
  consent_signatures: ConsentSignaturesTable;
  consents: ConsentsTable;
  consent_capacity: ConsentCapacityTable;
  consent_competence: ConsentCompetenceTable;
  consent_parents: ConsentParentsTable;
  signing_links: SigningLinksTable;
}

/** Tables holding a case's data by case_code, for secure disposal and backups (parents first). */
export const CONSENT_CASE_TABLES = [
  'signing_links', 'consent_signatures', 'consents', 'consent_agreements', 'consent_capacity', 'consent_competence', 'consent_parents',
] as const;
