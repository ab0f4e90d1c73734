import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, bool, dict, idParams, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { type AddSpanInput, type NewDraft, addMissedSpan, createDraft, decideSpan, discardDraft, getDraft } from './drafts.service.js';
import { CONSENT_LOOKUPS } from './consent-seam.js';
import { RESIDUAL_ANSWERS, RESIDUAL_QUESTIONS } from './residual.js';
import { type ShareInput, getSharingRecord, shareDraft, sharedMaterial } from './share.service.js';
import { sharingPdf } from './sharing-pdf.js';
import { CONSENT_ANSWERS, FORMS, MAX_NOTES, MAX_SUMMARY_CHARS, RECIPIENT_KINDS, SPAN_TYPES } from './sharing.js';

const span = obj({
  id: str(), part: int(), start: int(), end: int(), type: strEnum(SPAN_TYPES), replacement: str(), origin: strEnum(['engine', 'added']),
  decision: strEnum(['pending', 'accepted', 'rejected']), text: str(),
});
const draftView = obj({
  id: str(), clientId: str(), caseCode: str(), status: strEnum(['review', 'shared']), surrogates: bool(), createdAt: str(), updatedAt: str(),
  parts: arr(obj({ index: int(), key: str(), label: str(), original: str(), output: str(), spans: arr(span) })),
  pending: int(), counts: dict(int()),
  flags: arr(obj({ part: int(), start: int(), end: int(), sentence: str(), reasons: arr(strEnum(['number', 'occupation', 'event', 'superlative', 'condition'])) })),
  questions: arr(obj({ id: str(), text: str() })),
  consent: obj({ lookup: strEnum(CONSENT_LOOKUPS), consentId: nullable(str()), recordedAt: nullable(str()) }),
});
const recordFields = {
  id: str(), draftId: str(), clientId: str(), caseCode: str(), recipientKind: strEnum(RECIPIENT_KINDS), recipientKindLabel: str(), recipient: str(), recipientUserId: nullable(str()), purpose: str(),
  form: strEnum(FORMS), counts: dict(int()), consent: obj({ answer: strEnum(CONSENT_ANSWERS), consentId: nullable(str()), lookup: str(), reason: nullable(str()) }),
  residual: dict(strEnum(RESIDUAL_ANSWERS)), sharedBy: str(), sharedAt: str(),
};
const record = obj(recordFields);
const recordWithText = obj({ ...recordFields, text: str(), textIntact: bool() }, ['textIntact']);
const draftParams = obj({ id: str({ minLength: 1, maxLength: 100 }), spanId: str({ minLength: 1, maxLength: 100 }) });
const id = (req: { params: unknown }) => (req.params as { id: string }).id;

export async function sharingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/clients/:id/sharing/drafts', {
    schema: {
      summary: 'Anonymise chosen notes (or a written summary) into a draft for review',
      params: idParams,
      body: obj({ noteIds: arr(str({ maxLength: 100 }), { maxItems: MAX_NOTES }), summary: str({ maxLength: MAX_SUMMARY_CHARS }), surrogates: bool() }, ['noteIds', 'summary', 'surrogates']),
      response: { 201: draftView },
    },
  }, async (req, reply) => reply.status(201).send(await createDraft(ctx, principal(req), id(req), req.body as NewDraft)));

  app.get('/api/clients/:id/shared-material', {
    schema: { summary: 'What was shared from this record, with whom and why; drafts still in review', params: idParams, response: { 200: obj({ records: arr(record), drafts: arr(obj({ id: str(), createdAt: str(), updatedAt: str(), parts: int(), changes: int(), pending: int() })) }) } },
  }, async (req) => sharedMaterial(ctx, principal(req), id(req)));

  app.get('/api/sharing/drafts/:id', {
    schema: { summary: 'A draft: original and anonymised text side by side, every change, residual-risk flags', params: idParams, response: { 200: draftView } },
  }, async (req) => getDraft(ctx, principal(req), id(req)));

  app.put('/api/sharing/drafts/:id/spans/:spanId', {
    schema: { summary: 'Accept or reject one proposed change', params: draftParams, body: obj({ decision: strEnum(['accepted', 'rejected']) }), response: { 200: draftView } },
  }, async (req) => {
    const p = req.params as { id: string; spanId: string };
    return decideSpan(ctx, principal(req), p.id, p.spanId, (req.body as { decision: string }).decision);
  });

  app.post('/api/sharing/drafts/:id/spans', {
    schema: {
      summary: 'Mark an identifier the engine missed (every occurrence of the same words is marked)',
      params: idParams,
      body: obj({ part: int({ minimum: 0 }), start: int({ minimum: 0 }), end: int({ minimum: 0 }), text: str({ maxLength: 500 }), type: strEnum(SPAN_TYPES), replacement: str({ maxLength: 100 }) }, ['start', 'end', 'text', 'replacement']),
      response: { 201: draftView },
    },
  }, async (req, reply) => reply.status(201).send(await addMissedSpan(ctx, principal(req), id(req), req.body as AddSpanInput)));

  app.post('/api/sharing/drafts/:id/discard', {
    schema: { summary: 'Discard a draft still in review', params: idParams, response: { 204: { type: 'null' } } },
  }, async (req, reply) => {
    await discardDraft(ctx, principal(req), id(req));
    return reply.status(204).send();
  });

  app.post('/api/sharing/drafts/:id/share', {
    schema: {
      summary: 'Share a fully reviewed draft and record with whom, why, in which form and on what consent (409 while any change is unreviewed)',
      params: idParams,
      body: obj({
        recipientKind: strEnum(RECIPIENT_KINDS), recipient: str({ maxLength: 200 }), recipientUserId: nullable(str({ maxLength: 100 })), purpose: str({ maxLength: 1000 }), form: strEnum(FORMS),
        consent: obj({ answer: strEnum(CONSENT_ANSWERS), reason: str({ maxLength: 1000 }) }, ['reason']),
        residual: obj(Object.fromEntries(RESIDUAL_QUESTIONS.map((q) => [q.id, strEnum(RESIDUAL_ANSWERS)]))),
      }, ['recipient', 'recipientUserId']),
      response: { 201: recordWithText },
    },
  }, async (req, reply) => reply.status(201).send(await shareDraft(ctx, principal(req), id(req), req.body as ShareInput)));

  app.get('/api/sharing/records/:id', {
    schema: { summary: 'A sharing record with the text exactly as shared', params: idParams, response: { 200: recordWithText } },
  }, async (req) => getSharingRecord(ctx, principal(req), id(req)));

  app.get('/api/sharing/records/:id/pdf', {
    schema: { summary: 'The shared material as a PDF (watermarked with its purpose)', params: idParams },
  }, async (req, reply) => {
    const pdf = await sharingPdf(await getSharingRecord(ctx, principal(req), id(req), true));
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="anonymised-case-material.pdf"').header('cache-control', 'no-store').send(pdf);
  });
}
