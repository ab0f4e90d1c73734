import { type Actor, appendAudit } from '../../audit/audit.service.js';
import { type Principal, can } from '../../core/access.js';
import { AppError, conflict, forbidden, sealed } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { DecryptError } from '../../crypto/envelope.js';
import { constantTimeEqualHex, sha256Hex } from '../../crypto/hashing.js';
import { type KeyPurpose, type VaultSecret, Vault } from '../../crypto/vault.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { destroyedClients } from '../backup/backup.repository.js';
import { getMeta, liveClientKeys, putMeta } from '../vault/vault.repository.js';
import { type KeyStoreBody, type KeyStoreFile, type KeyStoreStatus, bodyOf, canonicalJson, keyStoreCounts, keyStoreStatus, sealRef } from './keystore.js';
import * as repo from './keystore.repository.js';

const PURPOSES: KeyPurpose[] = ['identity', 'clinical'];

/** Changes when the master key is rotated, so an older copy can be told apart. */
const masterFingerprint = (raw: string): string => sha256Hex(canonicalJson(JSON.parse(raw)));

/**
 * Write the key store out as a file. Read under the audit-chain lock, so a disposal cannot slip
 * in between reading the keys and recording what the copy holds.
 */
export async function exportKeyStore(ctx: AppContext, actor: Actor): Promise<KeyStoreFile> {
  if (ctx.vault.isSealed) throw sealed();
  return writeTx(ctx.db, async (trx) => {
    const master = await getMeta(trx, 'master');
    const system = await getMeta(trx, 'system_key');
    const signing = await getMeta(trx, 'audit_signing_key');
    if (!master || !system || !signing) throw new AppError('uninitialised', 'There is no vault here yet.');
    const clientKeys = (await liveClientKeys(trx)).sort((a, b) => a.clientId.localeCompare(b.clientId) || a.purpose.localeCompare(b.purpose));
    const tombstones = [...(await destroyedClients(trx)).entries()].map(([clientId, destroyedAt]) => ({ clientId, destroyedAt })).sort((a, b) => a.clientId.localeCompare(b.clientId));
    const at = ctx.clock.now().toISOString();
    const body: KeyStoreBody = {
      format: 'sanctum-keystore', v: 1, id: newId(), createdAt: at,
      sealedMaster: JSON.parse(master) as KeyStoreBody['sealedMaster'], wrappedSystemKey: system, auditSigningKey: signing, clientKeys, tombstones,
    };
    const file: KeyStoreFile = { ...body, seal: ctx.vault.encryptSystem(sha256Hex(canonicalJson(body)), sealRef(body.id)) };
    const counts = keyStoreCounts(body);
    await repo.recordCopy(trx, 'keystore', { madeAt: at, at, actorId: actor.id, via: 'export', ...counts, masterFingerprint: masterFingerprint(master) });
    await appendAudit(trx, ctx.clock, actor, { action: 'keys.export', targetType: 'vault', targetId: body.id, details: counts });
    return file;
  });
}

const altered = () => new AppError('invalid_input', 'That key-store file has been altered or damaged: its seal does not match its contents. Use another copy.', 'in');

/**
 * Prove the passphrase (or key file) opens the file and that not one byte of it changed. Touches
 * no database: a wrong passphrase or a doctored file leaves nothing behind.
 */
export async function verifyKeyStore(file: KeyStoreFile, secret: VaultSecret): Promise<void> {
  const vault = new Vault();
  try {
    await vault.unseal(file.sealedMaster, secret, file.wrappedSystemKey);
    let digest: string;
    try {
      digest = vault.decryptSystem(file.seal, sealRef(file.id));
    } catch (e) {
      if (e instanceof DecryptError) throw altered();
      throw e;
    }
    if (!constantTimeEqualHex(digest, sha256Hex(canonicalJson(bodyOf(file))))) throw altered();
  } finally {
    vault.seal();
  }
}

/** Install a verified key store into an empty store (a new machine). The vault stays sealed. */
export async function installKeyStore(ctx: AppContext, file: KeyStoreFile, actor: Actor): Promise<{ createdAt: string; clients: number; destroyed: number }> {
  const counts = keyStoreCounts(file);
  await writeTx(ctx.db, async (trx) => {
    if (!(await repo.storeIsEmpty(trx))) {
      throw conflict('This data folder (or database) already holds a vault. Import a key-store file only into a new, empty one: keys are never merged into a vault in use.');
    }
    const at = ctx.clock.now().toISOString();
    const master = JSON.stringify(file.sealedMaster);
    await putMeta(trx, 'master', master, at);
    await putMeta(trx, 'system_key', file.wrappedSystemKey, at);
    await putMeta(trx, 'audit_signing_key', file.auditSigningKey, at);
    const live = new Set(file.clientKeys.map((k) => `${k.clientId}/${k.purpose}`));
    const graves = file.tombstones.flatMap((t) =>
      PURPOSES.filter((p) => !live.has(`${t.clientId}/${p}`)).map((purpose) => ({ clientId: t.clientId, purpose, wrapped: null, destroyedAt: t.destroyedAt || file.createdAt })),
    );
    await repo.insertKeyRows(trx, [...file.clientKeys.map((k) => ({ ...k, destroyedAt: null })), ...graves], at);
    // The imported file is the practice's current copy: disposals from here on make it stale.
    await repo.recordCopy(trx, 'keystore', { madeAt: file.createdAt, at, actorId: actor.id, via: 'import', ...counts, masterFingerprint: masterFingerprint(master) });
    await appendAudit(trx, ctx.clock, actor, { action: 'keys.import', targetType: 'vault', targetId: file.id, details: { ...counts, exportedAt: file.createdAt } });
  });
  return { createdAt: file.createdAt, ...counts };
}

export interface RecoveryStatus {
  backup: { lastMadeAt: string | null };
  keyStore: KeyStoreStatus;
}

export function requireBackupRole(p: Principal): void {
  if (!can(p, 'vault.backup')) throw forbidden('Only a practice administrator can make backups and key-store copies.');
}

export async function recoveryStatus(ctx: AppContext, p: Principal): Promise<RecoveryStatus> {
  requireBackupRole(p);
  const db = ctx.db.kysely;
  const [backup, copy, counts, master] = await Promise.all([repo.lastCopy(db, 'backup'), repo.lastCopy(db, 'keystore'), repo.keyCounts(db), getMeta(db, 'master')]);
  return {
    backup: { lastMadeAt: backup?.madeAt ?? null },
    keyStore: keyStoreStatus(copy, { ...counts, masterFingerprint: master ? masterFingerprint(master) : null }),
  };
}
