import type { Migration } from 'kysely';
import * as m0001 from './0001_core.js';
import * as m0002 from './0002_audit.js';
import * as m0010 from './0010_consent.js';

/**
 * Every migration, by name; names sort in the order they run. Features take their own number
 * range: 0010 consent, 0020 requests, 0030 subject access, 0040 de-identification,
 * 0050 breaches and retention.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_audit': m0002,
  '0010_consent': m0010,
};
