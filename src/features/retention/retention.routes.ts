import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, idParams, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { certificatePdf, getCertificate, listCertificates } from './certificate.js';
import { type DisposeOptions, secureDispose } from './disposal.service.js';
import { HOLD_KINDS } from './holds.js';
import type { PolicyInput } from './retention.js';
import { caseHoldSchema, certificateSchema, policySchema, scheduleSchema, scheduledCaseSchema } from './retention.schemas.js';
import { disposalSchedule, getPolicy, holdableCases, listHolds, placeHold, releaseHold, reviewQueue, setPolicy } from './retention.service.js';

const caseCode = () => str({ minLength: 1, maxLength: 40 });

export async function retentionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/retention/policy', { schema: { summary: "The practice's retention policy and the shipped defaults", response: { 200: obj({ policy: policySchema, defaults: policySchema }) } } }, async (req) => getPolicy(ctx, principal(req)));

  app.put('/api/retention/policy', {
    schema: {
      summary: 'Set the retention periods (a reason is required when they differ from the default)',
      body: obj({ adultYears: int(), minorUntilBirthday: int(), minorUntilBirthdayAt17: int(), processNotesYears: nullable(int()), reason: nullable(str({ maxLength: 2000 })) }, ['reason']),
      response: { 200: policySchema },
    },
  }, async (req) => setPolicy(ctx, principal(req), req.body as PolicyInput));

  app.get('/api/retention/schedule', { schema: { summary: 'Every closed case with its disposal date and holds', response: { 200: scheduleSchema } } }, async (req) => disposalSchedule(ctx, principal(req)));

  app.get('/api/retention/queue', { schema: { summary: 'Cases whose disposal date has come, with any holds and their reasons', response: { 200: arr(scheduledCaseSchema) } } }, async (req) => reviewQueue(ctx, principal(req)));

  app.get('/api/retention/holds', { schema: { summary: 'Active legal holds (manual and found in other registers)', querystring: obj({ caseCode: caseCode() }, ['caseCode']), response: { 200: arr(caseHoldSchema) } } },
    async (req) => listHolds(ctx, principal(req), (req.query as { caseCode?: string }).caseCode));

  app.get('/api/retention/cases', {
    schema: { summary: 'Every case held, open or closed, by code: the cases a legal hold can be placed on', response: { 200: arr(obj({ caseCode: str(), status: str() })) } },
  }, async (req) => holdableCases(ctx, principal(req)));

  app.post('/api/retention/holds', {
    schema: { summary: 'Place a legal hold on a case', body: obj({ caseCode: caseCode(), kind: strEnum(HOLD_KINDS), reason: str({ minLength: 1, maxLength: 2000 }) }), response: { 201: obj({ id: str() }) } },
  }, async (req, reply) => reply.status(201).send(await placeHold(ctx, principal(req), req.body as { caseCode: string; kind: string; reason: string })));

  app.post('/api/retention/holds/:id/release', { schema: { summary: 'Release a legal hold', params: idParams, response: { 204: { type: 'null' } } } }, async (req, reply) => {
    await releaseHold(ctx, principal(req), (req.params as { id: string }).id);
    return reply.status(204).send();
  });

  app.post('/api/retention/dispose', {
    schema: {
      summary: 'Securely destroy a case (or its process notes) whose date has come, and issue a certificate',
      body: obj({ caseCode: caseCode(), confirm: caseCode(), scope: strEnum(['whole_record', 'process_notes']) }, ['scope']),
      response: { 201: certificateSchema },
    },
  }, async (req, reply) => {
    const b = req.body as { caseCode: string } & DisposeOptions;
    return reply.status(201).send(await secureDispose(ctx, principal(req), b.caseCode, { confirm: b.confirm, scope: b.scope, basis: 'retention' }));
  });

  app.get('/api/retention/certificates', { schema: { summary: 'Certificates of destruction', response: { 200: arr(certificateSchema) } } }, async (req) => listCertificates(ctx, principal(req)));
  app.get('/api/retention/certificates/:id', { schema: { summary: 'One certificate', params: idParams, response: { 200: certificateSchema } } }, async (req) => getCertificate(ctx, principal(req), (req.params as { id: string }).id));
  app.get('/api/retention/certificates/:id/pdf', { schema: { summary: 'A certificate as PDF', params: idParams } }, async (req, reply) => {
    const pdf = await certificatePdf(ctx, principal(req), (req.params as { id: string }).id);
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="certificate-of-destruction.pdf"').send(pdf);
  });
}
