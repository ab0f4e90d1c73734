import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { anyObj, arr, bool, date, idParams, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { detectionSchema, exportStatusSchema, redactionReviewSchema, sarPreviewSchema, sarRequestSchema, sarRetentionSchema, sarSummarySchema } from './sar.schemas.js';
import { detectRight } from '../rights/rights.detect.js';
import { DETECT_MAX_CHARS, limitDetection } from './detect.limit.js';
import { addLetter } from './documents.js';
import { EXPORT_FORMATS, type ExportFormat } from './export.client.js';
import { CLIENT_FILES, type ClientFile, downloadExportFile } from './export.download.js';
import { exportStatus, listExports, startExport } from './export.service.js';
import { PARTICIPANT_ROLES, addParticipant } from './joint-work.js';
import { previewAssembly } from './preview.js';
import { GROUND_IDS, KINDS } from './redaction.grounds.js';
import { type Decision, addManualRedaction, decideRedactions, proposeForRequest, reviewFor } from './redaction.service.js';
import { decideErasure, decideRestrictionOrObjection, rectify, retentionFor } from './rights.service.js';
import { PROCESS_NOTE_CHOICES, RIGHTS, VERIFICATION_METHODS } from './sar.js';
import {
  DELIVERY_CHANNELS, type OpenInput, closeRequest, extendRequest, getRequest, listRequests, openRequest, recordDelivery, setFee, setProcessNotes, verifyIdentity,
} from './sar.service.js';

const id = (req: { params: unknown }) => (req.params as { id: string }).id;
const text = (max: number) => str({ minLength: 1, maxLength: max });

export async function sarRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/sar/detect', {
    schema: { summary: 'Which right a pasted message exercises, with the words that show it', body: obj({ text: text(DETECT_MAX_CHARS) }), response: { 200: detectionSchema } },
    // Signed in before the body is even read; then rationed, since each call runs the engine.
    onRequest: async (req) => void principal(req),
  }, async (req) => {
    await limitDetection(ctx, principal(req).userId, req.ip);
    return detectRight((req.body as { text: string }).text);
  });

  app.post('/api/sar/requests', {
    schema: { summary: 'Open a rights request; the deadline follows from the practice’s law and time zone', body: obj({ clientId: str(), right: strEnum(RIGHTS), receivedOn: date(), receivedAt: str(), message: text(50_000) }, ['right', 'receivedOn', 'receivedAt', 'message']) },
  }, async (req, reply) => reply.status(201).send(await openRequest(ctx, principal(req), req.body as OpenInput)));

  app.get('/api/sar/requests', {
    schema: { summary: 'The request register', querystring: obj({ open: strEnum(['1', '0']), clientId: str() }, ['open', 'clientId']), response: { 200: arr(sarSummarySchema) } },
  }, async (req) => {
    const q = req.query as { open?: string; clientId?: string };
    return listRequests(ctx, principal(req), { openOnly: q.open === '1', clientId: q.clientId });
  });

  app.get('/api/sar/requests/:id', { schema: { params: idParams, response: { 200: sarRequestSchema } } }, async (req) => getRequest(ctx, principal(req), id(req)));

  app.post('/api/sar/requests/:id/verify', {
    schema: { summary: 'Record proportionate proof of identity', params: idParams, body: obj({ method: strEnum(VERIFICATION_METHODS), on: date(), note: str({ maxLength: 2000 }), clockFromVerification: bool() }, ['note', 'clockFromVerification']) },
  }, async (req) => verifyIdentity(ctx, principal(req), id(req), req.body as never));

  app.post('/api/sar/requests/:id/extend', {
    schema: { summary: 'Extend once, with reasons and the date the client was told', params: idParams, body: obj({ reason: text(5000), toldOn: date() }) },
  }, async (req) => extendRequest(ctx, principal(req), id(req), req.body as never));

  app.post('/api/sar/requests/:id/fee', {
    schema: { params: idParams, body: obj({ feeCents: int({ minimum: 0 }), feeReason: nullable(str()) }, ['feeReason']) },
  }, async (req) => setFee(ctx, principal(req), id(req), req.body as never));

  app.post('/api/sar/requests/:id/process-notes', {
    schema: { params: idParams, body: obj({ choice: strEnum(PROCESS_NOTE_CHOICES), exemption: nullable(str({ maxLength: 5000 })) }, ['exemption']) },
  }, async (req) => setProcessNotes(ctx, principal(req), id(req), req.body as never));

  app.post('/api/sar/requests/:id/close', {
    schema: { params: idParams, body: obj({ status: strEnum(['completed', 'refused', 'withdrawn']) }) },
  }, async (req) => closeRequest(ctx, principal(req), id(req), (req.body as { status: string }).status));

  app.post('/api/sar/requests/:id/delivery', {
    schema: { summary: 'Record how and when the export reached the client', params: idParams, body: obj({ channel: strEnum(DELIVERY_CHANNELS), on: date() }) },
  }, async (req) => recordDelivery(ctx, principal(req), id(req), req.body as never));

  app.get('/api/sar/requests/:id/preview', { schema: { summary: 'What the export would hold, as counts', params: idParams, response: { 200: sarPreviewSchema } } }, async (req) => previewAssembly(ctx, principal(req), id(req)));

  app.post('/api/sar/requests/:id/redactions/propose', { schema: { params: idParams } }, async (req) => proposeForRequest(ctx, principal(req), id(req)));
  app.get('/api/sar/requests/:id/redactions', { schema: { summary: 'Source texts with proposed and decided redactions', params: idParams, response: { 200: redactionReviewSchema } } }, async (req) => reviewFor(ctx, principal(req), id(req)));
  app.post('/api/sar/requests/:id/redactions/decide', {
    schema: { params: idParams, body: obj({ ids: arr(str(), { minItems: 1, maxItems: 5000 }), decision: strEnum(['accept', 'reject']), start: int({ minimum: 0 }), end: int({ minimum: 1 }), ground: strEnum(GROUND_IDS) }, ['start', 'end', 'ground']) },
  }, async (req) => {
    const b = req.body as Decision & { ids: string[] };
    return { decided: await decideRedactions(ctx, principal(req), id(req), b.ids, b) };
  });
  app.post('/api/sar/requests/:id/redactions', {
    schema: { summary: 'Withhold a span the proposals missed', params: idParams, body: obj({ sourceId: str(), start: int({ minimum: 0 }), end: int({ minimum: 1 }), kind: strEnum(KINDS), ground: strEnum(GROUND_IDS) }) },
  }, async (req, reply) => reply.status(201).send(await addManualRedaction(ctx, principal(req), id(req), req.body as never)));

  app.post('/api/sar/requests/:id/exports', {
    schema: {
      summary: 'Start an export; the passphrase is shown once. format "client": a PDF and a ZIP the client opens anywhere; "sealed" (default): Sanctum’s own format, for moving records between practices',
      params: idParams, body: obj({ passphrase: str({ minLength: 12, maxLength: 200 }), format: strEnum(EXPORT_FORMATS) }, ['passphrase', 'format']),
    },
  }, async (req, reply) => {
    const b = req.body as { passphrase?: string; format?: ExportFormat };
    return reply.status(202).send(await startExport(ctx, principal(req), id(req), b.passphrase, b.format ?? 'sealed'));
  });
  app.get('/api/sar/requests/:id/exports', { schema: { params: idParams } }, async (req) => listExports(ctx, principal(req), id(req)));
  app.get('/api/sar/exports/:id', { schema: { summary: 'Progress of an export', params: idParams, response: { 200: exportStatusSchema } } }, async (req) => exportStatus(ctx, principal(req), id(req)));
  app.get('/api/sar/exports/:id/download', {
    schema: { summary: 'The export’s file; for a client’s copy, file=pdf (default) or file=data (the ZIP)', params: idParams, querystring: obj({ file: strEnum(CLIENT_FILES) }, ['file']) },
  }, async (req, reply) => {
    const { file, fileName, contentType } = await downloadExportFile(ctx, principal(req), id(req), (req.query as { file?: ClientFile }).file);
    return reply.header('content-type', contentType).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(file);
  });

  app.get('/api/sar/requests/:id/retention', { schema: { params: idParams, response: { 200: sarRetentionSchema } } }, async (req) => retentionFor(ctx, principal(req), id(req)));
  app.post('/api/sar/requests/:id/rectify', {
    schema: { params: idParams, body: obj({ noteId: str(), kind: strEnum(['correction', 'disagreement']), text: text(100_000), identity: anyObj(), reasons: str({ maxLength: 5000 }) }, ['noteId', 'kind', 'text', 'identity', 'reasons']) },
  }, async (req) => rectify(ctx, principal(req), id(req), req.body as never));
  app.post('/api/sar/requests/:id/erasure', {
    schema: { params: idParams, body: obj({ decision: strEnum(['erase', 'refuse']), reasons: text(5000) }) },
  }, async (req) => decideErasure(ctx, principal(req), id(req), req.body as never));
  app.post('/api/sar/requests/:id/decision', {
    schema: { summary: 'Restriction or objection: the decision and its effect', params: idParams, body: obj({ decision: strEnum(['upheld', 'declined']), reasons: text(5000), effect: text(5000) }) },
  }, async (req) => decideRestrictionOrObjection(ctx, principal(req), id(req), req.body as never));

  app.post('/api/clients/:id/participants', {
    schema: { summary: 'Another client who took part in one of this client’s sessions', params: idParams, body: obj({ sessionId: str(), participantClientId: str(), role: strEnum(PARTICIPANT_ROLES) }) },
  }, async (req, reply) => {
    await addParticipant(ctx, principal(req), id(req), req.body as never);
    return reply.status(204).send();
  });
  app.post('/api/clients/:id/letters', {
    schema: { summary: 'File a letter on the record', params: idParams, body: obj({ title: text(300), text: text(200_000) }) },
  }, async (req, reply) => reply.status(201).send(await addLetter(ctx, principal(req), id(req), req.body as never)));
}
