import type { Generated } from 'kysely';

export interface VaultMetaTable {
  name: string; // 'master' | 'system_key' | 'audit_signing_key'
  value: string; // JSON; secrets in it are sealed or wrapped, never plain
  updated_at: string;
}

/** Per-client data keys, wrapped by the master key. Backups never carry this table. */
export interface ClientKeysTable {
  client_id: string;
  purpose: 'identity' | 'clinical';
  wrapped: string | null; // null once destroyed
  created_at: string;
  destroyed_at: string | null;
}

export interface PracticesTable {
  id: string;
  name: string;
  jurisdiction: string; // GB-ENG, US-CA, ...
  time_zone: string; // IANA, e.g. Europe/London
  created_at: string;
  diary_names: Generated<'short' | 'full'>; // how the diary names clients: first name and initial, or in full
}

export interface UsersTable {
  id: string;
  practice_id: string;
  email: string; // staff sign-in name (lower-cased)
  display_name: string;
  roles: string; // comma-separated: practitioner, admin (more roles come later)
  password_hash: string; // argon2id PHC string, parameters included
  totp_secret_enc: string | null; // sealed with the system key
  totp_enabled: number;
  totp_last_step: number | null; // the last accepted code's time step: a code works once
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  disabled_at: string | null;
  password_must_change: number; // 1 after an admin's reset: the next sign-in can only set a new password
  password_temp_expires_at: string | null; // when the temporary password from that reset stops working
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string; // sha256 of a 120-bit random code
  used_at: string | null;
}

export interface AuthSessionsTable {
  id_hash: string; // sha256 of the cookie token; the token itself is never stored
  user_id: string;
  stage: 'full' | 'enrol_totp' | 'change_password';
  created_at: string;
  last_seen_at: string;
  expires_at: string; // absolute limit
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

/** Identity: everything identifying is inside identity_enc (client identity key). */
export interface ClientsTable {
  id: string;
  practice_id: string;
  identity_enc: string | null; // null once destroyed
  created_at: string;
  erased_at: string | null;
}

/** The link between an identity and its clinical record; holds neither. */
export interface CasesTable {
  case_code: string;
  client_id: string;
  practice_id: string;
  practitioner_id: string | null; // null: not yet assigned (created from the command line)
  team_id: string | null; // the team (service) the client belongs to, if the practice has teams
  preferred_channel: string | null; // the contact channel named on referral (used only once consented)
  status: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
}

export interface TherapySessionsTable {
  id: string;
  case_code: string;
  session_date: string; // YYYY-MM-DD
  duration_minutes: number;
  modality: string; // in_person | video | phone | text
  attendance: string; // attended | cancelled_by_client | cancelled_by_practitioner | did_not_attend
  start_time: string | null; // HH:MM in the practice's time zone; null when not yet set
  room: string | null;
  created_by: string;
  created_at: string;
}

export interface NotesTable {
  id: string;
  case_code: string;
  session_id: string | null;
  kind: 'progress' | 'process';
  status: 'draft' | 'signed';
  body_enc: string;
  author_id: string;
  created_at: string;
  updated_at: string;
  signed_at: string | null;
  signed_by: string | null;
  /** Whose automatic saves of this draft are already in the audit log (migration 0145); optional on insert. */
  autosaved_by?: string | null;
}

export interface NoteAddendaTable {
  id: string;
  note_id: string;
  case_code: string;
  body_enc: string;
  author_id: string;
  created_at: string;
}

export interface DocumentsTable {
  id: string;
  case_code: string;
  kind: string; // letter | report | attachment
  meta_enc: string; // file name and title
  content_enc: string;
  media_type: string;
  size_bytes: number;
  created_by: string;
  created_at: string;
}

export interface CoreTables {
  vault_meta: VaultMetaTable;
  client_keys: ClientKeysTable;
  practices: PracticesTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  auth_sessions: AuthSessionsTable;
  rate_limits: RateLimitsTable;
  clients: ClientsTable;
  cases: CasesTable;
  therapy_sessions: TherapySessionsTable;
  notes: NotesTable;
  note_addenda: NoteAddendaTable;
  documents: DocumentsTable;
}
