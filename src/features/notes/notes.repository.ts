import type { Executor } from '../../db/tx.js';
import type { NoteKind } from './notes.js';

export interface NoteRow {
  id: string;
  caseCode: string;
  sessionId: string | null;
  kind: NoteKind;
  status: 'draft' | 'signed';
  bodyEnc: string;
  authorId: string;
  createdAt: string;
  updatedAt: string;
  signedAt: string | null;
  signedBy: string | null;
}

export interface AddendumRow {
  id: string;
  noteId: string;
  bodyEnc: string;
  authorId: string;
  createdAt: string;
}

type Raw = {
  id: string; case_code: string; session_id: string | null; kind: NoteKind; status: 'draft' | 'signed'; body_enc: string;
  author_id: string; created_at: string; updated_at: string; signed_at: string | null; signed_by: string | null;
};

const toNote = (r: Raw): NoteRow => ({
  id: r.id, caseCode: r.case_code, sessionId: r.session_id, kind: r.kind, status: r.status, bodyEnc: r.body_enc,
  authorId: r.author_id, createdAt: r.created_at, updatedAt: r.updated_at, signedAt: r.signed_at, signedBy: r.signed_by,
});

export async function insertNote(db: Executor, n: NoteRow): Promise<void> {
  await db
    .insertInto('notes')
    .values({
      id: n.id, case_code: n.caseCode, session_id: n.sessionId, kind: n.kind, status: n.status, body_enc: n.bodyEnc,
      author_id: n.authorId, created_at: n.createdAt, updated_at: n.updatedAt, signed_at: n.signedAt, signed_by: n.signedBy,
      // The creation entry already covers the author's own automatic saves of a new draft.
      autosaved_by: n.status === 'draft' ? n.authorId : null,
    })
    .execute();
}

export async function noteById(db: Executor, id: string): Promise<NoteRow | undefined> {
  const r = await db.selectFrom('notes').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toNote(r) : undefined;
}

/** Newest first; `before` pages by creation time. */
export async function notesForCase(db: Executor, caseCode: string, limit: number, before?: string): Promise<NoteRow[]> {
  let q = db.selectFrom('notes').selectAll().where('case_code', '=', caseCode);
  if (before) q = q.where('created_at', '<', before);
  return (await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(toNote);
}

/** Only a draft changes; the status condition makes a signed note unchangeable even under a race. */
export async function updateDraft(db: Executor, id: string, bodyEnc: string, at: string): Promise<boolean> {
  const res = await db.updateTable('notes').set({ body_enc: bodyEnc, updated_at: at }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Record that `userId`'s automatic saves of this draft are in the audit log; true only the first
 * time for that person, so concurrent saves still produce a single entry.
 */
export async function claimAutosaveAudit(db: Executor, id: string, userId: string): Promise<boolean> {
  const res = await db
    .updateTable('notes')
    .set({ autosaved_by: userId })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('autosaved_by', 'is', null), eb('autosaved_by', '<>', userId)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markSigned(db: Executor, id: string, by: string, at: string): Promise<boolean> {
  const res = await db.updateTable('notes').set({ status: 'signed', signed_at: at, signed_by: by, updated_at: at }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertAddendum(db: Executor, a: AddendumRow & { caseCode: string }): Promise<void> {
  await db.insertInto('note_addenda').values({ id: a.id, note_id: a.noteId, case_code: a.caseCode, body_enc: a.bodyEnc, author_id: a.authorId, created_at: a.createdAt }).execute();
}

export async function addendaFor(db: Executor, noteIds: string[]): Promise<AddendumRow[]> {
  if (noteIds.length === 0) return [];
  const rows = await db.selectFrom('note_addenda').selectAll().where('note_id', 'in', noteIds).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, noteId: r.note_id, bodyEnc: r.body_enc, authorId: r.author_id, createdAt: r.created_at }));
}

export async function countNotes(db: Executor, caseCode: string): Promise<number> {
  const r = await db.selectFrom('notes').select((eb) => eb.fn.countAll<number>().as('n')).where('case_code', '=', caseCode).executeTakeFirstOrThrow();
  return Number(r.n);
}
