import type { Principal } from '../../core/access.js';
import { conflict, invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordRead } from '../../audit/audit.service.js';
import type { RecordRef } from '../../crypto/envelope.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { concurrentWriteTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase, requireCaseByCode } from '../clients/case-access.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { clientKey } from '../vault/vault.service.js';
import { type Note, type NoteKind, checkKind, checkNoteText } from './notes.js';
import * as repo from './notes.repository.js';

const noteRef = (c: CaseRow, id: string): RecordRef => ({ table: 'notes', id, field: 'body', subject: c.clientId });
const addendumRef = (c: CaseRow, id: string): RecordRef => ({ table: 'note_addenda', id, field: 'body', subject: c.clientId });

export interface NewNote {
  kind?: NoteKind;
  text: string;
  sessionId?: string | null;
  sign?: boolean;
  /** Imports only (never from the API): when the note was originally written. */
  writtenAt?: string;
}

export async function addNote(ctx: AppContext, principal: Principal, clientId: string, input: NewNote): Promise<Note> {
  const kind = checkKind(input.kind);
  const text = checkNoteText(input.text);
  const c = await requireCase(ctx, principal, clientId, 'case.write_clinical');
  const id = newId();
  const at = input.writtenAt ?? ctx.clock.now().toISOString();
  const signed = input.sign === true;
  await concurrentWriteTx(ctx.db, async (trx) => {
    if (input.sessionId) {
      const s = await trx.selectFrom('therapy_sessions').select('case_code').where('id', '=', input.sessionId).executeTakeFirst();
      if (!s || s.case_code !== c.caseCode) throw invalidInput('sessionId', 'No such session for this client.');
    }
    const key = await clientKey(ctx, trx, clientId, 'clinical');
    const bodyEnc = ctx.vault.encrypt(key, text, noteRef(c, id));
    await repo.insertNote(trx, {
      id, caseCode: c.caseCode, sessionId: input.sessionId ?? null, kind, status: signed ? 'signed' : 'draft', bodyEnc,
      authorId: principal.userId, createdAt: at, updatedAt: at, signedAt: signed ? at : null, signedBy: signed ? principal.userId : null,
    });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'note.create', targetType: 'note', targetId: id, caseCode: c.caseCode, details: { kind } });
    if (signed) await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'note.sign', targetType: 'note', targetId: id, caseCode: c.caseCode, details: { bodyHash: sha256Hex(bodyEnc) } });
  });
  return {
    id, caseCode: c.caseCode, sessionId: input.sessionId ?? null, kind, status: signed ? 'signed' : 'draft', text, authorId: principal.userId,
    createdAt: at, updatedAt: at, signedAt: signed ? at : null, signedBy: signed ? principal.userId : null, addenda: [],
  };
}

async function requireNote(ctx: AppContext, principal: Principal, noteId: string, write: boolean): Promise<{ note: repo.NoteRow; c: CaseRow }> {
  const note = await repo.noteById(ctx.db.kysely, noteId);
  if (!note) throw notFound('note');
  const c = await requireCaseByCode(ctx, principal, note.caseCode, write ? 'case.write_clinical' : 'case.read_clinical');
  return { note, c };
}

/**
 * Change a draft. An explicit save is audited every time; an automatic save (the editor saving
 * itself every few seconds) is audited once per person per draft — the author's by the note's
 * creation entry — so the access history shows who worked on a draft without hundreds of rows.
 */
export async function editDraft(ctx: AppContext, principal: Principal, noteId: string, text: string, opts: { autosave?: boolean } = {}): Promise<void> {
  checkNoteText(text);
  const { c } = await requireNote(ctx, principal, noteId, true);
  await concurrentWriteTx(ctx.db, async (trx) => {
    const key = await clientKey(ctx, trx, c.clientId, 'clinical');
    const ok = await repo.updateDraft(trx, noteId, ctx.vault.encrypt(key, text, noteRef(c, noteId)), ctx.clock.now().toISOString());
    if (!ok) throw conflict('This note is signed and cannot be edited. Add an addendum instead.');
    if (opts.autosave && !(await repo.claimAutosaveAudit(trx, noteId, principal.userId))) return;
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: opts.autosave ? 'note.autosave' : 'note.edit', targetType: 'note', targetId: noteId, caseCode: c.caseCode });
  });
}

