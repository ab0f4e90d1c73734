import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, bool, date, idParams, nullable, obj, str, strEnum } from '../../http/schema.js';
import { ASKS, AUTHORITIES, CONCERNS, CONSENTS, REQUESTERS, STEPS } from '../triage/triage.js';
import { DOCUMENT_BODY_LIMIT, DOCUMENT_TYPES } from './authority-document.js';
import { attachDocument, readDocument } from './documents.service.js';
import { linkClient } from './link.service.js';
import { getRequest } from './request-view.js';
import { type NewRequest, REQUEST_STATUSES, SETTABLE_STATUSES } from './requests.js';
import { listRequests, logRequest, setRequestStatus } from './requests.service.js';
import { requestViewProps } from './requests.schemas.js';
import { type DecisionInput, CLIENT_ANSWERS, OUTCOMES, STEP_STATES, type StepInput } from './workflow.js';
import type { SignOffInput } from './advice.js';
import { addDecisionAddendum, recordStep, saveDecision, signOffDecision } from './workflow.service.js';
import { restrictionAndLetterRoutes } from './restriction.routes.js';
import { disclosureRoutes } from '../disclosures/disclosures.routes.js';

const text = (max = 20_000) => str({ maxLength: max });
const id = (req: { params: unknown }) => (req.params as { id: string }).id;

export const requestSummarySchema = obj({
  id: str(), requesterType: strEnum(REQUESTERS), organisation: str(), asks: strEnum(ASKS), authority: strEnum(AUTHORITIES), receivedOn: str(),
  dueOn: nullable(str()), status: strEnum(REQUEST_STATUSES), basis: str(), recommendation: str(), linked: bool(), clientId: nullable(str()),
  caseCode: nullable(str()), restricted: bool(), emergency: bool(), contraryToAdvice: bool(),
});
const requestViewSchema = obj({ ...(requestSummarySchema.properties as Record<string, Record<string, unknown>>), ...requestViewProps });

const newRequestBody = obj({
  requesterType: strEnum(REQUESTERS),
  requester: obj({ name: text(200), organisation: text(200), role: text(200), verifiedHow: text(2000) }, ['name', 'organisation', 'role', 'verifiedHow']),
  asks: strEnum(ASKS),
  asked: str({ minLength: 1, maxLength: 20_000 }),
  authority: strEnum(AUTHORITIES),
  receivedOn: date(),
  dueOn: nullable(date()),
  clientId: nullable(str({ maxLength: 100 })),
  concerns: arr(strEnum(CONCERNS), { maxItems: 20 }),
  emergency: bool(),
  consent: strEnum(CONSENTS),
  competent: nullable(bool()),
  hasCapacity: nullable(bool()),
  notes: text(),
}, ['receivedOn', 'dueOn', 'clientId', 'concerns', 'emergency', 'consent', 'competent', 'hasCapacity', 'notes', 'requester']);

const stepBody = obj({
  step: strEnum(STEPS), state: strEnum(STEP_STATES), date: nullable(date()), name: text(200), advice: text(), source: text(500), outcome: text(),
  consent: nullable(strEnum(CLIENT_ANSWERS)), capable: nullable(bool()), note: text(),
}, ['state', 'date', 'name', 'advice', 'source', 'outcome', 'consent', 'capable', 'note']);

const decisionBody = obj({
  outcome: strEnum(OUTCOMES), factors: arr(text(2000), { maxItems: 50 }), reasons: str({ minLength: 1, maxLength: 20_000 }), scope: text(), doNotInformClient: bool(),
}, ['factors', 'scope', 'doNotInformClient']);

