import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, idParams, int, obj, str, strEnum } from '../../http/schema.js';
import { DOCUMENT_KINDS, MAX_DOCUMENT_BYTES } from './documents.js';
import { type Upload, addDocument, listDocuments, readDocument } from './documents.service.js';

const metaSchema = obj({ id: str(), caseCode: str(), kind: strEnum(DOCUMENT_KINDS), fileName: str(), title: str(), mediaType: str(), sizeBytes: int(), createdBy: str(), createdAt: str() });

export async function documentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/clients/:id/documents', {
    schema: { summary: "A client's letters, reports and attachments (metadata)", params: idParams, response: { 200: arr(metaSchema) } },
  }, async (req) => listDocuments(ctx, principal(req), (req.params as { id: string }).id));

  app.post('/api/clients/:id/documents', {
    bodyLimit: Math.ceil(MAX_DOCUMENT_BYTES * 1.4),
    schema: {
      summary: 'Attach a document (PDF, DOCX, ODT, PNG, JPEG or plain text, recognised by content; base64; at most 10 MB)',
      params: idParams,
      body: obj({ kind: strEnum(DOCUMENT_KINDS), fileName: str({ minLength: 1, maxLength: 255 }), title: str({ maxLength: 200 }), content: str({ minLength: 1 }) }, ['title']),
      response: { 201: metaSchema },
    },
  }, async (req, reply) => reply.status(201).send(await addDocument(ctx, principal(req), (req.params as { id: string }).id, req.body as Upload)));

  app.get('/api/documents/:id/content', {
    schema: { summary: 'Download a document (always as an attachment, never shown inline)', params: idParams },
  }, async (req, reply) => {
    const { meta, bytes } = await readDocument(ctx, principal(req), (req.params as { id: string }).id);
    const ascii = meta.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
    return reply
      .type(meta.mediaType)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(bytes);
  });
}
