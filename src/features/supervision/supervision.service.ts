/**
 * What a supervisor sees: their supervisees today, the material those supervisees shared with
 * them through the anonymisation workflow (the reviewed text only: no client id, case code,
 * recipient or purpose, which were written by the practitioner and may identify), and their own
 * notes. Supervision never opens an identified record; that stays with the access policy.
 */
import { type Principal, can } from '../../core/access.js';
import { forbidden, invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit, recordRead } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { displayNames } from '../auth/auth.repository.js';
import { seal, unseal } from '../breaches/breach-access.js';
import { caseByCode } from '../clients/clients.repository.js';
import { practiceToday } from '../organisation/relations.js';
import { caseSecret, macOf, recordRef } from '../sharing/material.js';
import type { RecordRow } from '../sharing/sharing.repository.js';
import type { ConsentAnswer, ShareForm } from '../sharing/sharing.js';
import { clientKey } from '../vault/vault.service.js';
import * as repo from './supervision.repository.js';
import { MAX_NOTE_CHARS, consentWords } from './supervision.js';

const actor = (p: Principal) => ({ id: p.userId, roles: p.roles });

async function requireSupervisor(ctx: AppContext, p: Principal, action: string): Promise<void> {
  if (can(p, 'supervision.read')) return;
  await recordAudit(ctx.db, ctx.clock, actor(p), { action, outcome: 'denied', details: { reason: 'not_permitted' } });
  throw forbidden('Only a supervisor sees supervision.');
}

export interface Supervisee {
  id: string;
  name: string;
  since: string;
}

export interface SharedItem {
  id: string;
  superviseeId: string;
  superviseeName: string;
  sharedAt: string;
  form: ShareForm;
  consent: { answer: ConsentAnswer; words: string };
  text: string;
  textIntact: boolean;
}

export interface SupervisionNote {
  id: string;
  superviseeId: string;
  text: string;
  createdAt: string;
}

