/**
 * Which key protects a request's fields. Linked to a client: that client's keys (identity for the
 * requester's particulars, clinical for everything else), so a client's secure disposal destroys
 * them too. Not linked: the vault's system key. The record's identity is bound in as associated
 * data, so ciphertext cannot be moved between rows or fields.
 */
import type { RecordRef } from '../../crypto/envelope.js';
import type { Executor } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { clientKey } from '../vault/vault.service.js';

export interface Sealer {
  seal(table: string, id: string, field: string, value: unknown): string;
  open<T>(table: string, id: string, field: string, ciphertext: string): T;
}

/** A sealer for one request's scope: `clientId` null means the practice's system key. */
export async function sealerFor(ctx: AppContext, db: Executor, clientId: string | null, purpose: 'identity' | 'clinical'): Promise<Sealer> {
  const subject = clientId ?? 'system';
  const ref = (table: string, id: string, field: string): RecordRef => ({ table, id, field, subject });
  if (clientId === null) {
    return {
      seal: (t, id, f, v) => ctx.vault.encryptSystem(JSON.stringify(v), ref(t, id, f)),
      open: <T>(t: string, id: string, f: string, c: string) => JSON.parse(ctx.vault.decryptSystem(c, ref(t, id, f))) as T,
    };
  }
  const key = await clientKey(ctx, db, clientId, purpose);
  return {
    seal: (t, id, f, v) => ctx.vault.encrypt(key, JSON.stringify(v), ref(t, id, f)),
    open: <T>(t: string, id: string, f: string, c: string) => JSON.parse(ctx.vault.decrypt(key, c, ref(t, id, f))) as T,
  };
}

/** Both sealers for a request. */
export async function requestSealers(ctx: AppContext, db: Executor, clientId: string | null): Promise<{ identity: Sealer; clinical: Sealer }> {
  return { identity: await sealerFor(ctx, db, clientId, 'identity'), clinical: await sealerFor(ctx, db, clientId, 'clinical') };
}
