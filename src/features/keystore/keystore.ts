import { AppError } from '../../core/errors.js';
import type { RecordRef } from '../../crypto/envelope.js';
import { acceptedFileKdf } from '../../crypto/kdf.js';
import type { KeyPurpose, SealedMaster } from '../../crypto/vault.js';

/**
 * A key-store file: what a new machine needs to open a backup. Every secret in it is already
 * wrapped (the master key sealed under the passphrase or key file, everything else under the
 * master key); the seal at the end authenticates the whole file under the system key, so one
 * changed or missing byte is refused. It holds ids and wrapped keys only: no names, no text.
 */
export interface KeyStoreFile {
  format: 'sanctum-keystore';
  v: 1;
  /** Random: binds the seal to this file. */
  id: string;
  createdAt: string;
  sealedMaster: SealedMaster;
  wrappedSystemKey: string;
  /** The audit checkpoint signing key record, as stored (its private half sealed under the system key). */
  auditSigningKey: string;
  clientKeys: { clientId: string; purpose: KeyPurpose; wrapped: string }[];
  /** Destroyed clients: installing these keeps them destroyed whatever a backup holds. */
  tombstones: { clientId: string; destroyedAt: string }[];
  seal: string;
}

export type KeyStoreBody = Omit<KeyStoreFile, 'seal'>;

export const sealRef = (fileId: string): RecordRef => ({ table: 'keystore_file', id: fileId, field: 'digest', subject: 'system' });

/** JSON with object keys sorted at every level: the bytes the seal covers. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** How many clients the file covers and how many of them were destroyed. */
export function keyStoreCounts(f: Pick<KeyStoreBody, 'clientKeys' | 'tombstones'>): { clients: number; destroyed: number } {
  const destroyed = new Set(f.tombstones.map((t) => t.clientId));
  const all = new Set([...f.clientKeys.map((k) => k.clientId), ...destroyed]);
  return { clients: all.size, destroyed: destroyed.size };
}

const damaged = () => new AppError('invalid_input', 'That key-store file is damaged or incomplete (it may have been cut short). Use another copy.', 'in');
const notKeyStore = () => new AppError('invalid_input', 'That file is not a Sanctum key-store file.', 'in');

const tooLarge = () => new AppError('payload_too_large', 'That file is larger than any key-store file Sanctum writes (64 MiB): it is not a key-store file.', 'in');

const foreignKdf = () => new AppError('invalid_input', 'That key-store file asks for key-derivation settings Sanctum never uses: it was not made by Sanctum, or it was altered. Nothing was done with it. Use another copy.', 'in');

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 20_000;
const isIso = (v: unknown): v is string => isStr(v) && !Number.isNaN(Date.parse(v));

/**
 * The largest key-store file read (64 MiB): about 300 bytes a client, so room for some 200,000
 * clients. Checked on the file's size before it is read or parsed.
 */
export const KEYSTORE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Parse and check the shape of a key-store file before any key work. The Argon2id parameters are
 * bounded here because they are used before the seal can be checked: a doctored file must not
 * be able to ask for gigabytes of memory.
 */
export function parseKeyStore(text: string): KeyStoreFile {
  if (text.length > KEYSTORE_MAX_BYTES) throw tooLarge();
  let f: Partial<KeyStoreFile> & Record<string, unknown>;
  try {
    f = JSON.parse(text) as typeof f;
  } catch {
    throw /"format"\s*:\s*"sanctum-keystore"/.test(text.slice(0, 200)) ? damaged() : notKeyStore();
  }
  if (!f || typeof f !== 'object' || f.format !== 'sanctum-keystore') throw notKeyStore();
  if (f.v !== 1) throw new AppError('invalid_input', 'This key-store file was made by a newer version of Sanctum.', 'in');
  const m = f.sealedMaster as Partial<SealedMaster> | undefined;
  if (m?.kind === 'passphrase' && m.kdf && acceptedFileKdf(m.kdf) === null) throw foreignKdf();
  const masterOk =
    !!m && m.v === 1 && isStr(m.wrapped) &&
    (m.kind === 'keyfile' ||
      (m.kind === 'passphrase' && isStr(m.salt) && !!m.kdf && m.kdf.algorithm === 'argon2id' &&
        acceptedFileKdf(m.kdf) !== null));
  const keysOk =
    Array.isArray(f.clientKeys) &&
    f.clientKeys.every((k) => k && isStr(k.clientId) && (k.purpose === 'identity' || k.purpose === 'clinical') && isStr(k.wrapped)) &&
    Array.isArray(f.tombstones) &&
    f.tombstones.every((t) => t && isStr(t.clientId) && typeof t.destroyedAt === 'string');
  if (!isStr(f.id) || !isIso(f.createdAt) || !masterOk || !isStr(f.wrappedSystemKey) || !isStr(f.auditSigningKey) || !keysOk || !isStr(f.seal)) throw damaged();
  return f as KeyStoreFile;
}

/** The file without its seal: the part the seal covers. */
export function bodyOf(f: KeyStoreFile): KeyStoreBody {
  const { seal: _seal, ...body } = f;
  return body;
}

export interface CopyRecord {
  madeAt: string;
  via: 'export' | 'import';
  clients: number;
  destroyed: number;
  masterFingerprint: string | null;
}

export interface KeyStoreStatus {
  lastMadeAt: string | null;
  via: 'export' | 'import' | null;
  /** Clients created since: their keys are not in that copy. */
  clientsSince: number;
  /** Clients destroyed since: that copy still holds their keys. */
  disposalsSince: number;
  /** The master key was rotated (perhaps under a new passphrase) since. */
  passphraseChangedSince: boolean;
  upToDate: boolean;
}

/**
 * Compare the last key-store copy with the key store now. Destroyed keys never come back, so a
 * count that has grown means a disposal happened after the copy was made.
 */
export function keyStoreStatus(copy: CopyRecord | undefined, now: { clients: number; destroyed: number; masterFingerprint: string | null }): KeyStoreStatus {
  if (!copy) return { lastMadeAt: null, via: null, clientsSince: now.clients, disposalsSince: 0, passphraseChangedSince: false, upToDate: false };
  const clientsSince = Math.max(0, now.clients - copy.clients);
  const disposalsSince = Math.max(0, now.destroyed - copy.destroyed);
  const passphraseChangedSince = copy.masterFingerprint !== null && now.masterFingerprint !== copy.masterFingerprint;
  return { lastMadeAt: copy.madeAt, via: copy.via, clientsSince, disposalsSince, passphraseChangedSince, upToDate: clientsSince === 0 && disposalsSince === 0 && !passphraseChangedSince };
}
