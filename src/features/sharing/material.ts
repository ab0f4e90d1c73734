/**
 * The source material of a draft, read afresh each time from where it lives (notes from the
 * notes service, a written summary from the draft's own ciphertext): the original is never
 * copied. A keyed digest per part shows whether the text still matches the offsets.
 */
import { createHmac } from 'node:crypto';
import { conflict, invalidInput } from '../../core/errors.js';
import type { RecordRef } from '../../crypto/envelope.js';
import type { AppContext } from '../../context.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { readNotes } from '../notes/notes.service.js';
import type { PartRef } from './sharing.js';

export const draftRef = (clientId: string, id: string, field: 'summary' | 'spans' | 'output'): RecordRef => ({ table: 'sharing_drafts', id, field, subject: clientId });
export const recordRef = (clientId: string, id: string, field: 'recipient' | 'purpose' | 'text' | 'consent_reason'): RecordRef => ({ table: 'sharing_records', id, field, subject: clientId });

/** A per-case secret from the clinical key: seeds stand-ins and keys digests, and dies with the key. */
export const caseSecret = (clinicalKey: Buffer): string => createHmac('sha256', clinicalKey).update('sanctum/sharing/case-key').digest('hex');
export const macOf = (secret: string, text: string): string => createHmac('sha256', secret).update(text).digest('hex');

/** The named notes of this case, oldest first, by walking the pages of the notes service. */
export async function notesById(ctx: AppContext, c: CaseRow, ids: string[]): Promise<Array<{ id: string; text: string; createdAt: string }>> {
  const want = new Set(ids);
  const found = new Map<string, { id: string; text: string; createdAt: string }>();
  let before: string | undefined;
  for (;;) {
    const page = await readNotes(ctx, c, 200, before);
    for (const n of page) if (want.has(n.id)) found.set(n.id, { id: n.id, text: n.text, createdAt: n.createdAt });
    if (found.size === want.size || page.length < 200) break;
    before = page[page.length - 1].createdAt;
  }
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw invalidInput('noteIds', 'One of the chosen notes does not belong to this client.');
  return [...found.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The original text of each part, checked against the digests taken when it was anonymised. */
export async function originals(ctx: AppContext, c: CaseRow, parts: PartRef[], summary: string | null, secret: string, check: boolean): Promise<string[]> {
  const noteIds = parts.filter((p) => p.key !== 'summary').map((p) => p.key);
  const notes = noteIds.length ? await notesByIdLenient(ctx, c, noteIds) : new Map<string, string>();
  return parts.map((p) => {
    const text = p.key === 'summary' ? (summary ?? '') : (notes.get(p.key) ?? '');
    if (check && macOf(secret, text) !== p.sourceMac) {
      throw conflict('A note changed (or was removed) after it was anonymised. Discard this draft and anonymise the notes again.');
    }
    return text;
  });
}

async function notesByIdLenient(ctx: AppContext, c: CaseRow, ids: string[]): Promise<Map<string, string>> {
  try {
    return new Map((await notesById(ctx, c, ids)).map((n) => [n.id, n.text]));
  } catch {
    return new Map();
  }
}
