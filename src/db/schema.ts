/**
 * The database type, composed from each feature's tables. A feature adds its table interfaces in
 * its own file and one line to `Database` below. Timestamps are ISO-8601 UTC strings and civil
 * dates are YYYY-MM-DD strings on both dialects; booleans are 0/1 integers.
 * Columns ending in `_enc` hold vault ciphertext only.
 */
import type { AuditTables } from '../audit/audit.tables.js';
import type { CoreTables } from './core.tables.js';
import type { ConsentTables } from '../features/consent/consent.tables.js';

export interface Database extends CoreTables, AuditTables, ConsentTables {}