/** Every route of requests and disclosures (the packs and the accounting live in disclosures/). */
export async function requestRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await restrictionAndLetterRoutes(app, ctx);
  await disclosureRoutes(app, ctx);

  app.get('/api/requests', {
    schema: { summary: 'The request register', querystring: obj({ status: strEnum(REQUEST_STATUSES) }, ['status']), response: { 200: arr(requestSummarySchema) } },
  }, async (req) => listRequests(ctx, principal(req), req.query as { status?: string }));

  app.post('/api/requests', {
    schema: { summary: 'Log a request for information; it is triaged at once', body: newRequestBody, response: { 201: obj({ id: str(), status: strEnum(REQUEST_STATUSES) }) } },
  }, async (req, reply) => reply.status(201).send(await logRequest(ctx, principal(req), req.body as NewRequest)));

  app.get('/api/requests/:id', {
    schema: { summary: 'One request in full: triage, checklist, decision, addenda, documents', params: idParams, response: { 200: requestViewSchema } },
  }, async (req) => getRequest(ctx, principal(req), id(req)));

  app.patch('/api/requests/:id/status', {
    schema: { summary: 'Move a request along the register', params: idParams, body: obj({ status: strEnum(SETTABLE_STATUSES) }), response: { 204: { type: 'null' } } },
  }, async (req, reply) => {
    await setRequestStatus(ctx, principal(req), id(req), (req.body as { status: string }).status);
    return reply.status(204).send();
  });

  app.post('/api/requests/:id/link', {
    schema: { summary: 'Link the request to the client it concerns', params: idParams, body: obj({ clientId: str({ minLength: 1, maxLength: 100 }) }), response: { 204: { type: 'null' } } },
  }, async (req, reply) => {
    await linkClient(ctx, principal(req), id(req), (req.body as { clientId: string }).clientId);
    return reply.status(204).send();
  });

  app.post('/api/requests/:id/documents', {
    bodyLimit: DOCUMENT_BODY_LIMIT,
    schema: {
      summary: 'Attach the order or authority shown (PDF, PNG or JPEG, base64, at most 5 MB)', params: idParams,
      body: obj({ fileName: str({ minLength: 1, maxLength: 200 }), mediaType: strEnum(DOCUMENT_TYPES), contentBase64: str({ minLength: 1 }) }, ['mediaType']),
      response: { 201: obj({ id: str(), fileName: str(), mediaType: str(), sizeBytes: { type: 'integer' }, createdAt: str() }) },
    },
  }, async (req, reply) => reply.status(201).send(await attachDocument(ctx, principal(req), id(req), req.body as Record<string, unknown>)));

  app.get('/api/requests/:id/documents/:documentId', {
    schema: { summary: 'Download an attached document', params: obj({ id: str({ maxLength: 100 }), documentId: str({ maxLength: 100 }) }), response: { 200: { type: 'string', format: 'binary' } } },
  }, async (req, reply) => {
    const p = req.params as { id: string; documentId: string };
    const { meta, bytes } = await readDocument(ctx, principal(req), p.id, p.documentId);
    return reply.header('content-type', meta.mediaType).header('content-disposition', `attachment; filename="document${extension(meta.mediaType)}"`).send(bytes);
  });

  app.post('/api/requests/:id/steps', {
    schema: { summary: 'Record a checklist step (who, when, what)', params: idParams, body: stepBody, response: { 201: obj({ id: str(), retriaged: bool() }) } },
  }, async (req, reply) => reply.status(201).send(await recordStep(ctx, principal(req), id(req), req.body as StepInput)));

  app.put('/api/requests/:id/decision', {
    schema: { summary: 'Record or revise the draft decision', params: idParams, body: decisionBody, response: { 204: { type: 'null' } } },
  }, async (req, reply) => {
    await saveDecision(ctx, principal(req), id(req), req.body as DecisionInput);
    return reply.status(204).send();
  });

  app.post('/api/requests/:id/decision/sign', {
    // A sign-off that follows the advice needs no body at all, as before the acknowledgement existed.
    preValidation: async (req) => {
      if (req.body === undefined || req.body === null) req.body = {};
    },
    schema: {
      summary: 'Sign off the decision: it cannot change afterwards. A decision against the triage advice needs contraryToAdvice: true and the reasons',
      params: idParams, body: obj({ contraryToAdvice: bool(), contraryReasons: text() }, ['contraryToAdvice', 'contraryReasons']), response: { 204: { type: 'null' } },
    },
  }, async (req, reply) => {
    await signOffDecision(ctx, principal(req), id(req), (req.body ?? {}) as SignOffInput);
    return reply.status(204).send();
  });

  app.post('/api/requests/:id/addenda', {
    schema: { summary: 'Append a correction to a signed-off decision', params: idParams, body: obj({ text: str({ minLength: 1, maxLength: 20_000 }) }), response: { 201: obj({ id: str() }) } },
  }, async (req, reply) => reply.status(201).send(await addDecisionAddendum(ctx, principal(req), id(req), (req.body as { text: string }).text)));
}

const extension = (t: string) => (t === 'application/pdf' ? '.pdf' : t === 'image/png' ? '.png' : '.jpg');
