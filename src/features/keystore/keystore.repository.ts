import type { KeyPurpose } from '../../crypto/vault.js';
import type { Executor, Tx } from '../../db/tx.js';
import type { CopyRecord } from './keystore.js';
import type { RecoveryCopiesTable } from './keystore.tables.js';

export type CopyKind = RecoveryCopiesTable['kind'];

export async function recordCopy(trx: Tx, kind: CopyKind, c: { madeAt: string; at: string; actorId: string | null; via: 'export' | 'import'; clients?: number; destroyed?: number; masterFingerprint?: string }): Promise<void> {
  const row = { made_at: c.madeAt, recorded_at: c.at, actor_id: c.actorId, via: c.via, clients: c.clients ?? null, destroyed: c.destroyed ?? null, master_fp: c.masterFingerprint ?? null };
  await trx
    .insertInto('recovery_copies')
    .values({ kind, ...row })
    .onConflict((oc) => oc.column('kind').doUpdateSet(row))
    .execute();
}

export async function lastCopy(db: Executor, kind: CopyKind): Promise<CopyRecord | undefined> {
  const r = await db.selectFrom('recovery_copies').selectAll().where('kind', '=', kind).executeTakeFirst();
  if (!r) return undefined;
  return { madeAt: r.made_at, via: r.via, clients: Number(r.clients ?? 0), destroyed: Number(r.destroyed ?? 0), masterFingerprint: r.master_fp };
}

/** Clients the key store knows (live or destroyed) and how many of them were destroyed. */
export async function keyCounts(db: Executor): Promise<{ clients: number; destroyed: number }> {
  const r = await db
    .selectFrom('client_keys')
    .select((eb) => [
      eb.fn.count<number>('client_id').distinct().as('clients'),
      eb.fn.count<number>(eb.case().when('wrapped', 'is', null).then(eb.ref('client_id')).end()).distinct().as('destroyed'),
    ])
    .executeTakeFirstOrThrow();
  return { clients: Number(r.clients), destroyed: Number(r.destroyed) };
}

/** Install key rows exactly as given (wrapped null: a tombstone). */
export async function insertKeyRows(trx: Tx, rows: { clientId: string; purpose: KeyPurpose; wrapped: string | null; destroyedAt: string | null }[], at: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('client_keys')
      .values(rows.slice(i, i + 200).map((k) => ({ client_id: k.clientId, purpose: k.purpose, wrapped: k.wrapped, created_at: at, destroyed_at: k.destroyedAt })))
      .execute();
  }
}

/** Anything at all that would make this store a vault already (or a half-made one). */
export async function storeIsEmpty(db: Executor): Promise<boolean> {
  for (const table of ['vault_meta', 'practices', 'users', 'clients', 'client_keys'] as const) {
    const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(r.n) > 0) return false;
  }
  return true;
}