async function currentSupervisees(ctx: AppContext, p: Principal): Promise<Supervisee[]> {
  const rows = await repo.supervisionsInForce(ctx.db.kysely, p.practiceId, await practiceToday(ctx), { supervisorId: p.userId });
  const names = await displayNames(ctx.db.kysely);
  const out = new Map<string, Supervisee>();
  for (const r of rows) if (!out.has(r.subject_id)) out.set(r.subject_id, { id: r.subject_id, name: names.get(r.subject_id) ?? 'A former colleague', since: r.starts_on });
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export async function listSupervisees(ctx: AppContext, p: Principal): Promise<Supervisee[]> {
  await requireSupervisor(ctx, p, 'supervision.list');
  const list = await currentSupervisees(ctx, p);
  recordRead(ctx, actor(p), { action: 'supervision.list', targetType: 'user', targetId: p.userId, details: { supervisees: list.map((s) => s.id) } });
  return list;
}

/** The supervisors a practitioner may share material with today: those supervising them now. */
export async function currentSupervisors(ctx: AppContext, p: Principal): Promise<Array<{ id: string; name: string }>> {
  const rows = await repo.supervisionsInForce(ctx.db.kysely, p.practiceId, await practiceToday(ctx), { superviseeId: p.userId });
  const names = await displayNames(ctx.db.kysely);
  const ids = [...new Set(rows.map((r) => r.holder_id))];
  return ids.map((id) => ({ id, name: names.get(id) ?? 'A colleague' })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Decrypts one shared record for its supervisor; null when the client's keys are gone. */
async function toItem(ctx: AppContext, r: RecordRow, names: Map<string, string>): Promise<{ item: SharedItem; caseCode: string } | null> {
  const c = await caseByCode(ctx.db.kysely, r.case_code);
  if (!c || c.erasedAt) return null;
  let key: Buffer;
  try {
    key = await clientKey(ctx, ctx.db.kysely, c.clientId, 'clinical');
  } catch {
    return null;
  }
  const text = ctx.vault.decrypt(key, r.text_enc, recordRef(c.clientId, r.id, 'text'));
  const answer = r.consent_answer as ConsentAnswer;
  return {
    caseCode: c.caseCode,
    item: {
      id: r.id, superviseeId: r.shared_by, superviseeName: names.get(r.shared_by) ?? 'A former colleague', sharedAt: r.shared_at, form: r.form as ShareForm,
      consent: { answer, words: consentWords(answer, r.consent_lookup) }, text, textIntact: macOf(caseSecret(key), text) === r.text_mac,
    },
  };
}

/**
 * Material shared with this supervisor by people they supervise today. When supervision ends,
 * the material goes out of sight with it. Each item shown is audited against its case, so the
 * client's access history shows that their anonymised material was read in supervision.
 */
export async function listShared(ctx: AppContext, p: Principal): Promise<SharedItem[]> {
  await requireSupervisor(ctx, p, 'supervision.shared.list');
  const supervisees = await currentSupervisees(ctx, p);
  const rows = await repo.sharedWith(ctx.db.kysely, p.userId, supervisees.map((s) => s.id));
  const names = await displayNames(ctx.db.kysely);
  const items: SharedItem[] = [];
  for (const r of rows) {
    const got = await toItem(ctx, r, names);
    if (!got) continue;
    items.push(got.item);
    recordRead(ctx, actor(p), { action: 'supervision.shared.read', targetType: 'sharing_record', targetId: r.id, caseCode: got.caseCode, purpose: 'supervision' });
  }
  return items;
}

export async function getShared(ctx: AppContext, p: Principal, id: string): Promise<SharedItem> {
  await requireSupervisor(ctx, p, 'supervision.shared.read');
  const r = await repo.sharedRecordFor(ctx.db.kysely, p.userId, id);
  const inForce = r ? await repo.supervisionInForce(ctx.db.kysely, p.practiceId, p.userId, r.shared_by, await practiceToday(ctx)) : undefined;
  const got = r && inForce ? await toItem(ctx, r, await displayNames(ctx.db.kysely)) : null;
  if (!got) throw notFound('shared material');
  recordRead(ctx, actor(p), { action: 'supervision.shared.read', targetType: 'sharing_record', targetId: id, caseCode: got.caseCode, purpose: 'supervision' });
  return got.item;
}

// ---------------------------------------------------------------------------------------------
// The supervisor's own notes

/** Notes are kept about someone the supervisor supervises (or did); for anyone else, 404. */
async function requireSupervisee(ctx: AppContext, p: Principal, superviseeId: string, current: boolean): Promise<void> {
  const ok = current
    ? (await repo.supervisionInForce(ctx.db.kysely, p.practiceId, p.userId, superviseeId, await practiceToday(ctx))) !== undefined
    : await repo.everSupervised(ctx.db.kysely, p.practiceId, p.userId, superviseeId);
  if (!ok) throw notFound('supervisee');
}

const toNote = (ctx: AppContext, r: repo.SupervisionNoteRow): SupervisionNote => ({
  id: r.id, superviseeId: r.supervisee_id, text: unseal(ctx, r.text_enc, 'supervision_notes', r.id, 'text'), createdAt: r.created_at,
});

export async function listNotes(ctx: AppContext, p: Principal, superviseeId: string): Promise<SupervisionNote[]> {
  await requireSupervisor(ctx, p, 'supervision.notes.list');
  await requireSupervisee(ctx, p, superviseeId, false);
  const rows = await repo.notesOf(ctx.db.kysely, p.practiceId, p.userId, superviseeId);
  recordRead(ctx, actor(p), { action: 'supervision.notes.list', targetType: 'user', targetId: superviseeId, details: { notes: rows.length } });
  return rows.map((r) => toNote(ctx, r));
}

export async function addNote(ctx: AppContext, p: Principal, superviseeId: string, input: { text: string }): Promise<SupervisionNote> {
  await requireSupervisor(ctx, p, 'supervision.notes.add');
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  if (!text) throw invalidInput('text', 'Write the note.');
  if (text.length > MAX_NOTE_CHARS) throw invalidInput('text', `A note may hold at most ${MAX_NOTE_CHARS.toLocaleString('en-GB')} characters.`);
  await requireSupervisee(ctx, p, superviseeId, true);
  const id = newId();
  const row: repo.SupervisionNoteRow = {
    id, practice_id: p.practiceId, author_id: p.userId, supervisee_id: superviseeId, text_enc: seal(ctx, text, 'supervision_notes', id, 'text'), created_at: ctx.clock.now().toISOString(),
  };
  await writeTx(ctx.db, async (trx) => {
    await repo.insertNote(trx, row);
    await appendAudit(trx, ctx.clock, actor(p), { action: 'supervision.notes.add', targetType: 'supervision_note', targetId: id, details: { superviseeId } });
  });
  return toNote(ctx, row);
}
