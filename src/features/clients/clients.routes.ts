import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, date, idParams, nullable, obj, str, strEnum } from '../../http/schema.js';
import { displayNames } from '../auth/auth.repository.js';
import { noteSchema } from '../notes/notes.routes.js';
import { accessHistory, accessHistoryPage, openRecord } from '../records/records.service.js';
import type { ClientIdentity } from './clients.js';
import { createClient, getClient, listCaseload, setCaseStatus, updateClientIdentity } from './clients.service.js';

const identityProps = {
  name: str({ minLength: 1, maxLength: 200 }),
  dob: date(),
  email: str({ maxLength: 320 }),
  phone: str({ maxLength: 40 }),
  address: str({ maxLength: 500 }),
  gp: str({ maxLength: 500 }),
  emergencyContact: str({ maxLength: 500 }),
  pronouns: str({ maxLength: 60 }),
};
const optionalIdentity = ['dob', 'email', 'phone', 'address', 'gp', 'emergencyContact', 'pronouns'];
const clientSchema = obj({ id: str(), caseCode: str(), status: str(), openedAt: str(), closedAt: nullable(str()), practitionerId: nullable(str()), identity: obj(identityProps, optionalIdentity),
  access: obj({ kind: strEnum(['treating', 'cover', 'break_glass', 'operator']), until: nullable(str()) }) });

const accessEventSchema = obj({ seq: { type: 'integer' }, at: str(), actorId: nullable(str()), actorName: nullable(str()), action: str(), purpose: nullable(str()), outcome: str(), reason: nullable(str()) });
const actorName = (names: Map<string, string>, id: string | null): string | null =>
  id ? (names.get(id) ?? (id === 'cli' ? 'Command line' : id === 'system' ? 'Sanctum' : null)) : null;

export async function clientRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/clients', {
    schema: { summary: 'Your caseload', response: { 200: arr(obj({ id: str(), caseCode: str(), name: str(), status: str(), openedAt: str(), coverFor: nullable(str()) })) } },
  }, async (req) => listCaseload(ctx, principal(req)));

  app.post('/api/clients', {
    schema: { summary: 'Add a client (opens a case with a new case code)', body: obj(identityProps, optionalIdentity), response: { 201: obj({ id: str(), caseCode: str() }) } },
  }, async (req, reply) => reply.status(201).send(await createClient(ctx, principal(req), req.body as ClientIdentity)));

  app.get('/api/clients/:id', {
    schema: { summary: "A client's identity panel", params: idParams, response: { 200: clientSchema } },
  }, async (req) => getClient(ctx, principal(req), (req.params as { id: string }).id));

  app.patch('/api/clients/:id', {
    // An empty string removes a detail, so a date of birth recorded in error can be cleared.
    schema: { summary: "Correct a client's identity details", params: idParams, body: obj({ ...identityProps, dob: str({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' }) }, Object.keys(identityProps)), response: { 200: clientSchema } },
  }, async (req) => updateClientIdentity(ctx, principal(req), (req.params as { id: string }).id, req.body as Partial<ClientIdentity>));

  app.post('/api/clients/:id/status', {
    schema: { summary: 'Close or reopen the case', params: idParams, body: obj({ status: strEnum(['open', 'closed']) }), response: { 204: { type: 'null' } } },
  }, async (req, reply) => {
    await setCaseStatus(ctx, principal(req), (req.params as { id: string }).id, (req.body as { status: 'open' | 'closed' }).status);
    return reply.status(204).send();
  });

  app.get('/api/clients/:id/record', {
    schema: { summary: 'Open the record: identity and the latest 20 notes (audited once)', params: idParams, response: { 200: obj({ client: clientSchema, notes: arr(noteSchema) }) } },
  }, async (req) => openRecord(ctx, principal(req), (req.params as { id: string }).id));

  app.get('/api/clients/:id/access-log', {
    schema: {
      summary: "Who has accessed this client's record",
      params: idParams,
      response: { 200: arr(accessEventSchema) },
    },
  }, async (req) => {
    const events = await accessHistory(ctx, principal(req), (req.params as { id: string }).id);
    const names = await displayNames(ctx.db.kysely);
    return events.map((e) => ({ ...e, actorName: actorName(names, e.actorId) }));
  });

  app.get('/api/clients/:id/access-history', {
    schema: {
      summary: "Who has accessed this client's record, one page at a time (newest first; `before` is the previous page's `nextBefore`)",
      params: idParams,
      querystring: obj({ before: str({ pattern: '^[1-9]\\d{0,14}$' }), limit: str({ pattern: '^[1-9]\\d{0,2}$' }) }, ['before', 'limit']),
      response: { 200: obj({ items: arr(accessEventSchema), total: { type: 'integer' }, nextBefore: nullable({ type: 'integer' }) }) },
    },
  }, async (req) => {
    const q = req.query as { before?: string; limit?: string };
    const page = await accessHistoryPage(ctx, principal(req), (req.params as { id: string }).id, { before: q.before ? Number(q.before) : undefined, limit: q.limit ? Number(q.limit) : undefined });
    const names = await displayNames(ctx.db.kysely);
    return { ...page, items: page.items.map((e) => ({ ...e, actorName: actorName(names, e.actorId) })) };
  });
}
