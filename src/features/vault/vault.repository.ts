import type { Executor } from '../../db/tx.js';
import type { KeyPurpose } from '../../crypto/vault.js';

export async function getMeta(db: Executor, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('vault_meta').select('value').where('name', '=', name).executeTakeFirst();
  return row?.value;
}

export async function putMeta(db: Executor, name: string, value: string, at: string): Promise<void> {
  await db
    .insertInto('vault_meta')
    .values({ name, value, updated_at: at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_at: at }))
    .execute();
}

export async function insertClientKeys(db: Executor, clientId: string, wrapped: Record<KeyPurpose, string>, at: string): Promise<void> {
  await db
    .insertInto('client_keys')
    .values([
      { client_id: clientId, purpose: 'identity', wrapped: wrapped.identity, created_at: at, destroyed_at: null },
      { client_id: clientId, purpose: 'clinical', wrapped: wrapped.clinical, created_at: at, destroyed_at: null },
    ])
    .execute();
}

export async function wrappedClientKey(db: Executor, clientId: string, purpose: KeyPurpose): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('client_keys')
    .select('wrapped')
    .where('client_id', '=', clientId)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  return row ? row.wrapped : undefined;
}

/** Many clients' wrapped keys of one purpose in one query (null for a destroyed key; absent when none). */
export async function wrappedClientKeysOf(db: Executor, clientIds: readonly string[], purpose: KeyPurpose): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  // In slices, so a large caseload never builds an unbounded IN list.
  for (let i = 0; i < clientIds.length; i += 500) {
    const rows = await db.selectFrom('client_keys').select(['client_id', 'wrapped']).where('client_id', 'in', clientIds.slice(i, i + 500)).where('purpose', '=', purpose).execute();
    for (const r of rows) out.set(r.client_id, r.wrapped);
  }
  return out;
}

export async function destroyClientKeys(db: Executor, clientId: string, at: string): Promise<number> {
  const res = await db
    .updateTable('client_keys')
    .set({ wrapped: null, destroyed_at: at })
    .where('client_id', '=', clientId)
    .where('wrapped', 'is not', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function liveClientKeys(db: Executor): Promise<{ clientId: string; purpose: KeyPurpose; wrapped: string }[]> {
  const rows = await db.selectFrom('client_keys').select(['client_id', 'purpose', 'wrapped']).where('wrapped', 'is not', null).execute();
  return rows.map((r) => ({ clientId: r.client_id, purpose: r.purpose, wrapped: r.wrapped as string }));
}

export async function updateWrapped(db: Executor, clientId: string, purpose: KeyPurpose, wrapped: string): Promise<void> {
  await db.updateTable('client_keys').set({ wrapped }).where('client_id', '=', clientId).where('purpose', '=', purpose).execute();
}

export async function wrappedClientKeys(db: Executor, clientId: string): Promise<Partial<Record<KeyPurpose, string | null>>> {
  const rows = await db.selectFrom('client_keys').select(['purpose', 'wrapped']).where('client_id', '=', clientId).execute();
  return Object.fromEntries(rows.map((r) => [r.purpose, r.wrapped]));
}
