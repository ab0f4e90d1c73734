/**
 * The letter to affected clients: drafted from a client-facing account of what happened, then
 * editable as a whole before anyone downloads or sends it. One text serves every affected client;
 * the greeting, name and address are added to each copy.
 */
import type { Principal } from '../../core/access.js';
import { conflict, invalidInput } from '../../core/errors.js';
import { appendAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import { requireBreach, seal, unseal } from './breach-access.js';
import type { Breach } from './breaches.js';
import { checkText } from './breaches.js';
import { toBreach } from './breach-view.js';
import { CLIENT_SUMMARY_MISSING, type PracticeContact, clientDraft, letterBody } from './drafts.js';
import * as repo from './letters.repository.js';

export interface ClientLetter {
  /** What happened, in words for clients; null until someone writes it. */
  clientSummary: string | null;
  /** The letter after the greeting: as edited, or drafted from the summary. */
  text: string;
  edited: boolean;
  /** False while the client-facing account is missing: no letter can be produced yet. */
  ready: boolean;
  updatedAt: string | null;
}

export async function clientLetterFor(ctx: AppContext, b: Breach, who: PracticeContact): Promise<ClientLetter> {
  const row = await repo.clientLetterOf(ctx.db.kysely, b.id);
  const clientSummary = row ? unseal(ctx, row.summary_enc, 'breach_client_letters', b.id, 'summary') : null;
  const edited = row?.body_enc ? unseal(ctx, row.body_enc, 'breach_client_letters', b.id, 'body') : null;
  const text = edited ?? letterBody(clientDraft(b, who, 'client', clientSummary));
  return { clientSummary, text, edited: edited !== null, ready: clientSummary !== null && !text.includes(CLIENT_SUMMARY_MISSING), updatedAt: row?.updated_at ?? null };
}

export interface ClientLetterInput {
  clientSummary: string;
  /** The whole letter as edited; omitted or null to draft it again from the summary. */
  text?: string | null;
}

export async function saveClientLetter(ctx: AppContext, p: Principal, id: string, input: ClientLetterInput, who: PracticeContact): Promise<ClientLetter> {
  const row = await requireBreach(ctx, p, id);
  if (row.status === 'closed') throw conflict('This breach is closed.');
  const summary = checkText(input.clientSummary, 'clientSummary', 5000);
  const text = input.text == null ? null : checkText(input.text, 'text', 20_000);
  if (text?.includes(CLIENT_SUMMARY_MISSING)) throw invalidInput('text', 'Replace the bracketed reminder with what happened, in words for the client.');
  const b = await toBreach(ctx, row);
  // A letter that still matches the draft is stored as "not edited", so it follows later changes to the summary.
  const body = text !== null && text !== letterBody(clientDraft(b, who, 'client', summary)) ? text : null;
  await writeTx(ctx.db, async (trx) => {
    await repo.saveClientLetter(trx, {
      breach_id: id, summary_enc: seal(ctx, summary, 'breach_client_letters', id, 'summary'), body_enc: body ? seal(ctx, body, 'breach_client_letters', id, 'body') : null,
      updated_by: p.userId, updated_at: ctx.clock.now().toISOString(),
    });
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'breach.letter.edit', targetType: 'breach', targetId: id, details: { edited: body !== null } });
  });
  return clientLetterFor(ctx, b, who);
}

/** The text every copy of the letter carries; refused until the client-facing account is written. */
export async function letterTextForSending(ctx: AppContext, b: Breach, who: PracticeContact): Promise<string> {
  const letter = await clientLetterFor(ctx, b, who);
  if (!letter.ready) throw conflict('Write what happened in words for clients (under "Letter to clients") before producing letters: the register\'s own description is not sent to clients.');
  return letter.text;
}
