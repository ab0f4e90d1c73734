import { AppError, conflict } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit } from '../../audit/audit.service.js';
import type { VaultSecret } from '../../crypto/vault.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { checkPassword } from '../auth/password-policy.js';
import { type NewUserSecrets, type SessionGrant, createUser, startSession } from '../auth/auth.service.js';
import * as authRepo from '../auth/auth.repository.js';
import { assignUnassignedCases } from '../clients/clients.repository.js';
import { unsealFromNetwork } from '../vault/unseal-throttle.js';
import { initialiseVault, vaultStatus } from '../vault/vault.service.js';
import { checkPracticeInput, type Practice } from './practice.js';
import * as repo from './practice.repository.js';

/** A vault and practice with no staff yet (made by `sanctum init`). */
export async function initPractice(ctx: AppContext, secret: VaultSecret, input: { name?: string; jurisdiction?: string; timeZone?: string }): Promise<Practice> {
  const p = { id: newId(), ...checkPracticeInput(input) };
  await writeTx(ctx.db, async (trx) => {
    if (await repo.thePractice(trx)) throw conflict('A vault already exists here.');
    await initialiseVault(ctx, trx, secret);
    await repo.insertPractice(trx, p, ctx.clock.now().toISOString());
    await appendAudit(trx, ctx.clock, { id: 'system' }, { action: 'practice.create', targetType: 'practice', targetId: p.id });
  });
  return p;
}

export interface SetupInput {
  practiceName?: string;
  jurisdiction?: string;
  timeZone?: string;
  passphrase: string;
  displayName: string;
  email: string;
  password: string;
}

/**
 * First run in the browser: creates the vault and practice (or, for a vault made at the command
 * line, proves the passphrase) and the first account — a practitioner who is also the admin.
 */
export async function setupPractice(ctx: AppContext, input: SetupInput, source = 'local'): Promise<NewUserSecrets & { grant: SessionGrant }> {
  const status = await vaultStatus(ctx);
  if (status !== 'uninitialised' && (await authRepo.countUsers(ctx.db.kysely)) > 0) throw conflict('This practice is already set up. Sign in instead.');
  const displayName = (input.displayName ?? '').trim();
  if (!displayName) throw new AppError('invalid_input', 'Your name is needed for the records you sign.', 'displayName');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email ?? '')) throw new AppError('invalid_input', 'That does not look like an email address.', 'email');
  await checkPassword(input.password, [input.email, displayName]);
  if (status === 'uninitialised') {
    await initPractice(ctx, { passphrase: input.passphrase }, { name: input.practiceName, jurisdiction: input.jurisdiction, timeZone: input.timeZone });
  } else if (ctx.vault.isSealed) {
    // Proving the passphrase of a vault made at the command line: limited like any unlock.
    await unsealFromNetwork(ctx, input.passphrase, source);
  }
  const practice = await repo.thePractice(ctx.db.kysely);
  // Keys imported from a key-store file on a new machine, with the backup not restored yet.
  if (!practice) throw new AppError('uninitialised', 'This vault holds imported keys but no records yet. Finish the recovery on the command line with "sanctum restore --in BACKUP-FILE", then sign in as before.');
  return writeTx(ctx.db, async (trx) => {
    if ((await authRepo.countUsers(trx)) > 0) throw conflict('This practice is already set up. Sign in instead.');
    const secrets = await createUser(ctx, trx, { practiceId: practice.id, email: input.email, displayName, roles: ['practitioner', 'admin'], password: input.password });
    await assignUnassignedCases(trx, practice.id, secrets.userId);
    await appendAudit(trx, ctx.clock, { id: secrets.userId }, { action: 'user.create', targetType: 'user', targetId: secrets.userId, details: { roles: ['practitioner', 'admin'] } });
    const user = await authRepo.userById(trx, secrets.userId);
    const grant = await startSession(ctx, trx, user as authRepo.UserRow, 'enrol_totp');
    return { ...secrets, grant };
  });
}

export async function getPractice(ctx: AppContext): Promise<Practice | undefined> {
  return repo.thePractice(ctx.db.kysely);
}
