import { type Actor, appendAudit, recordAudit } from '../../audit/audit.service.js';
import { AppError, conflict } from '../../core/errors.js';
import type { RecordRef } from '../../crypto/envelope.js';
import { newSigningKeyPair } from '../../crypto/signing.js';
import type { KeyPurpose, SealedMaster, VaultSecret } from '../../crypto/vault.js';
import { writeTx, type Executor, type Tx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { checkNewVaultSecret } from './passphrase-policy.js';
import * as repo from './vault.repository.js';

export type VaultStatus = 'uninitialised' | 'sealed' | 'unsealed';

export async function vaultStatus(ctx: AppContext): Promise<VaultStatus> {
  if (!ctx.vault.isSealed) return 'unsealed';
  return (await repo.getMeta(ctx.db.kysely, 'master')) ? 'sealed' : 'uninitialised';
}

/** Create the vault inside the caller's transaction (set-up creates the practice alongside). */
export async function initialiseVault(ctx: AppContext, trx: Tx, secret: VaultSecret): Promise<void> {
  if (await repo.getMeta(trx, 'master')) throw conflict('A vault already exists here.');
  await checkNewVaultSecret(secret);
  const { sealedMaster, wrappedSystemKey } = await ctx.vault.initialise(secret, ctx.config.vaultKdf);
  const at = ctx.clock.now().toISOString();
  await repo.putMeta(trx, 'master', JSON.stringify(sealedMaster), at);
  await repo.putMeta(trx, 'system_key', wrappedSystemKey, at);
  const pair = newSigningKeyPair();
  const sealedPrivate = ctx.vault.encryptSystem(pair.privatePem, signingRef);
  await repo.putMeta(trx, 'audit_signing_key', JSON.stringify({ publicPem: pair.publicPem, privateEnc: sealedPrivate }), at);
  await appendAudit(trx, ctx.clock, { id: 'system' }, { action: 'vault.initialise', targetType: 'vault', details: { kind: sealedMaster.kind } });
}

export async function unsealVault(ctx: AppContext, secret: VaultSecret, actor: Actor | null): Promise<void> {
  const master = await repo.getMeta(ctx.db.kysely, 'master');
  const system = await repo.getMeta(ctx.db.kysely, 'system_key');
  if (!master || !system) throw new AppError('uninitialised', 'There is no vault here yet. Run set-up first.');
  if (!ctx.vault.isSealed) return;
  try {
    await ctx.vault.unseal(JSON.parse(master) as SealedMaster, secret, system);
  } catch (e) {
    await recordAudit(ctx.db, ctx.clock, actor, { action: 'vault.unseal', outcome: 'denied' });
    throw e;
  }
  await recordAudit(ctx.db, ctx.clock, actor, { action: 'vault.unseal' });
}

/** The key for one client's identity or clinical data; throws `erased` once destroyed. */
export async function clientKey(ctx: AppContext, db: Executor, clientId: string, purpose: KeyPurpose): Promise<Buffer> {
  const wrapped = await repo.wrappedClientKey(db, clientId, purpose);
  return ctx.vault.clientKey(clientId, purpose, wrapped);
}

/** One purpose's keys for many clients in one lookup (a caseload list needs every identity key). */
export async function clientKeysOf(ctx: AppContext, db: Executor, clientIds: readonly string[], purpose: KeyPurpose): Promise<Map<string, Buffer>> {
  const wrapped = await repo.wrappedClientKeysOf(db, clientIds, purpose);
  const out = new Map<string, Buffer>();
  // A destroyed or missing key is left out: the caller's own lookup then says the client was erased.
  for (const id of clientIds) {
    const w = wrapped.get(id);
    if (w) out.set(id, ctx.vault.clientKey(id, purpose, w));
  }
  return out;
}

/** Both of a client's keys in one lookup (opening a record needs both). */
export async function clientKeys(ctx: AppContext, db: Executor, clientId: string): Promise<Record<KeyPurpose, Buffer>> {
  const wrapped = await repo.wrappedClientKeys(db, clientId);
  return { identity: ctx.vault.clientKey(clientId, 'identity', wrapped.identity), clinical: ctx.vault.clientKey(clientId, 'clinical', wrapped.clinical) };
}

export async function createClientKeys(ctx: AppContext, trx: Tx, clientId: string): Promise<void> {
  await repo.insertClientKeys(trx, clientId, ctx.vault.newClientKeys(clientId), ctx.clock.now().toISOString());
}

/** Crypto-shredding: once the wrapped keys are gone, every copy of the ciphertext is noise. */
export async function destroyClientKeys(ctx: AppContext, trx: Tx, clientId: string): Promise<number> {
  return repo.destroyClientKeys(trx, clientId, ctx.clock.now().toISOString());
}

export async function rotateMasterKey(ctx: AppContext, secret: VaultSecret, actor: Actor): Promise<{ rewrapped: number }> {
  await checkNewVaultSecret(secret);
  const done = await writeTx(ctx.db, async (trx) => {
    const keys = await repo.liveClientKeys(trx);
    const system = await repo.getMeta(trx, 'system_key');
    if (!system) throw new AppError('uninitialised', 'There is no vault here yet.');
    const rotated = await ctx.vault.rotate(secret, keys, system, ctx.config.vaultKdf);
    const at = ctx.clock.now().toISOString();
    for (const k of rotated.clientKeys) await repo.updateWrapped(trx, k.clientId, k.purpose, k.wrapped);
    await repo.putMeta(trx, 'master', JSON.stringify(rotated.sealedMaster), at);
    await repo.putMeta(trx, 'system_key', rotated.wrappedSystemKey, at);
    await appendAudit(trx, ctx.clock, actor, { action: 'keys.rotate', targetType: 'vault', details: { rewrapped: keys.length } });
    return { adopt: rotated.adopt, rewrapped: keys.length };
  });
  // Only after the commit: a failed transaction leaves the old master key in use.
  done.adopt();
  return { rewrapped: done.rewrapped };
}

export const signingRef: RecordRef = { table: 'vault_meta', id: 'audit_signing_key', field: 'private', subject: 'system' };

export async function signingKeys(ctx: AppContext): Promise<{ publicPem: string; privatePem: string }> {
  const raw = await repo.getMeta(ctx.db.kysely, 'audit_signing_key');
  if (!raw) throw new AppError('uninitialised', 'There is no vault here yet.');
  const { publicPem, privateEnc } = JSON.parse(raw) as { publicPem: string; privateEnc: string };
  return { publicPem, privatePem: ctx.vault.decryptSystem(privateEnc, signingRef) };
}
