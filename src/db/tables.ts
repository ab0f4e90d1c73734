/**
 * Tables in dependency order (parents before children), for backup and restore. A feature that
 * adds tables appends them here. Tables not listed are carried too, after these.
 * Never carried: client keys (so a disposal reaches every backup), sign-in sessions and
 * rate-limit counters (short-lived), and the record of recovery copies (it describes this
 * machine's key store).
 */
export const TABLE_ORDER: string[] = [
  'vault_meta',
  'practices',
  'users',
  'recovery_codes',
  'clients',
  'cases',
  'therapy_sessions',
  'notes',
  'note_addenda',
  'documents',
  'agreement_versions', 'consent_agreements', 'consent_signatures', 'consents', 'consent_capacity', 'consent_competence', 'consent_parents', 'signing_links',
  'info_requests',
  'request_parties',
  'request_documents',
  'request_steps',
  'request_decisions',
  'request_addenda',
  'request_restriction_events',
  'disclosures',
  'breaches',
  'breach_affected',
  'breach_containment',
  'breach_notifications',
  'retention_policies',
  'legal_holds',
  'disposal_certificates',
  'session_participants',
  'sar_requests',
  'sar_redactions',
  'sar_exports',
  'sharing_drafts', 'sharing_records',
  'audit_log',
  'audit_head',
];

export const NEVER_BACKED_UP = new Set(['client_keys', 'auth_sessions', 'rate_limits', 'attempt_locks', 'kysely_migration', 'kysely_migration_lock', 'recovery_copies', 'backup_schedule']);
