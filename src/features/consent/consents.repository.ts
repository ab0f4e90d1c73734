import type { Executor } from '../../db/tx.js';
import type { ConsentsTable } from './consent.tables.js';

export type ConsentRow = ConsentsTable;

export async function insertConsent(db: Executor, row: ConsentRow): Promise<void> {
  await db.insertInto('consents').values(row).execute();
}

export async function consentsForCase(db: Executor, caseCode: string): Promise<ConsentRow[]> {
  return db.selectFrom('consents').selectAll().where('case_code', '=', caseCode).orderBy('seq').execute();
}

export async function nextSeq(db: Executor, caseCode: string): Promise<number> {
  const r = await db.selectFrom('consents').select((eb) => eb.fn.max('seq').as('m')).where('case_code', '=', caseCode).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export async function consentById(db: Executor, id: string): Promise<ConsentRow | undefined> {
  return db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Withdraw once: the condition keeps the first withdrawal's time and author. */
export async function markWithdrawn(db: Executor, id: string, by: string, at: string, how: { via: string; askedOn: string }): Promise<boolean> {
  const res = await db.updateTable('consents').set({ withdrawn_at: at, withdrawn_by: by, withdrawn_via: how.via, withdrawal_asked_on: how.askedOn }).where('id', '=', id).where('withdrawn_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
