import { randomBytes } from 'node:crypto';
import { type Algorithm, hash, hashRaw, verify } from '@node-rs/argon2';
import { runTask } from '../workers/pool.js';

// @node-rs/argon2 exposes Algorithm as an ambient const enum; 2 is its Argon2id member.
const ARGON2ID = 2 as Algorithm;

export interface KdfParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** Vault passphrase stretching: 64 MiB, 3 passes (at or above OWASP's Argon2id guidance). */
export const VAULT_KDF: KdfParams = { memoryKiB: 65536, iterations: 3, parallelism: 1 };
/** Staff passwords: OWASP's Argon2id baseline (19 MiB, 2 passes); parameters live in the hash. */
export const PASSWORD_KDF: KdfParams = { memoryKiB: 19456, iterations: 2, parallelism: 1 };
/** Cheap parameters for the test suite only; never the default anywhere. */
export const TEST_KDF: KdfParams = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

export const newSalt = (): Buffer => randomBytes(16);

/**
 * Key-derivation parameters read from anything that came from outside (a backup, a key-store
 * file, a sealed export, a stored master key) are used before the file can be authenticated, so
 * the file would otherwise choose how much memory and time it costs to open. Only what Sanctum
 * itself writes is accepted: at most the vault's own cost (64 MiB, 3 passes, one lane) and at
 * least the test parameters. Raising VAULT_KDF raises this ceiling with it, so older files,
 * made under lower parameters, keep opening.
 */
export const FILE_KDF_CEILING: KdfParams = VAULT_KDF;
const FILE_KDF_FLOOR: KdfParams = TEST_KDF;

const inRange = (v: unknown, lo: number, hi: number): v is number => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

/** The parameters if Sanctum could have written them, else null (the caller says what was wrong). */
export function acceptedFileKdf(p: unknown): KdfParams | null {
  if (!p || typeof p !== 'object') return null;
  const { memoryKiB, iterations, parallelism } = p as Record<string, unknown>;
  if (!inRange(memoryKiB, FILE_KDF_FLOOR.memoryKiB, FILE_KDF_CEILING.memoryKiB)) return null;
  if (!inRange(iterations, FILE_KDF_FLOOR.iterations, FILE_KDF_CEILING.iterations)) return null;
  if (!inRange(parallelism, FILE_KDF_FLOOR.parallelism, FILE_KDF_CEILING.parallelism)) return null;
  return { memoryKiB, iterations, parallelism };
}

/**
 * The Argon2id calls themselves. Callers use the functions below, which run these on the worker
 * pool's Argon2 lane when the server runs one (src/workers/pool.ts), and in place otherwise.
 */
export const argon2Direct = {
  derive: (passphrase: string, salt: Buffer, p: KdfParams): Promise<Buffer> =>
    hashRaw(passphrase.normalize('NFKC'), { algorithm: ARGON2ID, memoryCost: p.memoryKiB, timeCost: p.iterations, parallelism: p.parallelism, outputLen: 32, salt }),
  hash: (password: string, p: KdfParams): Promise<string> =>
    hash(password.normalize('NFKC'), { algorithm: ARGON2ID, memoryCost: p.memoryKiB, timeCost: p.iterations, parallelism: p.parallelism }),
  verify: (phc: string, password: string): Promise<boolean> => verify(phc, password.normalize('NFKC')),
};

export async function deriveKey(passphrase: string, salt: Buffer, p: KdfParams): Promise<Buffer> {
  const key = await runTask('kdf', 'kdf.derive', { passphrase, salt, params: p }, () => argon2Direct.derive(passphrase, salt, p));
  return Buffer.isBuffer(key) ? key : Buffer.from(key.buffer, key.byteOffset, key.byteLength);
}

export async function hashPassword(password: string, p: KdfParams = PASSWORD_KDF): Promise<string> {
  return runTask('kdf', 'kdf.hash', { password, params: p }, () => argon2Direct.hash(password, p));
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await runTask('kdf', 'kdf.verify', { phc, password }, () => argon2Direct.verify(phc, password));
  } catch {
    return false;
  }
}
