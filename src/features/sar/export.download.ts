/**
 * Handing an export's file to the practitioner: the sealed package as it is, or one of the two
 * files of a client's copy (the PDF, or the ZIP of data). Either way the download is audited once,
 * by downloadExport, and the files stay encrypted under the client's passphrase.
 */
import type { Principal } from '../../core/access.js';
import type { AppContext } from '../../context.js';
import { unpackClientCopy } from './export.client.js';
import { downloadExport } from './export.service.js';

export const CLIENT_FILES = ['pdf', 'data'] as const;
export type ClientFile = (typeof CLIENT_FILES)[number];

export interface Download {
  file: Buffer;
  fileName: string;
  contentType: string;
}

export async function downloadExportFile(ctx: AppContext, principal: Principal, exportId: string, which: ClientFile = 'pdf'): Promise<Download> {
  const { file, fileName } = await downloadExport(ctx, principal, exportId);
  const copy = unpackClientCopy(file);
  if (!copy) return { file, fileName, contentType: 'application/octet-stream' };
  const base = fileName.replace(/\.sealed$/, '');
  const bytes = which === 'data' ? copy.zip : copy.pdf;
  return {
    file: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    fileName: which === 'data' ? `${base}-data.zip` : `${base}.pdf`,
    contentType: which === 'data' ? 'application/zip' : 'application/pdf',
  };
}
