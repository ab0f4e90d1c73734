import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, date, idParams, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { AUDIENCES, BREACH_KINDS, CHANNELS, DATA_CATEGORIES, SCOPES } from './breaches.js';
import { clientLetterPdf, breachDrafts, registerCsv, registerPdf } from './breach-documents.js';
import { type NewBreach, addContainment, assessBreach, changeAffected, getBreach, reportBreach } from './breaches.service.js';
import { type NotificationInput, closeBreach, recordNotification } from './notify.service.js';
import { breachDeadlines, breachFromAudit, listRegister } from './register.service.js';
import { breachLetterRoutes } from './letters.routes.js';
import { breachDeadlineSchema, breachDraftsSchema, breachSchema, breachSummarySchema } from './breaches.schemas.js';
import { FACTOR_LEVELS, HIPAA_FACTORS, HIPAA_OUTCOMES, LIKELIHOODS, SEVERITIES, UK_OUTCOMES } from './risk.js';

const instant = () => str({ maxLength: 40 });
const scope = obj({ kind: strEnum(SCOPES), practitionerId: str({ maxLength: 100 }) }, ['practitionerId']);
const step = obj({ at: instant(), text: str({ minLength: 1, maxLength: 5000 }) });
const id = (req: { params: unknown }) => (req.params as { id: string }).id;

export async function breachRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/breaches', { schema: { summary: 'The breach register, with each clock', response: { 200: arr(breachSummarySchema) } } }, async (req) => listRegister(ctx, principal(req)));

  app.get('/api/breaches/deadlines', { schema: { summary: 'Running breach clocks, for the deadlines dashboard', response: { 200: arr(breachDeadlineSchema) } } }, async (req) => breachDeadlines(ctx, principal(req)));

  app.post('/api/breaches', {
    schema: {
      summary: 'Record a breach',
      body: obj({
        kind: strEnum(BREACH_KINDS), summary: str({ minLength: 1, maxLength: 20_000 }), reportedBy: str({ minLength: 1, maxLength: 200 }),
        occurredAt: instant(), discoveredAt: instant(), categories: arr(strEnum(DATA_CATEGORIES), { minItems: 1 }), scope,
        clientIds: arr(str({ maxLength: 100 }), { maxItems: 10_000 }), containment: arr(step, { maxItems: 100 }),
      }, ['scope', 'clientIds', 'containment']),
      response: { 201: breachSchema },
    },
  }, async (req, reply) => reply.status(201).send(await reportBreach(ctx, principal(req), req.body as NewBreach)));

  app.post('/api/breaches/from-audit', {
    schema: { summary: 'Open a breach from an audit-log entry (an access with no legitimate reason)', body: obj({ seq: int({ minimum: 1 }), summary: str({ minLength: 1, maxLength: 20_000 }) }, ['summary']), response: { 201: breachSchema } },
  }, async (req, reply) => {
    const b = req.body as { seq: number; summary?: string };
    return reply.status(201).send(await breachFromAudit(ctx, principal(req), b.seq, { summary: b.summary }));
  });

  app.get('/api/breaches/register.csv', { schema: { summary: 'The register as CSV (no free text)' } }, async (req, reply) => {
    const csv = await registerCsv(ctx, principal(req));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="breach-register.csv"').send(csv);
  });

  app.get('/api/breaches/register.pdf', { schema: { summary: 'The register as PDF' } }, async (req, reply) => {
    const pdf = await registerPdf(ctx, principal(req));
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="breach-register.pdf"').send(pdf);
  });

  app.get('/api/breaches/:id', { schema: { summary: 'One breach, in full', params: idParams, response: { 200: breachSchema } } }, async (req) => getBreach(ctx, principal(req), id(req)));

  app.post('/api/breaches/:id/affected', {
    schema: { summary: 'Add or remove affected clients', params: idParams, body: obj({ clientIds: arr(str({ maxLength: 100 })), scope, remove: arr(str({ maxLength: 100 })) }, ['clientIds', 'scope', 'remove']), response: { 200: breachSchema } },
  }, async (req) => changeAffected(ctx, principal(req), id(req), req.body as { clientIds?: string[] }));

  app.post('/api/breaches/:id/containment', {
    schema: { summary: 'Record a containment step', params: idParams, body: step, response: { 200: breachSchema } },
  }, async (req) => addContainment(ctx, principal(req), id(req), req.body as { at: string; text: string }));

  app.post('/api/breaches/:id/assessment', {
    schema: {
      summary: 'Record the risk assessment',
      params: idParams,
      body: obj({
        likelihood: strEnum(LIKELIHOODS), severity: strEnum(SEVERITIES), outcome: strEnum([...UK_OUTCOMES, ...HIPAA_OUTCOMES]),
        factors: obj(Object.fromEntries(Object.keys(HIPAA_FACTORS).map((k) => [k, strEnum(FACTOR_LEVELS)])), Object.keys(HIPAA_FACTORS)),
        reasoning: str({ maxLength: 20_000 }),
      }, ['outcome', 'factors']),
      response: { 200: breachSchema },
    },
  }, async (req) => assessBreach(ctx, principal(req), id(req), req.body as { likelihood: string; severity: string; reasoning: string }));

  app.post('/api/breaches/:id/notifications', {
    schema: {
      summary: 'Record a notification sent, or a decision not to notify (with reasons)',
      params: idParams,
      body: obj({ audience: strEnum(AUDIENCES), clientId: nullable(str({ maxLength: 100 })), decision: strEnum(['sent', 'not_notified']), sentOn: date(), channel: strEnum(CHANNELS), reason: str({ maxLength: 5000 }) }, ['clientId', 'sentOn', 'channel', 'reason']),
      response: { 200: breachSchema },
    },
  }, async (req) => recordNotification(ctx, principal(req), id(req), req.body as NotificationInput));

  app.get('/api/breaches/:id/drafts', {
    schema: { summary: 'Notification drafts for the regulator and for clients', params: idParams, querystring: obj({ contact: str({ maxLength: 500 }) }, ['contact']), response: { 200: breachDraftsSchema } },
  }, async (req) => breachDrafts(ctx, principal(req), id(req), (req.query as { contact?: string }).contact));

  app.get('/api/breaches/:id/letters/:clientId', {
    schema: { summary: "An affected client's notification letter (PDF)", params: obj({ id: str({ maxLength: 100 }), clientId: str({ maxLength: 100 }) }), querystring: obj({ contact: str({ maxLength: 500 }) }, ['contact']) },
  }, async (req, reply) => {
    const prm = req.params as { id: string; clientId: string };
    const pdf = await clientLetterPdf(ctx, principal(req), prm.id, prm.clientId, (req.query as { contact?: string }).contact);
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="breach-notification.pdf"').send(pdf);
  });

  app.post('/api/breaches/:id/close', { schema: { summary: 'Close the breach (every duty settled)', params: idParams, response: { 200: breachSchema } } }, async (req) => closeBreach(ctx, principal(req), id(req)));

  await breachLetterRoutes(app, ctx);
}
