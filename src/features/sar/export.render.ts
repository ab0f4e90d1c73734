/**
 * Turning an assembled record into the sealed package: redact, render the PDF, write the JSON and
 * FHIR Bundle, zip, seal under the client's passphrase. Pure CPU work over plaintext the caller
 * read and decrypted, so it runs in a worker thread (src/workers) and needs no database, no vault
 * and no key: only the passphrase, which travels in memory with the task.
 */
import { randomUUID } from 'node:crypto';
import { zipSync } from 'fflate';
import type { KdfParams } from '../../crypto/kdf.js';
import { sealWithPassphrase } from '../../crypto/passphrase-file.js';
import type { Assembly } from './assembly.js';
import { exportFhir } from './export.fhir.js';
import { exportJson } from './export.json.js';
import { exportPdf } from './export.pdf.js';
import { buildView } from './export.view.js';
import type { Redaction } from './redaction.service.js';

export interface PackageInput {
  a: Assembly;
  redactions: Redaction[];
  today: string;
  generatedAt: string;
  passphrase: string;
  kdf: KdfParams;
}

export interface PackageOutput {
  sealed: Uint8Array;
  withheld: number;
}

/** Progress as (done, total) over the notes plus four closing steps. */
export type PackageProgress = (done: number, total: number) => void;

const README = `Your records

records.pdf       your records to read and print
records.json      the same records as structured data
records.fhir.json the same records as a FHIR R4 Bundle, for another health or care system

Places where something was left out are marked [withheld: …]; the reasons are listed at the end of records.pdf and under "withheld" in records.json.
`;

export const packageSteps = (a: Assembly): number => a.notes.length + 4;

export async function renderPackage(input: PackageInput, progress: PackageProgress = () => {}): Promise<PackageOutput> {
  const { a } = input;
  const total = packageSteps(a);
  progress(0, total);
  const view = buildView(a, input.redactions);
  const pdf = await exportPdf(view, input.today, (n) => progress(n, total));
  progress(a.notes.length + 1, total);
  const json = Buffer.from(JSON.stringify(exportJson(view, input.generatedAt), null, 1));
  const fhir = Buffer.from(JSON.stringify(exportFhir(view, input.generatedAt, randomUUID)));
  progress(a.notes.length + 2, total);
  const zip = zipSync({ 'records.pdf': [pdf, { level: 0 }], 'records.json': json, 'records.fhir.json': fhir, 'README.txt': Buffer.from(README) }, { level: 6 });
  progress(a.notes.length + 3, total);
  const sealed = await sealWithPassphrase(zip, input.passphrase, input.kdf);
  progress(total, total);
  return { sealed, withheld: view.withheld.length };
}
