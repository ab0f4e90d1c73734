/** Shapes from src/features/documents/documents.routes.ts, from the server's OpenAPI document. */
import type { BodyOf, ResponseOf } from '../../api/contract.js';

export type DocumentKind = BodyOf<'/api/clients/{id}/documents', 'post'>['kind'];
export type DocumentMeta = ResponseOf<'/api/clients/{id}/documents', 'get'>[number];

export const KIND_LABELS: Record<DocumentKind, string> = { letter: 'Letter', report: 'Report', attachment: 'Attachment' };

/** The server's limit (MAX_DOCUMENT_BYTES); checked here too so a large file is not sent for nothing. */
export const MAX_BYTES = 10 * 1024 * 1024;

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The file's bytes as base64, without the data-URL prefix. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
