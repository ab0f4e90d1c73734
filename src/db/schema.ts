/**
 * The database type, composed from each feature's tables. A feature adds its table interfaces in
 * its own file and one line to `Database` below. Timestamps are ISO-8601 UTC strings and civil
 * dates are YYYY-MM-DD strings on both dialects; booleans are 0/1 integers.
 * Columns ending in `_enc` hold vault ciphertext only.
 */
import type { AuditTables } from '../audit/audit.tables.js';
import type { CoreTables } from './core.tables.js';
import type { ConsentTables } from '../features/consent/consent.tables.js';
import type { RequestTables } from '../features/requests/requests.tables.js';
import type { BreachTables } from '../features/breaches/breaches.tables.js';
import type { RetentionTables } from '../features/retention/retention.tables.js';
import type { SarTables } from '../features/sar/sar.tables.js';
import type { SharingTables } from '../features/sharing/sharing.tables.js';
import type { KeystoreTables } from '../features/keystore/keystore.tables.js';
import type { BackupTables } from '../features/backup/backup.tables.js';
import type { AccessReviewTables } from '../features/staff/access-review.tables.js';
import type { OrganisationTables } from '../features/organisation/organisation.tables.js';
import type { AuthTables } from '../features/auth/auth.tables.js';
import type { SupervisionTables } from '../features/supervision/supervision.tables.js';

export interface Database extends CoreTables, AuditTables, ConsentTables, RequestTables, BreachTables, RetentionTables, SarTables, SharingTables, KeystoreTables, BackupTables, AuthTables, AccessReviewTables, OrganisationTables, SupervisionTables {}
