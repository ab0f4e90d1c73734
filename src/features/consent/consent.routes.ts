import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, bool, date, nullable, obj, str, strEnum } from '../../http/schema.js';
import { type PrepareInput, type SignInput, createSigningLink, prepareAgreement, signInPerson } from './agreements.service.js';
import { type CapacityInput, recordCapacity } from './capacity.service.js';
import { CHANNELS } from './channels.js';
import { CONSENT_KINDS, DISCLOSURE_WHAT } from './consents.js';
import { type RecordConsentInput, recordConsent, withdrawConsent } from './consents.service.js';
import { WITHDRAWAL_WAYS, type WithdrawalInput } from './withdrawal.js';
import { downloadAgreementPdf, viewAgreement } from './documents.service.js';
import { allowedChannels } from './lookup.js';
import { type LookupQuery, lookupForClient } from './lookup.service.js';
import { choicesBody, signatureBody, signRoutes } from './sign.routes.js';
import { consentStatus } from './status.service.js';
import { SETTINGS } from './templates.js';
import { templateRoutes } from './templates.routes.js';
import {
  agreementSchema, agreementViewSchema, capacitySchema, competenceSchema, consentRecordSchema, consentStatusSchema, lookupAnswerSchema, parentSchema, warningSchema,
} from './consent.schemas.js';
import { contractWarnings } from './warnings.js';
import { type CompetenceInput, addParent, endParent, recordCompetence } from './young.service.js';
import { COMPETENCE_FRAMEWORKS } from './young.js';
import { requireCase } from '../clients/case-access.js';

const client = obj({ id: str({ minLength: 1, maxLength: 100 }) });
const withSub = (sub: string) => obj({ id: str({ minLength: 1, maxLength: 100 }), [sub]: str({ minLength: 1, maxLength: 100 }) });
const capacityBody = obj({ hasCapacity: bool(), reasons: str({ minLength: 1, maxLength: 5000 }) });
const id = (req: { params: unknown }) => (req.params as { id: string }).id;
const sub = (req: { params: unknown }, k: string) => (req.params as Record<string, string>)[k];

