import { invalidInput } from '../../core/errors.js';

export type NoteKind = 'progress' | 'process';
export const NOTE_KINDS: readonly NoteKind[] = ['progress', 'process'];

export interface Addendum {
  id: string;
  text: string;
  authorId: string;
  createdAt: string;
}

export interface Note {
  id: string;
  caseCode: string;
  sessionId: string | null;
  kind: NoteKind;
  status: 'draft' | 'signed';
  text: string;
  authorId: string;
  createdAt: string;
  updatedAt: string;
  signedAt: string | null;
  signedBy: string | null;
  addenda: Addendum[];
}

export const MAX_NOTE_CHARS = 100_000;

export function checkNoteText(text: unknown, field = 'text'): string {
  if (typeof text !== 'string' || !text.trim()) throw invalidInput(field, 'The note is empty.');
  if (text.length > MAX_NOTE_CHARS) throw invalidInput(field, `A note may hold at most ${MAX_NOTE_CHARS} characters.`);
  return text;
}

export function checkKind(kind: unknown): NoteKind {
  if (kind === undefined) return 'progress';
  if (!NOTE_KINDS.includes(kind as NoteKind)) throw invalidInput('kind', 'expected one of progress, process');
  return kind as NoteKind;
}
