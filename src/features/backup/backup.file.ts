import { AppError } from '../../core/errors.js';
import { acceptedFileKdf } from '../../crypto/kdf.js';
import type { SealedMaster } from '../../crypto/vault.js';

/**
 * An encrypted backup: every table except the client keys, sealed with a fresh backup key that is
 * wrapped by the master key. Because the keys stay behind, a client destroyed after the backup
 * was taken stays destroyed when it is restored.
 */
export interface BackupFile {
  format: 'sanctum-backup';
  v: 1;
  createdAt: string;
  sealedMaster: SealedMaster;
  wrappedSystemKey: string;
  wrappedBackupKey: string;
  payload: string;
}

export type Tables = Record<string, Record<string, unknown>[]>;

/**
 * The largest backup file read (512 MiB). A backup is written as one JSON string, and Node cannot
 * make a string much past 512 MiB, so Sanctum never writes a larger one; the size is checked
 * before the file is read or parsed.
 */
export const BACKUP_MAX_BYTES = 512 * 1024 * 1024;

const bad = (message: string) => new AppError('invalid_input', message, 'in');
export const notBackup = () => bad('That file is not a Sanctum backup.');
export const damagedBackup = (what: string) => bad(`That backup is damaged or incomplete (${what}). Nothing was changed. Use another copy.`);
export const tooLargeBackup = () => new AppError('payload_too_large', 'That file is larger than any backup Sanctum writes (512 MiB): it is not a backup, or not a whole one.', 'in');

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Parse a backup file's text and check its envelope before any key work. */
export function parseBackupText(text: string): BackupFile {
  if (text.length > BACKUP_MAX_BYTES) throw tooLargeBackup();
  let f: unknown;
  try {
    f = JSON.parse(text);
  } catch {
    throw /"format"\s*:\s*"sanctum-backup"/.test(text.slice(0, 200)) ? damagedBackup('it ends part-way through, or bytes were changed') : notBackup();
  }
  return checkBackupEnvelope(f);
}

/**
 * The envelope's shape, and the key-derivation settings it carries: they are used before the
 * file can be authenticated, so a doctored file must not choose how much memory or time it costs.
 */
export function checkBackupEnvelope(f: unknown): BackupFile {
  const b = f as Partial<BackupFile> | null;
  if (!b || typeof b !== 'object' || b.format !== 'sanctum-backup') throw notBackup();
  if (b.v !== 1) throw bad('This backup was made by a newer version of Sanctum.');
  const m = b.sealedMaster as Partial<SealedMaster> | undefined;
  if (m?.kind === 'passphrase' && acceptedFileKdf(m.kdf) === null) {
    throw bad('That backup asks for key-derivation settings Sanctum never uses: it was not made by Sanctum, or it was altered. Nothing was done with it. Use another copy.');
  }
  const masterOk = !!m && m.v === 1 && isStr(m.wrapped) && (m.kind === 'keyfile' || (m.kind === 'passphrase' && isStr(m.salt) && m.kdf?.algorithm === 'argon2id'));
  if (!masterOk || !isStr(b.createdAt) || Number.isNaN(Date.parse(b.createdAt)) || !isStr(b.wrappedSystemKey) || !isStr(b.wrappedBackupKey) || !isStr(b.payload)) {
    throw damagedBackup('parts of it are missing');
  }
  return b as BackupFile;
}

/**
 * What the decrypted payload must hold for a restore to make sense: a table of rows per name, the
 * vault's own records, and exactly one audit-chain head (without it the chain cannot continue).
 */
export function checkTables(t: unknown): Tables {
  if (!t || typeof t !== 'object' || Array.isArray(t)) throw damagedBackup('its contents are not tables of records');
  const tables = t as Record<string, unknown>;
  for (const [name, rows] of Object.entries(tables)) {
    if (!Array.isArray(rows) || !rows.every((r) => r && typeof r === 'object' && !Array.isArray(r))) throw damagedBackup(`the table "${name}" is not a list of records`);
  }
  const ok = tables as Tables;
  if (!ok.vault_meta?.length) throw damagedBackup('it holds no vault records');
  const head = ok.audit_head;
  if (!head || head.length !== 1) throw damagedBackup(`it has ${head?.length ? 'more than one' : 'no'} audit-chain head (the audit_head row), so its audit history cannot be continued`);
  if (!Number.isInteger(Number(head[0].seq)) || typeof head[0].hash !== 'string') throw damagedBackup('its audit-chain head (the audit_head row) is unreadable');
  return ok;
}
