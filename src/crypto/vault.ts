import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AppError, erased, sealed } from '../core/errors.js';
import { DecryptError, type RecordRef, decryptField, encryptField, forgetKey, newDataKey, unwrapKey, wrapKey } from './envelope.js';
import { type KdfParams, VAULT_KDF, acceptedFileKdf, deriveKey, newSalt } from './kdf.js';

/**
 * The vault: the one stateful holder of key material. The master key lives only in memory while
 * unsealed. It wraps a system key (staff TOTP secrets, the checkpoint signing key) and one
 * identity key and one clinical key per client. Storage is the caller's job: this module takes
 * and returns wrapped keys, never touching the database.
 */
export type KeyPurpose = 'identity' | 'clinical';

export type VaultSecret = { passphrase: string } | { keyFile: Buffer };

export interface SealedMaster {
  v: 1;
  kind: 'passphrase' | 'keyfile';
  kdf?: KdfParams & { algorithm: 'argon2id' };
  salt?: string;
  wrapped: string;
}

export const MIN_PASSPHRASE_LENGTH = 12;

export class Vault {
  private master: Buffer | null = null;
  private systemKey: Buffer | null = null;
  // Unwrapped client keys, keyed by label and wrapped form: a destroyed or re-wrapped key never hits.
  private readonly cache = new Map<string, Buffer>();

  get isSealed(): boolean {
    return this.master === null;
  }

  /** Create a new master key and system key, sealed under the secret. */
  async initialise(secret: VaultSecret, kdf: KdfParams = VAULT_KDF): Promise<{ sealedMaster: SealedMaster; wrappedSystemKey: string }> {
    const master = newDataKey();
    const sealedMaster = await sealMaster(master, secret, kdf);
    const systemKey = newDataKey();
    this.master = master;
    this.systemKey = systemKey;
    return { sealedMaster, wrappedSystemKey: wrapKey(master, systemKey, 'system') };
  }

  async unseal(sealedMaster: SealedMaster, secret: VaultSecret, wrappedSystemKey: string): Promise<void> {
    const kek = await keyEncryptionKey(sealedMaster, secret);
    try {
      const master = unwrapKey(kek, sealedMaster.wrapped, 'master');
      this.systemKey = unwrapKey(master, wrappedSystemKey, 'system');
      this.master = master;
    } catch (e) {
      if (e instanceof DecryptError) throw new AppError('invalid_input', 'That vault passphrase or key file is not right.', 'passphrase');
      throw e;
    }
  }

  seal(): void {
    for (const k of [this.master, this.systemKey, ...this.cache.values()]) {
      if (!k) continue;
      forgetKey(k);
      k.fill(0);
    }
    this.master = null;
    this.systemKey = null;
    this.cache.clear();
  }

  /** Fresh identity and clinical keys for a new client, returned wrapped for storage. */
  newClientKeys(clientId: string): Record<KeyPurpose, string> {
    const master = this.requireMaster();
    return {
      identity: wrapKey(master, newDataKey(), clientLabel(clientId, 'identity')),
      clinical: wrapKey(master, newDataKey(), clientLabel(clientId, 'clinical')),
    };
  }

