import type { AuditBuffer } from './audit/audit.buffer.js';
import type { Clock } from './core/clock.js';
import type { KdfParams } from './crypto/kdf.js';
import type { Vault } from './crypto/vault.js';
import type { Db } from './db/connection.js';

export interface Config {
  /** Argon2id parameters for sealing the master key (defaults to VAULT_KDF). */
  vaultKdf: KdfParams;
  /** Argon2id parameters for new staff password hashes (defaults to PASSWORD_KDF). */
  passwordKdf: KdfParams;
  /** Session limits (minutes). */
  idleTimeoutMinutes: number;
  absoluteTimeoutMinutes: number;
  /** Failed sign-ins before an account is locked, and for how long. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** The address clients reach Sanctum on, for links sent to them (SANCTUM_PUBLIC_URL); null when not set. */
  publicUrl?: string | null;
}

/** Everything a use case needs, built once in main.ts (or a test) and passed explicitly. */
export interface AppContext {
  db: Db;
  vault: Vault;
  clock: Clock;
  config: Config;
  /** Group-committed read audits (see src/audit/audit.buffer.ts). */
  audit: AuditBuffer;
}
