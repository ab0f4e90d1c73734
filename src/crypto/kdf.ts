import { randomBytes } from 'node:crypto';
import { type Algorithm, hash, hashRaw, verify } from '@node-rs/argon2';

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

export async function deriveKey(passphrase: string, salt: Buffer, p: KdfParams): Promise<Buffer> {
  return hashRaw(passphrase.normalize('NFKC'), {
    algorithm: ARGON2ID,
    memoryCost: p.memoryKiB,
    timeCost: p.iterations,
    parallelism: p.parallelism,
    outputLen: 32,
    salt,
  });
}

export async function hashPassword(password: string, p: KdfParams = PASSWORD_KDF): Promise<string> {
  return hash(password.normalize('NFKC'), {
    algorithm: ARGON2ID,
    memoryCost: p.memoryKiB,
    timeCost: p.iterations,
    parallelism: p.parallelism,
  });
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password.normalize('NFKC'));
  } catch {
    return false;
  }
}
