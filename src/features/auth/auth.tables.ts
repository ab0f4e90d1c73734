/** A guess counter with a lock that grows after a threshold (see migration 0110). */
export interface AttemptLocksTable {
  /** `signin-address:<hmac>`, `unseal-source:<sha256>`, `unseal-all`. */
  key: string;
  /** Attempts counted since the last success; each is counted before it is evaluated. */
  failures: number;
  locked_until: string | null;
}

export interface AuthTables {
  attempt_locks: AttemptLocksTable;
}
