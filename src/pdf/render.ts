import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { runTask } from '../workers/pool.js';

/**
 * The one PDF renderer (pdfmake, Roboto — which covers Latin, Greek and Cyrillic names). It never
 * fetches a URL and reads only its own font files. Documents are built in memory and returned as
 * bytes; nothing is written to disk.
 */
const require = createRequire(import.meta.url);
type PdfMake = {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};

let engine: PdfMake | undefined;
function pdfmake(): PdfMake {
  if (engine) return engine;
  const pm = require('pdfmake') as PdfMake;
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  pm.setFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => p.startsWith(fontDir));
  engine = pm;
  return pm;
}

export const baseStyles: TDocumentDefinitions['styles'] = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 8], color: '#12343b' },
  h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 6], color: '#12343b' },
  h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
  small: { fontSize: 8, color: '#555555' },
  meta: { fontSize: 9, color: '#444444' },
  tableHeader: { bold: true, fillColor: '#e8f0ef' },
};

export interface PdfOptions {
  title: string;
  /** Diagonal text on every page, e.g. recipient, purpose and date of a disclosure. */
  watermark?: string;
  /** Footer text on every page beside the page number. */
  footer?: string;
  /**
   * Encrypt the file (PDF 1.7 extension level 3: AES-256) so that it opens only with the user
   * password; the owner password guards the permissions. Printing and copying stay allowed: the
   * reader is the person the records are about.
   */
  encrypt?: { userPassword: string; ownerPassword: string };
}

/** About 60 pages of text: below it, layout takes less time than handing the document to a thread. */
export const PDF_POOL_THRESHOLD = 200_000;

/** Characters of text in the content, counted only until the threshold is passed. */
function textSize(node: unknown, limit: number, seen = { n: 0 }): number {
  if (seen.n > limit) return seen.n;
  if (typeof node === 'string') seen.n += node.length;
  else if (Array.isArray(node)) for (const x of node) textSize(x, limit, seen);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) textSize(v, limit, seen);
  return seen.n;
}

/**
 * Layout is synchronous and can take seconds for a long document, so large ones are laid out on
 * the worker pool (when the server runs one). Content that cannot cross threads (a function in
 * it) is laid out here.
 */
export async function renderPdf(content: Content[], opts: PdfOptions): Promise<Buffer> {
  if (textSize(content, PDF_POOL_THRESHOLD) <= PDF_POOL_THRESHOLD) return renderPdfInline(content, opts);
  try {
    const bytes = await runTask('heavy', 'pdf.render', { content, opts }, () => renderPdfInline(content, opts));
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (e) {
    if (e instanceof Error && e.name === 'DataCloneError') return renderPdfInline(content, opts);
    throw e;
  }
}

export async function renderPdfInline(content: Content[], opts: PdfOptions): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    info: { title: opts.title, creator: 'Sanctum', producer: 'Sanctum' },
    ...(opts.encrypt
      ? {
          version: '1.7ext3' as const,
          userPassword: opts.encrypt.userPassword,
          ownerPassword: opts.encrypt.ownerPassword,
          permissions: { printing: 'highResolution' as const, copying: true, contentAccessibility: true, documentAssembly: false, modifying: false, annotating: false, fillingForms: false },
        }
      : {}),
    pageSize: 'A4',
    pageMargins: [50, 56, 50, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
    styles: baseStyles,
    content,
    // The watermark is drawn diagonally and also printed as a plain header line, so it survives
    // text extraction and photocopying alike.
    ...(opts.watermark
      ? {
          watermark: { text: opts.watermark, opacity: 0.12, bold: true, fontSize: 28 },
          header: { text: opts.watermark, alignment: 'center', style: 'small', margin: [50, 24, 50, 0] },
        }
      : {}),
    footer: (page: number, pages: number) => ({
      columns: [{ text: opts.footer ?? 'Confidential', style: 'small' }, { text: `Page ${page} of ${pages}`, alignment: 'right', style: 'small' }],
      margin: [50, 20, 50, 0],
    }),
  };
  return pdfmake().createPdf(doc).getBuffer();
}
