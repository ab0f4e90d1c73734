import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, bool, idParams, obj, str, strEnum } from '../../http/schema.js';
import { CONSENT_ANSWERS, FORMS } from '../sharing/sharing.js';
import { addNote, currentSupervisors, getShared, listNotes, listShared, listSupervisees } from './supervision.service.js';
import { MAX_NOTE_CHARS } from './supervision.js';

const supervisee = obj({ id: str(), name: str(), since: str() });
const shared = obj({
  id: str(), superviseeId: str(), superviseeName: str(), sharedAt: str(), form: strEnum(FORMS),
  consent: obj({ answer: strEnum(CONSENT_ANSWERS), words: str() }), text: str(), textIntact: bool(),
});
const note = obj({ id: str(), superviseeId: str(), text: str(), createdAt: str() });
const id = (req: FastifyRequest) => (req.params as { id: string }).id;

/** A supervisor's view: supervisees, the anonymised material they shared, and the supervisor's own notes. */
export async function supervisionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/supervision/supervisees', {
    schema: { summary: 'The people you supervise today, and since when (supervisors)', response: { 200: arr(supervisee) } },
  }, async (req) => listSupervisees(ctx, principal(req)));

  app.get('/api/supervision/supervisors', {
    schema: { summary: 'Your supervisors today: whom you can share anonymised material with for supervision', response: { 200: arr(obj({ id: str(), name: str() })) } },
  }, async (req) => currentSupervisors(ctx, principal(req)));

  app.get('/api/supervision/shared', {
    schema: { summary: 'Anonymised material your supervisees shared with you, newest first; nothing that identifies a client (supervisors)', response: { 200: arr(shared) } },
  }, async (req) => listShared(ctx, principal(req)));

  app.get('/api/supervision/shared/:id', {
    schema: { summary: 'One piece of anonymised material shared with you (supervisors)', params: idParams, response: { 200: shared } },
  }, async (req) => getShared(ctx, principal(req), id(req)));

  app.get('/api/supervision/supervisees/:id/notes', {
    schema: { summary: 'Your own supervision notes about one supervisee, newest first; only you read them (supervisors)', params: idParams, response: { 200: arr(note) } },
  }, async (req) => listNotes(ctx, principal(req), id(req)));

  app.post('/api/supervision/supervisees/:id/notes', {
    schema: {
      summary: 'Add a supervision note about someone you supervise today (not part of any client’s record)',
      params: idParams, body: obj({ text: str({ minLength: 1, maxLength: MAX_NOTE_CHARS }) }), response: { 201: note },
    },
  }, async (req, reply) => reply.status(201).send(await addNote(ctx, principal(req), id(req), req.body as { text: string })));
}
