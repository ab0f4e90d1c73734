import type { Executor } from '../../db/tx.js';
import type { RecordRow } from '../sharing/sharing.repository.js';
import type { SupervisionNotesTable } from './supervision.tables.js';

export type SupervisionNoteRow = SupervisionNotesTable;

/** Supervision between these two people that has not been ended and whose dates include `today`. */
export async function supervisionInForce(db: Executor, practiceId: string, supervisorId: string, superviseeId: string, today: string) {
  return db.selectFrom('care_relationships').select(['id', 'starts_on'])
    .where('practice_id', '=', practiceId).where('kind', '=', 'supervision')
    .where('holder_id', '=', supervisorId).where('subject_id', '=', superviseeId)
    .where('ended_at', 'is', null).where('starts_on', '<=', today)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .orderBy('starts_on').executeTakeFirst();
}

/** Supervision in force today, by supervisor or by supervisee. */
export async function supervisionsInForce(db: Executor, practiceId: string, today: string, by: { supervisorId?: string; superviseeId?: string }) {
  let q = db.selectFrom('care_relationships').select(['id', 'holder_id', 'subject_id', 'starts_on'])
    .where('practice_id', '=', practiceId).where('kind', '=', 'supervision')
    .where('ended_at', 'is', null).where('starts_on', '<=', today)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]));
  if (by.supervisorId) q = q.where('holder_id', '=', by.supervisorId);
  if (by.superviseeId) q = q.where('subject_id', '=', by.superviseeId);
  return q.orderBy('starts_on').execute();
}

/** Whether these two were ever in a supervision arrangement (notes outlive the arrangement). */
export async function everSupervised(db: Executor, practiceId: string, supervisorId: string, superviseeId: string): Promise<boolean> {
  const r = await db.selectFrom('care_relationships').select('id')
    .where('practice_id', '=', practiceId).where('kind', '=', 'supervision')
    .where('holder_id', '=', supervisorId).where('subject_id', '=', superviseeId).executeTakeFirst();
  return r !== undefined;
}

/** Material shared with this supervisor by these supervisees, newest first. */
export async function sharedWith(db: Executor, supervisorId: string, superviseeIds: readonly string[], limit = 200): Promise<RecordRow[]> {
  if (superviseeIds.length === 0) return [];
  return db.selectFrom('sharing_records').selectAll()
    .where('recipient_user_id', '=', supervisorId).where('recipient_kind', '=', 'supervisor').where('shared_by', 'in', [...superviseeIds])
    .orderBy('shared_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function sharedRecordFor(db: Executor, supervisorId: string, id: string): Promise<RecordRow | undefined> {
  return db.selectFrom('sharing_records').selectAll()
    .where('id', '=', id).where('recipient_user_id', '=', supervisorId).where('recipient_kind', '=', 'supervisor').executeTakeFirst();
}

export async function insertNote(db: Executor, row: SupervisionNoteRow): Promise<void> {
  await db.insertInto('supervision_notes').values(row).execute();
}

/** The author's notes about one supervisee, newest first: nobody else's, ever. */
export async function notesOf(db: Executor, practiceId: string, authorId: string, superviseeId: string): Promise<SupervisionNoteRow[]> {
  return db.selectFrom('supervision_notes').selectAll()
    .where('practice_id', '=', practiceId).where('author_id', '=', authorId).where('supervisee_id', '=', superviseeId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}
