/**
 * Every task the worker pool runs, by name: the same functions run inline when the pool is off.
 * Inputs and outputs cross threads by structured clone (plain data; buffers as Uint8Array).
 */
import { Piscina } from 'piscina';
import type { Content } from 'pdfmake/interfaces.js';
import { argon2Direct, type KdfParams } from '../crypto/kdf.js';
import type { DeidManyInput, DeidManyOutput } from './deid.task.js';
import type { PdfOptions } from '../pdf/render.js';
import type { PackageInput, PackageOutput } from '../features/sar/export.render.js';
import type { ClientPackageInput } from '../features/sar/export.client.js';

type Progress = (done: number, total: number) => void;

export interface Tasks {
  'sar.package': { input: PackageInput; output: PackageOutput };
  'sar.client': { input: ClientPackageInput; output: { sealed: Uint8Array; withheld: number } };
  'pdf.render': { input: { content: Content[]; opts: PdfOptions }; output: Uint8Array };
  'deid.many': { input: DeidManyInput; output: DeidManyOutput };
  'kdf.derive': { input: { passphrase: string; salt: Uint8Array; params: KdfParams }; output: Uint8Array };
  'kdf.hash': { input: { password: string; params: KdfParams }; output: string };
  'kdf.verify': { input: { phc: string; password: string }; output: boolean };
}
export type TaskName = keyof Tasks;
export type TaskInput<K extends TaskName> = Tasks[K]['input'];
export type TaskOutput<K extends TaskName> = Tasks[K]['output'];

// A derived key leaves the worker by transfer, not copy, and the worker's own buffer is wiped.
async function derive(i: TaskInput<'kdf.derive'>): Promise<Uint8Array> {
  const key = await argon2Direct.derive(i.passphrase, Buffer.from(i.salt), i.params);
  const out = new Uint8Array(key);
  key.fill(0);
  return Piscina.move(out) as unknown as Uint8Array;
}

// Heavy modules (PDF engine, de-identification lexicons) load on a thread's first task of that
// kind, so an Argon2 thread starts in milliseconds.
export const handlers: { [K in TaskName]: (input: TaskInput<K>, progress: Progress) => Promise<TaskOutput<K>> } = {
  'sar.package': async (i, progress) => (await import('../features/sar/export.render.js')).renderPackage(i, progress),
  'sar.client': async (i, progress) => (await import('../features/sar/export.client.js')).renderClientCopy(i, progress),
  'pdf.render': async (i) => (await import('../pdf/render.js')).renderPdfInline(i.content, i.opts),
  'deid.many': async (i) => (await import('./deid.task.js')).deidentifyManyInline(i),
  'kdf.derive': derive,
  'kdf.hash': async (i) => argon2Direct.hash(i.password, i.params),
  'kdf.verify': async (i) => argon2Direct.verify(i.phc, i.password),
};
