import type SQLite from 'better-sqlite3';
import type { ChainRow } from './audit.chain.js';

/**
 * canonical(entry) computed by the database, so verification reads one string per entry instead
 * of ten columns. It must match audit.chain.ts canonical() byte for byte (a test holds them
 * together on both databases): fields joined by U+001F, NULL written as U+2400.
 * Kept free of other imports: verification threads load it on their own.
 */
export function canonicalSql(dialect: 'sqlite' | 'postgres'): string {
  const us = dialect === 'sqlite' ? 'char(31)' : 'chr(31)';
  const seq = dialect === 'sqlite' ? 'seq' : 'seq::text';
  const opt = (c: string) => `coalesce(${c}, '\u2400')`;
  return [seq, 'at', opt('actor_id'), 'action', opt('target_type'), opt('target_id'), opt('case_code'), opt('purpose'), 'outcome', opt('details')].join(` || ${us} || `);
}

/** Rows from..to of the embedded store, read straight off better-sqlite3 (the leaf's 0x00 prefix included). */
export function sqliteChainRows(sqlite: SQLite.Database): (from: number, to: number) => ChainRow[] {
  const stmt = sqlite.prepare(`select seq, char(0) || ${canonicalSql('sqlite')}, hash from audit_log where seq >= ? and seq <= ? order by seq`).raw(true);
  return (from, to) => stmt.all(from, to) as ChainRow[];
}
