export interface AuditLogTable {
  seq: number; // 1, 2, 3 … with no gaps
  at: string;
  actor_id: string | null; // user id, 'cli', 'system', or a client's signing-link id
  action: string; // e.g. client.read, note.sign, auth.signin_failed
  target_type: string | null;
  target_id: string | null;
  case_code: string | null;
  purpose: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  details: string | null; // JSON of ids and codes only — never names or note text
  hash: string; // hex chain hash through this entry
}

/** One row: the chain head, locked by every append so the chain stays linear. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  v2_from: number; // first seq hashed as chain format v2; earlier entries are v1 (migration 0101)
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
