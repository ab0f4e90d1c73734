import type SQLite from 'better-sqlite3';
import type { ChainRow } from './audit.chain.js';

/**
 * canonical(entry) computed by the database, so verification reads one string per entry instead
 * of ten columns. It must match audit.chain.ts canonical() byte for byte (a test holds them
 * together on both databases): fields joined by U+001F, NULL written as U+2400.
 * Kept free of other imports: verification threads load it on their own.
 */
export function canonicalSql(dialect: 'sqlite' | 'postgres'): string {
  return canonicalParts(dialect).join(dialect === 'sqlite' ? ' || char(31) || ' : ' || chr(31) || ');
}

function canonicalParts(dialect: 'sqlite' | 'postgres'): string[] {
  const seq = dialect === 'sqlite' ? 'seq' : 'seq::text';
  const opt = (c: string) => `coalesce(${c}, '\u2400')`;
  return [seq, 'at', opt('actor_id'), 'action', opt('target_type'), opt('target_id'), opt('case_code'), opt('purpose'), 'outcome', opt('details')];
}

/** Rows from..to of the embedded store, read straight off better-sqlite3 (the leaf's 0x00 prefix included). */
export function sqliteChainRows(sqlite: SQLite.Database): (from: number, to: number) => ChainRow[] {
  const stmt = sqlite.prepare(`select seq, char(0) || ${canonicalSql('sqlite')}, hash from audit_log where seq >= ? and seq <= ? order by seq`).raw(true);
  return (from, to) => stmt.all(from, to) as ChainRow[];
}

/**
 * Rows from..to as packed strings (0x00 ‖ canonical ‖ stored hash) for RangeVerifier.pushPacked.
 * Rows whose stored hash is not exactly 64 characters are left out, so a short page sends the
 * range back to the detailed check rather than letting a longer hash column shift where the
 * entry ends.
 */
export function sqlitePackedRows(sqlite: SQLite.Database): (from: number, to: number) => string[] {
  // concat() builds the string in one call, a fifth faster than a chain of || operators.
  const stmt = sqlite.prepare(`select concat(char(0), ${canonicalParts('sqlite').join(", char(31), ")}, hash) from audit_log where seq >= ? and seq <= ? and length(hash) = 64 order by seq`).pluck(true);
  return (from, to) => stmt.all(from, to) as string[];
}
