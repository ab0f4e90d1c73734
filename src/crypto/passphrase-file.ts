import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptError } from './envelope.js';
import { type KdfParams, VAULT_KDF, deriveKey, newSalt } from './kdf.js';

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
/** Refuse headers asking for absurd work (a crafted file must not exhaust the machine). */
const MAX_MEMORY_KIB = 1 << 20;
const MAX_ITERATIONS = 20;

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
  if (!(k.memoryKiB > 0 && k.memoryKiB <= MAX_MEMORY_KIB && k.iterations > 0 && k.iterations <= MAX_ITERATIONS && k.parallelism > 0 && k.parallelism <= 16)) throw new DecryptError('sealed file asks for unreasonable key-derivation parameters');
  const body = buf.subarray(nl + 1);
  if (body.length < 16) throw new DecryptError('sealed file is truncated');
  const key = await deriveKey(passphrase, Buffer.from(k.salt, 'base64'), { memoryKiB: k.memoryKiB, iterations: k.iterations, parallelism: k.parallelism });
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.nonce, 'base64'));
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
