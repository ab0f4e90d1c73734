import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { gunzipSync } from 'fflate';
import { AppError, sealed } from '../../core/errors.js';
import { DecryptError, newDataKey, open, seal } from '../../crypto/envelope.js';
import { type SealedMaster, type VaultSecret, Vault } from '../../crypto/vault.js';
import { type Tx, writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { type Actor, type AuditEvent, appendAudit, appendAuditBatch, entryAt } from '../../audit/audit.service.js';
import { type StoredEntry, scanAll } from '../../audit/audit.repository.js';
import { getMeta } from '../vault/vault.repository.js';
import { signingRef } from '../vault/vault.service.js';
import { recordCopy } from '../keystore/keystore.repository.js';
import * as repo from './backup.repository.js';
import { type BackupFile, type Tables, checkBackupEnvelope, checkTables, damagedBackup } from './backup.file.js';

export type { BackupFile } from './backup.file.js';

const gzipAsync = promisify(gzip);
const AD = Buffer.from('sanctum-backup\0v1', 'utf8');

export async function createBackup(ctx: AppContext, progress: (msg: string) => void, actor: Actor = { id: 'cli' }): Promise<BackupFile> {
  // Checked first: the backup key is wrapped at the end, and nothing should be recorded as made before then.
  if (ctx.vault.isSealed) throw sealed();
  const sealedMaster = JSON.parse((await getMeta(ctx.db.kysely, 'master')) as string) as SealedMaster;
  const wrappedSystemKey = (await getMeta(ctx.db.kysely, 'system_key')) as string;
  await ctx.audit.flush();
  await writeTx(ctx.db, async (trx) => {
    await appendAudit(trx, ctx.clock, actor, { action: 'backup.create', targetType: 'vault' });
    const at = ctx.clock.now().toISOString();
    await recordCopy(trx, 'backup', { madeAt: at, at, actorId: actor.id, via: 'export' });
  });
  const tables: Tables = {};
  for (const t of await repo.backupTables(ctx.db)) {
    tables[t] = await repo.dumpTable(ctx.db, t);
    progress(`  ${t}: ${tables[t].length} rows`);
  }
  const backupKey = newDataKey();
  // Compressed on libuv's thread pool: the longest step, kept off the event loop for scheduled backups.
  const packed = await gzipAsync(await encodeTables(tables));
  const payload = seal(backupKey, Buffer.from(packed), AD);
  return {
    format: 'sanctum-backup', v: 1, createdAt: ctx.clock.now().toISOString(), sealedMaster, wrappedSystemKey,
    wrappedBackupKey: ctx.vault.wrapBackupKey(backupKey), payload,
  };
}

/**
 * The same bytes as JSON.stringify(tables), made a few thousand rows at a time with a pause for
 * requests between: one stringify of a large practice held the event loop for most of a second.
 */
async function encodeTables(tables: Tables): Promise<Buffer> {
  const parts: Buffer[] = [Buffer.from('{')];
  for (const [i, [name, rows]] of Object.entries(tables).entries()) {
    parts.push(Buffer.from(`${i ? ',' : ''}${JSON.stringify(name)}:[`));
    for (let j = 0; j < rows.length; j += 2000) {
      parts.push(Buffer.from((j ? ',' : '') + JSON.stringify(rows.slice(j, j + 2000)).slice(1, -1), 'utf8'));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    parts.push(Buffer.from(']'));
  }
  parts.push(Buffer.from('}'));
  return Buffer.concat(parts);
}

/** Decrypt a backup with the passphrase it was made under. */
export async function openBackup(file: BackupFile, secret: VaultSecret): Promise<Tables> {
  checkBackupEnvelope(file);
  const vault = new Vault();
  await vault.unseal(file.sealedMaster, secret, file.wrappedSystemKey);
  let plain: Buffer;
  try {
    plain = open(vault.unwrapBackupKey(file.wrappedBackupKey), file.payload, AD);
  } catch (e) {
    if (e instanceof DecryptError) throw damagedBackup('its contents do not match their seal: bytes were changed or cut off');
    throw e;
  } finally {
    vault.seal();
  }
  let tables: unknown;
  try {
    tables = JSON.parse(Buffer.from(gunzipSync(plain)).toString('utf8'));
  } catch {
    throw damagedBackup('its sealed contents cannot be read back');
  }
  return checkTables(tables);
}

export interface RestoreResult {
  tables: number;
  rows: number;
  keptErased: number;
  /** Clients in the backup with no key here (the key-store file is older than they are). */
  missingKeys: number;
}

/**
 * Replace this vault's records with the backup's, in one transaction. The live key store is kept:
 * clients whose keys were destroyed come back erased, never readable. On a new machine the live
 * key store is the one installed from a key-store file.
 */
export async function restoreBackup(ctx: AppContext, tables: Tables, progress: (msg: string) => void, actor: Actor = { id: 'cli' }): Promise<RestoreResult> {
  checkTables(tables);
  requireSameVault(ctx, tables);
  await ctx.audit.flush();
  const destroyed = await repo.destroyedClients(ctx.db);
  const keyed = await repo.clientsWithKeys(ctx.db);
  const missingKeys = (tables.clients ?? []).filter((c) => !keyed.has(String(c.id))).length;
  const erasedCases = new Set((tables.cases ?? []).filter((c) => destroyed.has(String(c.client_id))).map((c) => String(c.case_code)));
  // The live audit log already contains the backup's history when it extends it: keep it, so
  // nothing recorded since (a disposal certificate, say) is lost by going back in time.
  const keepLiveAudit = await liveAuditExtends(ctx, tables);
  // Otherwise (a new machine: the key import) what was recorded here follows the backup's history.
  const carryLive = !keepLiveAudit && 'audit_log' in tables && 'audit_head' in tables;
  const order = (await repo.backupTables(ctx.db)).filter((t) => t !== 'vault_meta' && t in tables && !(keepLiveAudit && (t === 'audit_log' || t === 'audit_head')));
  let rows = 0;
  let carried = 0;
  await writeTx(ctx.db, async (trx: Tx) => {
    // Read under the audit-chain lock, so nothing appended meanwhile is lost.
    const live = carryLive ? await liveEntries(ctx) : [];
    carried = live.length;
    // Sessions point at users and are never backed up: a restore signs everyone out.
    await repo.clearTable(trx, 'auth_sessions');
    for (const t of [...order].reverse()) await repo.clearTable(trx, t);
    for (const t of order) {
      const kept = tables[t].filter((r) => t === 'audit_log' || t === 'clients' || t === 'cases' || !(typeof r.case_code === 'string' && erasedCases.has(r.case_code)));
      const fixed = t === 'clients' ? kept.map((r) => (destroyed.has(String(r.id)) ? { ...r, identity_enc: null, erased_at: destroyed.get(String(r.id)) || r.erased_at } : r)) : t === 'audit_head' ? kept.map(withV2From) : kept;
      if (fixed.length) await repo.insertRows(trx, t, fixed);
      rows += fixed.length;
      progress(`  ${t}: ${fixed.length} rows`);
    }
    await appendAuditBatch(trx, live.map(carry));
    await appendAudit(trx, ctx.clock, actor, { action: 'backup.restore', targetType: 'vault', details: { rows, keptErased: erasedCases.size, missingKeys, carriedEntries: carried } });
  });
  ctx.db.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  return { tables: order.length, rows, keptErased: erasedCases.size, missingKeys };
}

/** The backup's own copy of the signing key must open under this system key, or it is another vault's. */
function requireSameVault(ctx: AppContext, tables: Tables): void {
  const row = (tables.vault_meta ?? []).find((r) => r.name === 'audit_signing_key');
  if (!row) return;
  try {
    ctx.vault.decryptSystem((JSON.parse(String(row.value)) as { privateEnc: string }).privateEnc, signingRef);
  } catch (e) {
    if (!(e instanceof DecryptError)) throw e;
    throw new AppError('invalid_input', 'This backup was made by a different vault: the keys here cannot open it. Restore it with the key-store file from the same practice.', 'in');
  }
}

/** A backup made before audit chain format v2 holds v1 entries only: the switch comes after its head. */
const withV2From = (r: Record<string, unknown>) => ('v2_from' in r ? r : { ...r, v2_from: Number(r.seq) + 1 });

async function liveEntries(ctx: AppContext): Promise<StoredEntry[]> {
  const out: StoredEntry[] = [];
  for await (const e of scanAll(ctx.db)) out.push(e);
  return out;
}

const carry = (e: StoredEntry) => ({
  at: new Date(e.at),
  actor: e.actorId === null ? null : { id: e.actorId },
  ev: {
    action: e.action, targetType: e.targetType ?? undefined, targetId: e.targetId ?? undefined, caseCode: e.caseCode ?? undefined,
    purpose: e.purpose ?? undefined, outcome: e.outcome, details: e.details === null ? undefined : (JSON.parse(e.details) as AuditEvent['details']),
  },
});

async function liveAuditExtends(ctx: AppContext, tables: Tables): Promise<boolean> {
  const head = tables.audit_head?.[0];
  if (!head) return false;
  const seq = Number(head.seq);
  const live = await entryAt(ctx.db.kysely, seq);
  return seq === 0 || live?.hash === head.hash;
}
