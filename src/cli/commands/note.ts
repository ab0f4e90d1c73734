import { readFileSync } from 'node:fs';
import { parse, required } from '../args.js';
import { type CliIo, UsageError, printJson } from '../io.js';
import { withVault } from '../vault-access.js';
import { addNote, listNotes } from '../../features/notes/notes.service.js';
import type { NoteKind } from '../../features/notes/notes.js';

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') {
    const { values: v } = parse('note add', rest, {
      data: { type: 'string' }, client: { type: 'string' }, kind: { type: 'string' }, text: { type: 'string' }, file: { type: 'string' },
      sign: { type: 'boolean' }, json: { type: 'boolean' },
    });
    const client = required('note add', v.client, 'client');
    if (v.kind !== undefined && v.kind !== 'progress' && v.kind !== 'process') throw new UsageError('note add: field "kind": expected one of progress, process');
    if ((v.text === undefined) === (v.file === undefined)) throw new UsageError('note add: give exactly one of --text or --file');
    let text = v.text;
    if (v.file !== undefined) {
      try {
        text = v.file === '-' ? await io.readStdin() : readFileSync(v.file, 'utf8');
      } catch {
        throw new UsageError(`note add: cannot read --file "${v.file}"`);
      }
    }
    const note = await withVault(io, v.data, (ctx, op) => addNote(ctx, op, client, { kind: v.kind as NoteKind | undefined, text: text ?? '', sign: v.sign }));
    if (v.json) printJson(io, { id: note.id, status: note.status });
    else io.stdout(`Added ${note.kind} note ${note.id} (${note.status})\n`);
    return 0;
  }
  if (sub === 'list') {
    const { values: v } = parse('note list', rest, { data: { type: 'string' }, client: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } });
    const client = required('note list', v.client, 'client');
    const limit = v.limit ? Number(v.limit) : 500;
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('note list: field "limit": expected a positive whole number');
    const notes = await withVault(io, v.data, (ctx, op) => listNotes(ctx, op, client, { limit, purpose: 'operator' }));
    const out = notes.map((n) => ({ id: n.id, kind: n.kind, text: n.text, createdAt: n.createdAt, status: n.status, addenda: n.addenda.map((a) => ({ id: a.id, text: a.text, createdAt: a.createdAt })) }));
    if (v.json) printJson(io, out);
    else for (const n of out) io.stdout(`--- ${n.createdAt} ${n.kind} (${n.status}) ${n.id}\n${n.text}\n`);
    return 0;
  }
  throw new UsageError('note: expected "add" or "list"');
}
