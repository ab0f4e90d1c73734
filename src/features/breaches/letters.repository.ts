import type { Executor } from '../../db/tx.js';

export interface ClientLetterRow {
  breach_id: string;
  summary_enc: string;
  body_enc: string | null;
  updated_by: string;
  updated_at: string;
}

export async function clientLetterOf(db: Executor, breachId: string): Promise<ClientLetterRow | undefined> {
  return db.selectFrom('breach_client_letters').selectAll().where('breach_id', '=', breachId).executeTakeFirst();
}

export async function saveClientLetter(db: Executor, row: ClientLetterRow): Promise<void> {
  await db
    .insertInto('breach_client_letters')
    .values(row)
    .onConflict((oc) => oc.column('breach_id').doUpdateSet({ summary_enc: row.summary_enc, body_enc: row.body_enc, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}