export async function signNote(ctx: AppContext, principal: Principal, noteId: string): Promise<void> {
  const { note, c } = await requireNote(ctx, principal, noteId, true);
  await concurrentWriteTx(ctx.db, async (trx) => {
    const ok = await repo.markSigned(trx, noteId, principal.userId, ctx.clock.now().toISOString());
    if (!ok) throw conflict('This note is already signed.');
    // The ciphertext's hash in the log lets anyone later show the signed text was never swapped.
    const current = await repo.noteById(trx, noteId);
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'note.sign', targetType: 'note', targetId: noteId, caseCode: c.caseCode, details: { bodyHash: sha256Hex(current?.bodyEnc ?? note.bodyEnc) } });
  });
}

export async function addAddendum(ctx: AppContext, principal: Principal, noteId: string, text: string): Promise<{ id: string }> {
  checkNoteText(text);
  const { note, c } = await requireNote(ctx, principal, noteId, true);
  if (note.status !== 'signed') throw conflict('Addenda are for signed notes; edit the draft instead.');
  const id = newId();
  await concurrentWriteTx(ctx.db, async (trx) => {
    const key = await clientKey(ctx, trx, c.clientId, 'clinical');
    await repo.insertAddendum(trx, { id, noteId, caseCode: c.caseCode, bodyEnc: ctx.vault.encrypt(key, text, addendumRef(c, id)), authorId: principal.userId, createdAt: ctx.clock.now().toISOString() });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'note.addendum', targetType: 'note', targetId: noteId, caseCode: c.caseCode, details: { addendumId: id } });
  });
  return { id };
}

/** Decrypt a page of a case's notes with their addenda (no audit: the caller records the access). */
/** Notes decrypted this many at a time, letting the event loop turn between chunks. */
const DECRYPT_CHUNK = 250;

export async function readNotes(ctx: AppContext, c: CaseRow, limit: number, before?: string, clinicalKey?: Buffer): Promise<Note[]> {
  const rows = await repo.notesForCase(ctx.db.kysely, c.caseCode, limit, before);
  const addenda = new Map<string, repo.AddendumRow[]>();
  for (const a of await repo.addendaFor(ctx.db.kysely, rows.map((r) => r.id))) {
    const list = addenda.get(a.noteId);
    if (list) list.push(a);
    else addenda.set(a.noteId, [a]);
  }
  const key = clinicalKey ?? (await clientKey(ctx, ctx.db.kysely, c.clientId, 'clinical'));
  const notes: Note[] = [];
  // A whole record (a subject access export of thousands of notes) is decrypted in chunks, so
  // other requests are answered between them instead of waiting for the last note.
  for (let i = 0; i < rows.length; i += DECRYPT_CHUNK) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const r of rows.slice(i, i + DECRYPT_CHUNK)) {
      notes.push({
        id: r.id, caseCode: r.caseCode, sessionId: r.sessionId, kind: r.kind, status: r.status,
        text: ctx.vault.decrypt(key, r.bodyEnc, noteRef(c, r.id)),
        authorId: r.authorId, createdAt: r.createdAt, updatedAt: r.updatedAt, signedAt: r.signedAt, signedBy: r.signedBy,
        addenda: (addenda.get(r.id) ?? []).map((a) => ({ id: a.id, text: ctx.vault.decrypt(key, a.bodyEnc, addendumRef(c, a.id)), authorId: a.authorId, createdAt: a.createdAt })),
      });
    }
  }
  return notes;
}

export async function listNotes(ctx: AppContext, principal: Principal, clientId: string, opts: { limit?: number; before?: string; purpose?: string } = {}): Promise<Note[]> {
  const c = await requireCase(ctx, principal, clientId, 'case.read_clinical');
  const notes = await readNotes(ctx, c, Math.min(opts.limit ?? 50, 500), opts.before);
  recordRead(ctx, actorOf(principal), { action: 'notes.read', targetType: 'client', targetId: clientId, caseCode: c.caseCode, purpose: opts.purpose ?? 'care', details: { count: notes.length } });
  return notes;
}
