/**
 * The order or authority a requester showed. Only PDF, PNG and JPEG are taken, and the file's
 * own first bytes decide its type: a declared type that disagrees is refused, so nothing
 * executable or unexpected reaches the store under a harmless name.
 */
import { AppError, invalidInput } from '../../core/errors.js';

export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Base64 grows by a third; the route's body limit allows for that and the JSON around it. */
export const DOCUMENT_BODY_LIMIT = Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 64 * 1024;

export function sniffType(bytes: Buffer): DocumentType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

export interface CheckedDocument {
  fileName: string;
  mediaType: DocumentType;
  bytes: Buffer;
}

export function checkDocument(input: { fileName?: unknown; mediaType?: unknown; contentBase64?: unknown }): CheckedDocument {
  const fileName = typeof input.fileName === 'string' ? input.fileName.trim().replace(/[\\/]/g, '_') : '';
  if (!fileName || fileName.length > 200) throw invalidInput('fileName', 'Give the file a name of at most 200 characters.');
  if (typeof input.contentBase64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64)) {
    throw invalidInput('contentBase64', 'The file must be sent as base64.');
  }
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw invalidInput('contentBase64', 'The file is empty.');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('payload_too_large', `A document may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`, 'contentBase64');
  const sniffed = sniffType(bytes);
  if (!sniffed) throw new AppError('unsupported_media_type', 'Only PDF, PNG and JPEG files can be attached.', 'contentBase64');
  if (input.mediaType !== undefined && input.mediaType !== sniffed) {
    throw new AppError('unsupported_media_type', `The file's content is ${sniffed}, not ${String(input.mediaType)}.`, 'mediaType');
  }
  return { fileName, mediaType: sniffed, bytes };
}
