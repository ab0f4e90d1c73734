import { type KeyObject, createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';

/**
 * Versioned authenticated encryption. A ciphertext string is
 *   "v1:" + base64(nonce[12] ‖ tag[16] ‖ ciphertext)
 * and the associated data binds it to one field of one record of one subject, so a ciphertext
 * copied to another row, field, table or client fails to decrypt.
 */
export const FORMAT_VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface RecordRef {
  table: string;
  id: string;
  field: string;
  /** The client (or, for system secrets, the owning scope) the value belongs to. */
  subject: string;
}

export class DecryptError extends Error {
  constructor(message = 'ciphertext failed authentication') {
    super(message);
    this.name = 'DecryptError';
  }
}

export function associatedData(ref: RecordRef): Buffer {
  // NUL-separated: none of these identifiers can contain NUL, so the encoding is unambiguous.
  return Buffer.from(`sanctum\0${FORMAT_VERSION}\0${ref.table}\0${ref.id}\0${ref.field}\0${ref.subject}`, 'utf8');
}

/**
 * Node turns a raw key into a KeyObject on every cipher it makes, which costs as much as the
 * decryption of a short field. Keys the vault holds are the same Buffer each time, so their
 * KeyObject is made once and lives exactly as long as the Buffer does (sealing the vault drops
 * both).
 */
const keyObjects = new WeakMap<Buffer, KeyObject>();
function keyObject(key: Buffer): KeyObject {
  let k = keyObjects.get(key);
  if (!k) {
    if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
    k = createSecretKey(key);
    keyObjects.set(key, k);
  }
  return k;
}

/** Drop a key's KeyObject (the vault calls this for every key it zeroes when sealed). */
export function forgetKey(key: Buffer): void {
  keyObjects.delete(key);
}

export function seal(key: Buffer, plaintext: Buffer, ad: Buffer): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyObject(key), nonce);
  cipher.setAAD(ad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${FORMAT_VERSION}:${Buffer.concat([nonce, tag, ct]).toString('base64')}`;
}

export function open(key: Buffer, sealed: string, ad: Buffer): Buffer {
  const sep = sealed.indexOf(':');
  const version = sealed.slice(0, sep);
  if (version !== FORMAT_VERSION) throw new DecryptError(`unknown ciphertext format "${version}"`);
  const raw = Buffer.from(sealed.slice(sep + 1), 'base64');
  if (raw.length < NONCE_BYTES + TAG_BYTES) throw new DecryptError('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', keyObject(key), raw.subarray(0, NONCE_BYTES));
  decipher.setAAD(ad);
  decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  try {
    const plaintext = decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES));
    // GCM yields everything from update(); final() checks the tag and throws when it fails, so
    // nothing is returned unless the ciphertext authenticated.
    decipher.final();
    return plaintext;
  } catch {
    throw new DecryptError();
  }
}

export const encryptField = (key: Buffer, plaintext: string, ref: RecordRef): string =>
  seal(key, Buffer.from(plaintext, 'utf8'), associatedData(ref));

export const decryptField = (key: Buffer, sealed: string, ref: RecordRef): string =>
  open(key, sealed, associatedData(ref)).toString('utf8');

export const newDataKey = (): Buffer => randomBytes(32);

/** Wrap a data key under a key-encryption key, bound to what the key is for. */
export const wrapKey = (kek: Buffer, key: Buffer, label: string): string =>
  seal(kek, key, Buffer.from(`sanctum-key\0${FORMAT_VERSION}\0${label}`, 'utf8'));

export const unwrapKey = (kek: Buffer, wrapped: string, label: string): Buffer =>
  open(kek, wrapped, Buffer.from(`sanctum-key\0${FORMAT_VERSION}\0${label}`, 'utf8'));