  /** The unwrapped key for a client; a destroyed key (null) means the client was erased. */
  clientKey(clientId: string, purpose: KeyPurpose, wrapped: string | null | undefined): Buffer {
    const master = this.requireMaster();
    if (!wrapped) throw erased();
    const label = clientLabel(clientId, purpose);
    const cacheKey = `${label}\0${wrapped}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    const key = unwrapKey(master, wrapped, label);
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(cacheKey, key);
    return key;
  }

  encrypt(key: Buffer, plaintext: string, ref: RecordRef): string {
    return encryptField(key, plaintext, ref);
  }

  decrypt(key: Buffer, ciphertext: string, ref: RecordRef): string {
    return decryptField(key, ciphertext, ref);
  }

  wrapBackupKey(key: Buffer): string {
    return wrapKey(this.requireMaster(), key, 'backup');
  }

  unwrapBackupKey(wrapped: string): Buffer {
    return unwrapKey(this.requireMaster(), wrapped, 'backup');
  }

  encryptSystem(plaintext: string, ref: RecordRef): string {
    return encryptField(this.requireSystemKey(), plaintext, ref);
  }

  decryptSystem(ciphertext: string, ref: RecordRef): string {
    return decryptField(this.requireSystemKey(), ciphertext, ref);
  }

  /**
   * A keyed hash under the system key, for looking things up by a value that must not sit on disk
   * in a form anyone could recompute (an email address tried at sign-in). Same on every server.
   */
  systemMac(label: string, value: string): string {
    return createHmac('sha256', this.requireSystemKey()).update(`${label}\0${value}`).digest('hex');
  }

  /**
   * Master-key rotation: a new master key re-wraps the system key and every client key; no
   * record is re-encrypted. Destroyed keys stay destroyed.
   */
  async rotate(
    secret: VaultSecret,
    clientKeys: { clientId: string; purpose: KeyPurpose; wrapped: string }[],
    wrappedSystemKey: string,
    kdf: KdfParams = VAULT_KDF,
  ): Promise<{ sealedMaster: SealedMaster; wrappedSystemKey: string; clientKeys: typeof clientKeys; adopt: () => void }> {
    const oldMaster = this.requireMaster();
    const next = newDataKey();
    const rewrapped = clientKeys.map((k) => {
      const label = clientLabel(k.clientId, k.purpose);
      return { ...k, wrapped: wrapKey(next, unwrapKey(oldMaster, k.wrapped, label), label) };
    });
    const system = unwrapKey(oldMaster, wrappedSystemKey, 'system');
    return {
      sealedMaster: await sealMaster(next, secret, kdf),
      wrappedSystemKey: wrapKey(next, system, 'system'),
      clientKeys: rewrapped,
      // Called once the caller has stored the re-wrapped keys.
      adopt: () => {
        forgetKey(oldMaster);
        oldMaster.fill(0);
        this.master = next;
        this.cache.clear();
      },
    };
  }

  private requireMaster(): Buffer {
    if (!this.master) throw sealed();
    return this.master;
  }

  private requireSystemKey(): Buffer {
    if (!this.systemKey) throw sealed();
    return this.systemKey;
  }
}

const clientLabel = (clientId: string, purpose: KeyPurpose) => `client/${clientId}/${purpose}`;

async function sealMaster(master: Buffer, secret: VaultSecret, kdf: KdfParams): Promise<SealedMaster> {
  if ('passphrase' in secret) {
    checkPassphrase(secret.passphrase);
    const salt = newSalt();
    const kek = await deriveKey(secret.passphrase, salt, kdf);
    return { v: 1, kind: 'passphrase', kdf: { algorithm: 'argon2id', ...kdf }, salt: salt.toString('base64'), wrapped: wrapKey(kek, master, 'master') };
  }
  return { v: 1, kind: 'keyfile', wrapped: wrapKey(checkKeyFile(secret.keyFile), master, 'master') };
}

async function keyEncryptionKey(s: SealedMaster, secret: VaultSecret): Promise<Buffer> {
  if (s.kind === 'passphrase') {
    if (!('passphrase' in secret)) throw new AppError('invalid_input', 'This vault is sealed with a passphrase, not a key file.', 'passphrase');
    // The parameters travel with the sealed key (in backups and key-store files too): bounded
    // before any work, so a doctored copy cannot ask for gigabytes of memory or hours of hashing.
    const kdf = acceptedFileKdf(s.kdf);
    if (!kdf || s.kdf?.algorithm !== 'argon2id' || typeof s.salt !== 'string' || !s.salt) throw unreadableMaster();
    return deriveKey(secret.passphrase, Buffer.from(s.salt, 'base64'), kdf);
  }
  if (!('keyFile' in secret)) throw new AppError('invalid_input', 'This vault is sealed with a key file; set SANCTUM_KEY_FILE.', 'keyFile');
  return checkKeyFile(secret.keyFile);
}

const unreadableMaster = () =>
  new AppError('invalid_input', 'The sealed master key in this file is damaged or was not made by Sanctum (its key-derivation settings are not ones Sanctum uses). Nothing was done with it. Use another copy.', 'in');

export function checkPassphrase(p: string): void {
  if ([...p].length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('invalid_input', `The vault passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`, 'passphrase');
  }
}

function checkKeyFile(raw: Buffer): Buffer {
  const text = raw.toString('utf8').trim();
  const key = /^[A-Za-z0-9+/=]{43,44}$/.test(text) ? Buffer.from(text, 'base64') : raw;
  if (key.length !== 32) throw new AppError('invalid_input', 'The key file must hold 32 random bytes (raw or base64).', 'keyFile');
  return key;
}

export function readKeyFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new AppError('invalid_input', `Cannot read the key file "${path}".`, 'keyFile');
  }
}

export const newKeyFileContents = (): string => newDataKey().toString('base64') + '\n';
