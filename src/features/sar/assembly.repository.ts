import type { Executor } from '../../db/tx.js';

export async function documentsForCase(db: Executor, caseCode: string) {
  return db.selectFrom('documents').selectAll().where('case_code', '=', caseCode).orderBy('created_at').execute();
}

export async function insertDocument(db: Executor, row: { id: string; case_code: string; kind: string; meta_enc: string; content_enc: string; media_type: string; size_bytes: number; created_by: string; created_at: string }): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

export async function participantsForCase(db: Executor, caseCode: string) {
  return db.selectFrom('session_participants').selectAll().where('case_code', '=', caseCode).execute();
}

export async function insertParticipant(db: Executor, row: { session_id: string; case_code: string; client_id: string; role: string; created_at: string }): Promise<void> {
  await db.insertInto('session_participants').values(row).execute();
}

export async function sessionById(db: Executor, id: string) {
  return db.selectFrom('therapy_sessions').select(['id', 'case_code']).where('id', '=', id).executeTakeFirst();
}

export async function staffNames(db: Executor, practiceId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('practice_id', '=', practiceId).execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}