/** Contracting and consent: the practitioner's routes, the templates and the public signing routes. */
export async function consentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await templateRoutes(app, ctx);
  await signRoutes(app, ctx);

  app.get('/api/clients/:id/consent', {
    schema: { summary: "A client's agreement, consents, capacity, young-person records and warnings (audited)", params: client, response: { 200: consentStatusSchema } },
  }, async (req) => consentStatus(ctx, principal(req), id(req)));

  app.get('/api/clients/:id/consent/warnings', {
    schema: { summary: 'Contracting warnings, e.g. before a second session with no signed agreement', params: client, response: { 200: arr(warningSchema) } },
  }, async (req) => contractWarnings(ctx, principal(req), id(req)));

  app.get('/api/clients/:id/consent/channels', {
    schema: { summary: 'The contact channels that may be offered now (withdrawn ones are gone at once)', params: client, response: { 200: obj({ allowed: arr(strEnum(CHANNELS)) }) } },
  }, async (req) => {
    await requireCase(ctx, principal(req), id(req), 'case.read_clinical');
    return { allowed: await allowedChannels(ctx, id(req)) };
  });

  app.get('/api/clients/:id/consent/lookup', {
    schema: {
      summary: 'May we contact the client this way, or does a consent cover this disclosure? With the consent record that justifies the answer',
      params: client,
      querystring: obj({ channel: strEnum(CHANNELS), recipient: str({ maxLength: 300 }), purpose: str({ maxLength: 1000 }), what: strEnum(DISCLOSURE_WHAT) }, ['channel', 'recipient', 'purpose', 'what']),
      response: { 200: lookupAnswerSchema },
    },
  }, async (req) => {
    const q = req.query as Record<string, string>;
    const query: LookupQuery = q.channel ? { channel: q.channel } : { recipient: q.recipient ?? '', purpose: q.purpose ?? '', what: q.what ?? '' };
    return lookupForClient(ctx, principal(req), id(req), query);
  });

  app.post('/api/clients/:id/consent/agreements', {
    schema: {
      summary: 'Prepare an agreement from the newest published version (replaces any unsigned one)',
      params: client,
      body: obj({
        templateKey: str({ maxLength: 60 }), setting: strEnum(SETTINGS),
        fields: obj({ practiceName: str({ maxLength: 200 }), supervisorArrangement: str({ maxLength: 2000 }), retentionPeriod: str({ maxLength: 500 }), channels: arr(strEnum(CHANNELS)) }, ['practiceName', 'supervisorArrangement', 'retentionPeriod', 'channels']),
      }, ['templateKey', 'setting', 'fields']),
      response: { 201: agreementSchema },
    },
  }, async (req, reply) => reply.status(201).send(await prepareAgreement(ctx, principal(req), id(req), req.body as PrepareInput)));

  app.get('/api/clients/:id/consent/agreements/:agreementId', {
    schema: { summary: 'One agreement with its exact text', params: withSub('agreementId'), response: { 200: agreementViewSchema } },
  }, async (req) => viewAgreement(ctx, principal(req), id(req), sub(req, 'agreementId')));

  app.get('/api/clients/:id/consent/agreements/:agreementId/pdf', {
    schema: { summary: 'The agreement as a PDF (text, choices, signature, hashes)', params: withSub('agreementId') },
  }, async (req, reply) => {
    const { pdf, fileName } = await downloadAgreementPdf(ctx, principal(req), id(req), sub(req, 'agreementId'));
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
  });

  app.post('/api/clients/:id/consent/agreements/:agreementId/sign', {
    schema: { summary: 'Sign in person (capacity is required)', params: withSub('agreementId'), body: obj({ signature: signatureBody, choices: choicesBody, capacity: capacityBody }), response: { 200: agreementSchema } },
    bodyLimit: 524_288,
  }, async (req) => signInPerson(ctx, principal(req), id(req), sub(req, 'agreementId'), req.body as SignInput));

  app.post('/api/clients/:id/consent/agreements/:agreementId/link', {
    schema: { summary: 'Create a single-use signing link valid for 7 days (the token is shown once)', params: withSub('agreementId'), response: { 201: obj({ token: str(), path: str(), url: nullable(str()), expiresAt: str() }) } },
  }, async (req, reply) => reply.status(201).send(await createSigningLink(ctx, principal(req), id(req), sub(req, 'agreementId'))));

  app.post('/api/clients/:id/consents', {
    schema: {
      summary: 'Record a consent after signing: a channel, records, supervision or a specific disclosure',
      params: client,
      body: obj({
        kind: strEnum(CONSENT_KINDS), given: bool(), channel: strEnum(CHANNELS), recipient: str({ maxLength: 300 }), what: strEnum(DISCLOSURE_WHAT),
        purpose: str({ maxLength: 1000 }), expiresOn: nullable(date()), capacity: capacityBody,
      }, ['given', 'channel', 'recipient', 'what', 'purpose', 'expiresOn', 'capacity']),
      response: { 201: consentRecordSchema },
    },
  }, async (req, reply) => reply.status(201).send(await recordConsent(ctx, principal(req), id(req), req.body as RecordConsentInput)));

  app.post('/api/clients/:id/consents/:consentId/withdraw', {
    schema: {
      summary: 'Withdraw a consent, effective at once everywhere, recording how the client asked and on which day',
      params: withSub('consentId'), body: obj({ via: strEnum(WITHDRAWAL_WAYS), askedOn: nullable(date()) }, ['askedOn']), response: { 200: consentRecordSchema },
    },
  }, async (req) => withdrawConsent(ctx, principal(req), id(req), sub(req, 'consentId'), req.body as WithdrawalInput));

  app.post('/api/clients/:id/consent/capacity', {
    schema: { summary: 'Record whether the client can give informed consent now, and why', params: client, body: capacityBody, response: { 201: capacitySchema } },
  }, async (req, reply) => reply.status(201).send(await recordCapacity(ctx, principal(req), id(req), req.body as CapacityInput)));

  app.post('/api/clients/:id/consent/competence', {
    schema: { summary: "Record a young person's competence to consent (Gillick; mature or emancipated minor)", params: client, body: obj({ framework: strEnum(COMPETENCE_FRAMEWORKS), competent: bool(), reasons: str({ minLength: 1, maxLength: 5000 }) }), response: { 201: competenceSchema } },
  }, async (req, reply) => reply.status(201).send(await recordCompetence(ctx, principal(req), id(req), req.body as CompetenceInput)));

  app.post('/api/clients/:id/consent/parents', {
    schema: {
      summary: 'Record a person with parental responsibility (stored under the client identity key)',
      params: client,
      body: obj({ name: str({ minLength: 1, maxLength: 200 }), relationship: str({ minLength: 1, maxLength: 100 }), phone: str({ maxLength: 40 }), email: str({ maxLength: 320 }), address: str({ maxLength: 500 }) }, ['phone', 'email', 'address']),
      response: { 201: parentSchema },
    },
  }, async (req, reply) => reply.status(201).send(await addParent(ctx, principal(req), id(req), req.body as Record<string, string>)));

  app.post('/api/clients/:id/consent/parents/:parentId/end', {
    schema: { summary: 'Record that a person no longer holds parental responsibility', params: withSub('parentId'), response: { 204: { type: 'null' } } },
  }, async (req, reply) => {
    await endParent(ctx, principal(req), id(req), sub(req, 'parentId'));
    return reply.status(204).send();
  });
}
