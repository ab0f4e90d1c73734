/**
 * The client's own copy of their records, in formats any computer opens without Sanctum:
 *   records.pdf       the readable record, AES-256 encrypted (PDF 1.7 extension level 3)
 *   records-data.zip  records.json and records.fhir.json in a standard ZIP, AES-256 encrypted
 *                     (WinZip AE-2: 7-Zip, macOS Archive Utility with Keka, WinZip and others)
 * Both open with the same passphrase, which the practitioner gives separately.
 *
 * Pure CPU work over plaintext the caller read and decrypted: data in, bytes out, no database, no
 * vault, no module state; it can run on a worker thread like the sealed package.
 */
import { TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import type { Assembly } from './assembly.js';
import { exportFhir } from './export.fhir.js';
import { exportJson } from './export.json.js';
import { exportPdf } from './export.pdf.js';
import { buildView } from './export.view.js';
import type { Redaction } from './redaction.service.js';

/** sealed: Sanctum's own format, for moving records between practices; client: the copy a client opens anywhere. */
export const EXPORT_FORMATS = ['sealed', 'client'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ClientPackageInput {
  a: Assembly;
  redactions: Redaction[];
  today: string;
  generatedAt: string;
  passphrase: string;
}

export interface ClientPackage {
  pdf: Uint8Array;
  zip: Uint8Array;
  withheld: number;
}

export const CLIENT_PDF_NAME = 'records.pdf';
export const CLIENT_ZIP_NAME = 'records-data.zip';

const README = `Your records as data

records.json       your records as structured data
records.fhir.json  the same records as a FHIR R4 Bundle, for another health or care system

Your records to read and print are in records.pdf, which came with this file.
Places where something was left out are marked [withheld: …]; the reasons are listed at the end of
records.pdf and under "withheld" in records.json.
`;

/** The same steps as the sealed package (notes, then data, compressing, encrypting), so progress reads alike. */
export const clientPackageSteps = (a: Assembly): number => a.notes.length + 4;

export async function renderClientPackage(input: ClientPackageInput, progress: (done: number, total: number) => void = () => {}): Promise<ClientPackage> {
  const { a } = input;
  const total = clientPackageSteps(a);
  progress(0, total);
  const view = buildView(a, input.redactions);
  // The owner password only guards the permissions; nobody needs to know it.
  const ownerPassword = `${globalThis.crypto.randomUUID()}${globalThis.crypto.randomUUID()}`;
  const pdf = await exportPdf(view, input.today, (n) => progress(n, total), { encrypt: { userPassword: input.passphrase, ownerPassword } });
  progress(a.notes.length + 1, total);
  const json = JSON.stringify(exportJson(view, input.generatedAt), null, 1);
  const fhir = JSON.stringify(exportFhir(view, input.generatedAt, () => globalThis.crypto.randomUUID()));
  progress(a.notes.length + 2, total);
  const zip = await aesZip({ 'records.json': json, 'records.fhir.json': fhir, 'README.txt': README }, input.passphrase);
  progress(a.notes.length + 3, total);
  progress(total, total);
  return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), zip, withheld: view.withheld.length };
}

/** A standard ZIP with WinZip AES-256 encryption of every entry. */
export async function aesZip(files: Record<string, string | Uint8Array>, password: string): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { password, encryptionStrength: 3, zipCrypto: false, useWebWorkers: false, level: 6 });
  for (const [name, data] of Object.entries(files)) await writer.add(name, typeof data === 'string' ? new TextReader(data) : new Uint8ArrayReader(data));
  return writer.close();
}

/** Render the client's copy and pack both files into the one blob an export row stores. */
export async function renderClientCopy(input: ClientPackageInput, progress: (done: number, total: number) => void = () => {}): Promise<{ sealed: Uint8Array; withheld: number }> {
  const p = await renderClientPackage(input, progress);
  return { sealed: packClientCopy(p), withheld: p.withheld };
}

/**
 * Both files stored as one blob (sealed again with the client's key like any export): a JSON
 * header line naming the format and the two lengths, then the PDF, then the ZIP.
 */
const MAGIC = 'sanctum-client-copy';

export function packClientCopy(p: { pdf: Uint8Array; zip: Uint8Array }): Uint8Array {
  const head = new TextEncoder().encode(`${JSON.stringify({ format: MAGIC, version: 1, pdf: p.pdf.byteLength, zip: p.zip.byteLength })}\n`);
  const out = new Uint8Array(head.byteLength + p.pdf.byteLength + p.zip.byteLength);
  out.set(head, 0);
  out.set(p.pdf, head.byteLength);
  out.set(p.zip, head.byteLength + p.pdf.byteLength);
  return out;
}

/** The two files of a client copy; null for anything else (a sealed package). */
export function unpackClientCopy(blob: Uint8Array): { pdf: Uint8Array; zip: Uint8Array } | null {
  const nl = blob.indexOf(0x0a);
  if (nl < 0 || nl > 512) return null;
  let h: { format?: string; version?: number; pdf?: number; zip?: number };
  try {
    h = JSON.parse(new TextDecoder().decode(blob.subarray(0, nl))) as typeof h;
  } catch {
    return null;
  }
  if (h.format !== MAGIC || h.version !== 1 || typeof h.pdf !== 'number' || typeof h.zip !== 'number' || nl + 1 + h.pdf + h.zip !== blob.byteLength) return null;
  return { pdf: blob.subarray(nl + 1, nl + 1 + h.pdf), zip: blob.subarray(nl + 1 + h.pdf) };
}
