import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptError } from './envelope.js';
import { type KdfParams, VAULT_KDF, acceptedFileKdf, deriveKey, newSalt } from './kdf.js';

/**
 * A file sealed with a passphrase, for handing records to someone outside Sanctum:
 *
 *   line 1: a JSON header ending in "\n", e.g.
 *     {"format":"sanctum-sealed","version":1,"cipher":"aes-256-gcm",
 *      "kdf":{"name":"argon2id","memoryKiB":65536,"iterations":3,"parallelism":1,"salt":"<b64>"},
 *      "nonce":"<b64, 12 bytes>"}
 *   then:   ciphertext ‖ 16-byte GCM tag
 *
 * The key is Argon2id(passphrase NFKC, salt, params) → 32 bytes; the header bytes are the
 * associated data, so a changed parameter fails authentication.
 */
const MAGIC = 'sanctum-sealed';
/**
 * The largest sealed file opened (512 MiB): a client's whole record with its documents stays far
 * below it, and opening holds the file and its plaintext in memory together.
 */
export const SEALED_FILE_MAX_BYTES = 512 * 1024 * 1024;

interface Header {
  format: string;
  version: number;
  cipher: string;
  kdf: { name: string; memoryKiB: number; iterations: number; parallelism: number; salt: string };
  nonce: string;
}

export async function sealWithPassphrase(data: Uint8Array, passphrase: string, kdf: KdfParams = VAULT_KDF): Promise<Buffer> {
  const salt = newSalt();
  const nonce = randomBytes(12);
  const header: Header = { format: MAGIC, version: 1, cipher: 'aes-256-gcm', kdf: { name: 'argon2id', ...kdf, salt: salt.toString('base64') }, nonce: nonce.toString('base64') };
  const head = Buffer.from(JSON.stringify(header) + '\n', 'utf8');
  const key = await deriveKey(passphrase, salt, kdf);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(head);
  const body = Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([head, body]);
}

export function isPassphraseSealed(file: Uint8Array): boolean {
  return Buffer.from(file.subarray(0, 40)).toString('utf8').includes(`"format":"${MAGIC}"`);
}

export async function openWithPassphrase(file: Uint8Array, passphrase: string): Promise<Buffer> {
  if (file.length > SEALED_FILE_MAX_BYTES) throw new DecryptError('sealed file is larger than any Sanctum writes (512 MiB)');
  const buf = Buffer.from(file);
  const nl = buf.indexOf(0x0a);
  if (nl < 0 || nl > 4096) throw new DecryptError('not a sealed Sanctum file');
  let header: Header;
  try {
    header = JSON.parse(buf.subarray(0, nl).toString('utf8')) as Header;
  } catch {
    throw new DecryptError('not a sealed Sanctum file');
  }
  const k = header.kdf;
  if (header.format !== MAGIC || header.version !== 1 || header.cipher !== 'aes-256-gcm' || k?.name !== 'argon2id') throw new DecryptError('unsupported sealed file format');
  // Checked before any work: the header is only authenticated once the key is derived from it.
  const params = acceptedFileKdf(k);
  if (!params) throw new DecryptError('sealed file asks for key-derivation settings Sanctum never uses: it was not made by Sanctum, or it was altered');
  const salt = typeof k.salt === 'string' ? Buffer.from(k.salt, 'base64') : Buffer.alloc(0);
  const nonce = typeof header.nonce === 'string' ? Buffer.from(header.nonce, 'base64') : Buffer.alloc(0);
  if (salt.length < 8 || nonce.length !== 12) throw new DecryptError('sealed file header is damaged');
  const body = buf.subarray(nl + 1);
  if (body.length < 16) throw new DecryptError('sealed file is truncated');
  const key = await deriveKey(passphrase, salt, params);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(buf.subarray(0, nl + 1));
  decipher.setAuthTag(body.subarray(body.length - 16));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } catch {
    throw new DecryptError('wrong passphrase, or the file was changed');
  }
}

/** A passphrase to read out or send separately: 6 groups of 4 from an unambiguous alphabet (~120 bits). */
export function newExportPassphrase(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const bytes = randomBytes(24);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12, 16, 20].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
