import type { Migration } from 'kysely';
import * as m0001 from './0001_core.js';
import * as m0002 from './0002_audit.js';
import * as m0010 from './0010_consent.js';
import * as m0020 from './0020_requests.js';
import * as m0030 from './0030_sar.js';
import * as m0040 from './0040_sharing.js';
import * as m0050 from './0050_breaches.js';
import * as m0051 from './0051_retention.js';
import * as m0060 from './0060_keystore.js';
import * as m0100 from './0100_notes_newest_first.js';
import * as m0101 from './0101_audit_chain_v2.js';
import * as m0102 from './0102_password_change.js';
import * as m0110 from './0110_attempt_locks.js';
import * as m0115 from './0115_access_reviews.js';
import * as m0120 from './0120_backup_schedule.js';
import * as m0125 from './0125_export_jobs.js';
import * as m0140 from './0140_contrary_to_advice.js';
import * as m0145 from './0145_note_autosave.js';
import * as m0146 from './0146_consent_withdrawal_how.js';
import * as m0147 from './0147_breach_client_letters.js';
import * as m0155 from './0155_organisation.js';
import * as m0165 from './0165_sharing_recipient.js';
import * as m0166 from './0166_supervision_notes.js';
import * as m0160 from './0160_diary.js';

/**
 * Every migration, by name; names sort in the order they run. Features take their own number
 * range: 0010 consent, 0020 requests, 0030 subject access, 0040 de-identification,
 * 0050 breaches and retention, 0060 recovery copies (key store); 0100 onwards, later changes to
 * the core tables.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_audit': m0002,
  '0010_consent': m0010,
  '0020_requests': m0020,
  '0030_sar': m0030,
  '0040_sharing': m0040,
  '0050_breaches': m0050,
  '0051_retention': m0051,
  '0060_keystore': m0060,
  '0100_notes_newest_first': m0100,
  '0101_audit_chain_v2': m0101,
  '0102_password_change': m0102,
  '0110_attempt_locks': m0110,
  '0115_access_reviews': m0115,
  '0120_backup_schedule': m0120,
  '0125_export_jobs': m0125,
  '0140_contrary_to_advice': m0140,
  '0145_note_autosave': m0145,
  '0146_consent_withdrawal_how': m0146,
  '0147_breach_client_letters': m0147,
  '0155_organisation': m0155,
  '0165_sharing_recipient': m0165,
  '0166_supervision_notes': m0166,
  '0160_diary': m0160,
};
