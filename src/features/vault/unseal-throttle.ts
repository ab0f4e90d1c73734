import { recordAudit } from '../../audit/audit.service.js';
import { AppError } from '../../core/errors.js';
import { sha256Hex } from '../../crypto/hashing.js';
import type { AppContext } from '../../context.js';
import * as attempts from '../auth/attempts.repository.js';
import { type LockPolicy, lockSchedule } from '../auth/lockout.js';
import { unsealVault, vaultStatus } from './vault.service.js';

/**
 * Unlocking over the network needs no account, so guesses at the passphrase are limited per
 * source and overall, with growing waits, in the database (every app server shares the count).
 * Each guess is counted in one statement before the Argon2 work starts, so parallel guesses
 * cannot slip past. The overall wait is capped low: an outsider can delay an unlock, not stop it.
 */
const PER_SOURCE: LockPolicy = { threshold: 5, minutes: 1, maxDoublings: 6 }; // then 1, 2, 4 … 64 minutes
const OVERALL: LockPolicy = { threshold: 20, minutes: 1, maxDoublings: 4 }; // then 1, 2, 4 … 16 minutes
const ALL = 'unseal-all';

const minutesUntil = (iso: string | null, now: Date) => Math.max(1, Math.ceil(((iso ? new Date(iso).getTime() : now.getTime()) - now.getTime()) / 60_000));

async function refuse(ctx: AppContext, key: string, scope: 'source' | 'all'): Promise<never> {
  const now = ctx.clock.now();
  const wait = minutesUntil(await attempts.keyLockedUntil(ctx.db.kysely, key, now.toISOString()), now);
  await recordAudit(ctx.db, ctx.clock, null, { action: 'vault.unseal', targetType: 'vault', outcome: 'denied', details: { reason: 'throttled', scope } });
  const plural = wait === 1 ? 'minute' : 'minutes';
  throw new AppError(
    'rate_limited',
    scope === 'source'
      ? `Too many wrong vault passphrases from here. Try again in ${wait} ${plural}.`
      : `Too many wrong vault passphrases have been tried. Try again in ${wait} ${plural}.`,
  );
}

/** /api/vault/unseal: the passphrase from someone at `source` (request.ip, as the proxy settings yield it). */
export async function unsealFromNetwork(ctx: AppContext, passphrase: string, source: string): Promise<void> {
  // An open vault, or none yet, needs no guess checked (the answer is the same whatever was sent).
  if ((await vaultStatus(ctx)) !== 'sealed') return unsealVault(ctx, { passphrase }, null);
  const now = ctx.clock.now();
  const sourceKey = `unseal-source:${sha256Hex(source)}`;
  if ((await attempts.countKeyAttempt(ctx.db.kysely, sourceKey, lockSchedule(PER_SOURCE, now))) === null) await refuse(ctx, sourceKey, 'source');
  if ((await attempts.countKeyAttempt(ctx.db.kysely, ALL, lockSchedule(OVERALL, now))) === null) await refuse(ctx, ALL, 'all');
  await unsealVault(ctx, { passphrase }, null); // audits a wrong passphrase itself
  await attempts.clearKey(ctx.db.kysely, sourceKey);
  await attempts.clearKey(ctx.db.kysely, ALL);
}
