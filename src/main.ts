import { AuditBuffer } from './audit/audit.buffer.js';
import type { Clock } from './core/clock.js';
import { systemClock } from './core/clock.js';
import { PASSWORD_KDF, VAULT_KDF } from './crypto/kdf.js';
import { Vault } from './crypto/vault.js';
import { type Db, connectFromEnv, requireDurableStore } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import type { AppContext, Config } from './context.js';
import { checkPublicUrl } from './features/consent/public-url.js';

export const defaultConfig: Config = {
  vaultKdf: VAULT_KDF,
  passwordKdf: PASSWORD_KDF,
  idleTimeoutMinutes: 15,
  absoluteTimeoutMinutes: 12 * 60,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
};

/** Build every dependency in one place: the database (migrated), a sealed vault, the clock. */
export async function buildContext(opts: { env?: NodeJS.ProcessEnv; dataDir?: string; db?: Db; clock?: Clock; config?: Partial<Config> } = {}): Promise<AppContext> {
  const db = opts.db ?? connectFromEnv(opts.env ?? process.env, opts.dataDir);
  try {
    await requireDurableStore(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  await migrateToLatest(db);
  const publicUrl = (opts.env ?? process.env).SANCTUM_PUBLIC_URL;
  const fromEnv: Partial<Config> = publicUrl ? { publicUrl: checkPublicUrl(publicUrl) } : {};
  return { db, vault: new Vault(), clock: opts.clock ?? systemClock, config: { ...defaultConfig, ...fromEnv, ...opts.config }, audit: new AuditBuffer(db) };
}
