import { type Actor, recordAudit } from '../../audit/audit.service.js';
import { AppError, isAppError } from '../../core/errors.js';
import { type SealedMaster, Vault } from '../../crypto/vault.js';
import type { AppContext } from '../../context.js';
import { getMeta } from '../vault/vault.repository.js';
import * as attempts from '../auth/attempts.repository.js';
import { type LockPolicy, lockSchedule } from '../auth/lockout.js';
import { type BackupFile, checkBackupEnvelope } from './backup.file.js';
import * as repo from './backup.repository.js';
import { openBackup, restoreBackup } from './backup.service.js';

export interface Counts {
  clients: number;
  notes: number;
}

export interface WebRestoreResult {
  restored: boolean;
  madeAt: string;
  backup: Counts;
  current: Counts;
  rows: number | null;
  keptErased: number | null;
  missingKeys: number | null;
}

/**
 * Re-authentication for a restore from the browser: the vault passphrase, checked against this
 * vault's own sealed master key. A signed-in session alone (a borrowed laptop, a stolen cookie)
 * must not be able to replace every record; the passphrase is what the command line asks for
 * too, and it is also what opens the backup. Failures are audited.
 */
const GUESSES: LockPolicy = { threshold: 5, minutes: 1, maxDoublings: 6 }; // then 1, 2, 4 … 64 minutes

async function requireVaultPassphrase(ctx: AppContext, actor: Actor, passphrase: string): Promise<void> {
  // Counted before the Argon2 work, per admin and shared by every server, as unlocking is.
  const key = `restore-passphrase:${actor.id}`;
  const now = ctx.clock.now();
  if ((await attempts.countKeyAttempt(ctx.db.kysely, key, lockSchedule(GUESSES, now))) === null) {
    const until = await attempts.keyLockedUntil(ctx.db.kysely, key, now.toISOString());
    const wait = Math.max(1, Math.ceil(((until ? Date.parse(until) : now.getTime()) - now.getTime()) / 60_000));
    await recordAudit(ctx.db, ctx.clock, actor, { action: 'backup.restore', targetType: 'vault', outcome: 'denied', details: { reason: 'throttled' } });
    throw new AppError('rate_limited', `Too many wrong vault passphrases. Try again in ${wait} ${wait === 1 ? 'minute' : 'minutes'}.`);
  }
  const master = await getMeta(ctx.db.kysely, 'master');
  const system = await getMeta(ctx.db.kysely, 'system_key');
  if (!master || !system) throw new AppError('uninitialised', 'There is no vault here yet.');
  const sealed = JSON.parse(master) as SealedMaster;
  if (sealed.kind !== 'passphrase') throw new AppError('invalid_input', 'This vault opens with a key file, not a passphrase: restore from the command line (sanctum restore).', 'passphrase');
  const probe = new Vault();
  try {
    await probe.unseal(sealed, { passphrase }, system);
  } catch (e) {
    if (isAppError(e) && e.code === 'invalid_input') {
      await recordAudit(ctx.db, ctx.clock, actor, { action: 'backup.restore', targetType: 'vault', outcome: 'denied', details: { reason: 'wrong_passphrase' } });
      throw new AppError('invalid_input', 'That vault passphrase is not right.', 'passphrase');
    }
    throw e;
  } finally {
    probe.seal();
  }
  await attempts.clearKey(ctx.db.kysely, key);
}

async function currentCounts(ctx: AppContext): Promise<Counts> {
  return { clients: await repo.countRows(ctx.db, 'clients'), notes: await repo.countRows(ctx.db, 'notes') };
}

/**
 * A restore from the web app, in two steps: without `confirm` it only says what would be
 * replaced (the backup's date and counts against today's); with it, the records are replaced
 * in one transaction and the restore is audited under the admin's id. Everyone is signed out.
 */
export async function restoreFromWeb(ctx: AppContext, actor: Actor, input: { backup: unknown; passphrase: string; confirm: boolean }): Promise<WebRestoreResult> {
  const file: BackupFile = checkBackupEnvelope(input.backup);
  await requireVaultPassphrase(ctx, actor, input.passphrase);
  let tables;
  try {
    tables = await openBackup(file, { passphrase: input.passphrase });
  } catch (e) {
    if (isAppError(e) && e.field === 'passphrase') {
      throw new AppError('invalid_input', 'This backup does not open with the current vault passphrase: it was made before the passphrase was changed. Restore it from the command line with the passphrase it was made under.', 'backup');
    }
    throw e;
  }
  const backup = { clients: tables.clients?.length ?? 0, notes: tables.notes?.length ?? 0 };
  const current = await currentCounts(ctx);
  if (!input.confirm) return { restored: false, madeAt: file.createdAt, backup, current, rows: null, keptErased: null, missingKeys: null };
  const r = await restoreBackup(ctx, tables, () => {}, actor);
  return { restored: true, madeAt: file.createdAt, backup, current, rows: r.rows, keptErased: r.keptErased, missingKeys: r.missingKeys };
}
