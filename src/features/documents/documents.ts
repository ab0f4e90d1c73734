import { invalidInput } from '../../core/errors.js';
import { DOCX, ODT, isDocx, isOdt } from './office-files.js';

export const DOCUMENT_KINDS = ['letter', 'report', 'attachment'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface DocumentMeta {
  id: string;
  caseCode: string;
  kind: DocumentKind;
  fileName: string;
  title: string;
  mediaType: string;
  sizeBytes: number;
  createdBy: string;
  createdAt: string;
}

/** Accepted types, recognised by their first bytes — the declared type and name are not trusted. */
const SIGNATURES: { mediaType: string; test: (b: Buffer) => boolean }[] = [
  { mediaType: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mediaType: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mediaType: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mediaType: DOCX, test: isDocx },
  { mediaType: ODT, test: isOdt },
  { mediaType: 'text/plain', test: (b) => isPlainUtf8(b) },
];

function isPlainUtf8(b: Buffer): boolean {
  if (b.includes(0)) return false;
  const text = b.toString('utf8');
  return !text.includes('\uFFFD') && !/<\s*(script|html|svg|iframe)/i.test(text);
}

export function sniffMediaType(bytes: Buffer): string {
  const match = SIGNATURES.find((s) => s.test(bytes));
  if (!match) throw invalidInput('content', 'This file is not one Sanctum accepts. Upload a PDF, a Word or OpenDocument text file (DOCX, ODT), a PNG or JPEG image, or plain text.');
  return match.mediaType;
}

export function decodeUpload(base64: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw invalidInput('content', 'The file must be sent as base64.');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalidInput('content', 'The file is empty.');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw invalidInput('content', 'Files may be at most 10 MB.');
  return bytes;
}

export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f"<>|:*?]/g, '').trim().slice(0, 200);
  if (!cleaned) throw invalidInput('fileName', 'The file needs a name.');
  return cleaned;
}
