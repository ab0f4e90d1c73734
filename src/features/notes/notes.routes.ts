import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, bool, idParams, nullable, obj, str, strEnum } from '../../http/schema.js';
import { NOTE_KINDS } from './notes.js';
import { type NewNote, addAddendum, addNote, editDraft, listNotes, signNote } from './notes.service.js';

/** A note as answered; the client record embeds the same shape. */
export const noteSchema = obj({
  id: str(), caseCode: str(), sessionId: nullable(str()), kind: strEnum(NOTE_KINDS), status: strEnum(['draft', 'signed']), text: str(), authorId: str(),
  createdAt: str(), updatedAt: str(), signedAt: nullable(str()), signedBy: nullable(str()),
  addenda: arr(obj({ id: str(), text: str(), authorId: str(), createdAt: str() })),
});

export async function noteRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/clients/:id/notes', {
    schema: {
      summary: "A client's notes, newest first",
      params: idParams,
      querystring: obj({ limit: str({ pattern: '^\\d{1,3}$' }), before: str({ maxLength: 40 }) }, ['limit', 'before']),
      response: { 200: arr(noteSchema) },
    },
  }, async (req) => {
    const q = req.query as { limit?: string; before?: string };
    return listNotes(ctx, principal(req), (req.params as { id: string }).id, { limit: q.limit ? Number(q.limit) : undefined, before: q.before });
  });

  app.post('/api/clients/:id/notes', {
    schema: {
      summary: 'Write a note (a draft unless sign is true)',
      params: idParams,
      body: obj({ kind: strEnum(NOTE_KINDS), text: str({ minLength: 1, maxLength: 100_000 }), sessionId: nullable(str()), sign: bool() }, ['kind', 'sessionId', 'sign']),
      response: { 201: noteSchema },
    },
  }, async (req, reply) => reply.status(201).send(await addNote(ctx, principal(req), (req.params as { id: string }).id, req.body as NewNote)));

  app.put('/api/notes/:id', {
    schema: {
      summary: 'Edit a draft note (signed notes cannot change); autosave: the editor saving itself, audited once per person per draft',
      params: idParams, body: obj({ text: str({ minLength: 1, maxLength: 100_000 }), autosave: bool() }, ['autosave']), response: { 204: { type: 'null' } },
    },
  }, async (req, reply) => {
    const body = req.body as { text: string; autosave?: boolean };
    await editDraft(ctx, principal(req), (req.params as { id: string }).id, body.text, { autosave: body.autosave === true });
    return reply.status(204).send();
  });

  app.post('/api/notes/:id/sign', {
    schema: { summary: 'Sign and lock a note', params: idParams, response: { 204: { type: 'null' } } },
  }, async (req, reply) => {
    await signNote(ctx, principal(req), (req.params as { id: string }).id);
    return reply.status(204).send();
  });

  app.post('/api/notes/:id/addenda', {
    schema: { summary: 'Append an addendum to a signed note', params: idParams, body: obj({ text: str({ minLength: 1, maxLength: 100_000 }) }), response: { 201: obj({ id: str() }) } },
  }, async (req, reply) => reply.status(201).send(await addAddendum(ctx, principal(req), (req.params as { id: string }).id, (req.body as { text: string }).text)));
}
