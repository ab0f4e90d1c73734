/** The last recovery copy of each kind made of this vault (see migration 0060). */
export interface RecoveryCopiesTable {
  kind: 'backup' | 'keystore';
  /** When the copy was made (for an imported key store: when it was exported). */
  made_at: string;
  recorded_at: string;
  actor_id: string | null;
  via: 'export' | 'import';
  /** Key store only: clients whose keys (or tombstones) it holds, and how many of them were destroyed. */
  clients: number | null;
  destroyed: number | null;
  /** Key store only: a fingerprint of the sealed master key record it carries. */
  master_fp: string | null;
}

export interface KeystoreTables {
  recovery_copies: RecoveryCopiesTable;
}
