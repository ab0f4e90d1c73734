import type { Principal } from '../../core/access.js';
import { AppError, conflict, invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import type { RecordRef } from '../../crypto/envelope.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { newExportPassphrase } from '../../crypto/passphrase-file.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { runTask } from '../../workers/pool.js';
import { actorOf } from '../clients/case-access.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { clientKey } from '../vault/vault.service.js';
import { assemble } from './assembly.js';
import { exportJobs, recoverExports } from './export.jobs.js';
import { type PackageInput, packageSteps, renderPackage } from './export.render.js';
import { type ExportFormat, renderClientCopy } from './export.client.js';
import { PASSPHRASE_MAX_LENGTH, newReadablePassphrase } from './passphrase.js';
import * as repo from './export.repository.js';
import { readRedactions } from './redaction.service.js';
import { toRequest } from './sar.codec.js';
import { loadRequest, practiceToday } from './sar.service.js';

export type Progress = (stage: string, done: number, total: number) => void;

const fileRef = (c: CaseRow, id: string): RecordRef => ({ table: 'sar_exports', id, field: 'file', subject: c.clientId });

export const MIN_EXPORT_PASSPHRASE = 12;
const FAILED_MESSAGE = 'The export could not be made. Nothing was sent. Please try again.';

/** Where a package's (done, total) falls among the stages a person sees. */
function stageOf(done: number, total: number): string {
  const notes = total - 4;
  if (done >= total) return 'encrypting';
  if (done <= notes) return 'rendering PDF';
  return ['writing data', 'compressing', 'encrypting'][done - notes - 1] ?? 'encrypting';
}

/**
 * Read and decrypt here (database and vault stay on this thread; each read is short), then hand the
 * plaintext and the passphrase to a worker thread to redact, render, zip and seal. No key leaves
 * this thread and nothing is written to disk on the way.
 */
async function build(ctx: AppContext, principal: Principal, requestId: string, passphrase: string, progress: Progress, format: ExportFormat) {
  const { row, c } = await loadRequest(ctx, principal, requestId, 'case.read_clinical');
  const request = await toRequest(ctx, row, c);
  progress('assembling', 0, 1);
  const a = await assemble(ctx, request, c);
  const redactions = await readRedactions(ctx, c, requestId);
  const pending = redactions.filter((r) => r.status === 'proposed').length;
  const total = packageSteps(a);
  progress('redacting', 0, total);
  const { today } = await practiceToday(ctx);
  const input: PackageInput = { a, redactions, today, generatedAt: ctx.clock.now().toISOString(), passphrase, kdf: ctx.config.vaultKdf };
  const onProgress = (done: number, t: number) => progress(stageOf(done, t), done, t);
  // Either package is rendered, encrypted and zipped on the worker pool.
  const out = format === 'client'
    ? await runTask('heavy', 'sar.client', input, (p) => renderClientCopy(input, p), onProgress)
    : await runTask('heavy', 'sar.package', input, (p) => renderPackage(input, p), onProgress);
  progress('done', total, total);
  const sealed = Buffer.from(out.sealed.buffer, out.sealed.byteOffset, out.sealed.byteLength);
  return { row, c, sealed, withheld: out.withheld, pending, counts: { notes: a.notes.length, documents: a.documents.length, sessions: a.sessions.length, accesses: a.accessLog.length, redactions: redactions.filter((r) => r.status === 'accepted').length } };
}

function checkPassphrase(p: string, format: ExportFormat = 'sealed'): void {
  if (typeof p !== 'string' || p.length < MIN_EXPORT_PASSPHRASE) throw invalidInput('passphrase', `The export passphrase needs at least ${MIN_EXPORT_PASSPHRASE} characters.`);
  if (format === 'client' && p.length > PASSPHRASE_MAX_LENGTH) throw invalidInput('passphrase', `For the client’s copy the passphrase can have at most ${PASSPHRASE_MAX_LENGTH} characters: longer ones do not open in every PDF reader.`);
}

export interface ExportResult {
  exportId: string;
  file: Buffer;
  sha256: string;
  withheld: number;
  counts: Record<string, number>;
}

/** The work of one export whose row exists and is running; on failure the row says why, in plain words. */
async function execute(ctx: AppContext, principal: Principal, requestId: string, passphrase: string, exportId: string, progress: Progress, format: ExportFormat = 'sealed'): Promise<ExportResult> {
  const jobs = exportJobs(ctx);
  let last = 0;
  const tracked: Progress = (stage, done, total) => {
    progress(stage, done, total);
    // A few status writes, not one per note: polling needs the stage, not every tick.
    if (stage !== 'rendering PDF' || done - last >= 100) {
      last = done;
      void repo.updateExport(ctx.db.kysely, exportId, { stage, done, total, lease_until: jobs.leaseUntil() }).catch(() => {});
    }
  };
  try {
    const out = await build(ctx, principal, requestId, passphrase, tracked, format);
    const sha256 = sha256Hex(out.sealed);
    const key = await clientKey(ctx, ctx.db.kysely, out.c.clientId, 'clinical');
    await writeTx(ctx.db, async (trx) => {
      await repo.updateExport(trx, exportId, {
        status: 'ready', stage: 'done', done: 1, total: 1, file_enc: ctx.vault.encrypt(key, out.sealed.toString('base64'), fileRef(out.c, exportId)),
        size_bytes: out.sealed.length, sha256, withheld: out.withheld, finished_at: ctx.clock.now().toISOString(), lease_until: null, message: null,
      });
      await appendAudit(trx, ctx.clock, actorOf(principal), {
        action: 'sar.export', targetType: 'sar_request', targetId: out.row.id, caseCode: out.c.caseCode, purpose: 'subject access',
        details: { exportId, sha256, withheld: out.withheld, pendingProposals: out.pending, ...out.counts },
      });
    });
    return { exportId, file: out.sealed, sha256, withheld: out.withheld, counts: out.counts };
  } catch (e) {
    // An AppError's message is written for people (an erased client, a sealed vault); anything
    // else (a worker that died, a bug) gets the plain sentence, never internals.
    const message = e instanceof AppError ? e.message : FAILED_MESSAGE;
    await repo.updateExport(ctx.db.kysely, exportId, { status: 'failed', stage: 'failed', message, lease_until: null, finished_at: ctx.clock.now().toISOString() }).catch(() => {});
    throw e;
  }
}

function newRow(ctx: AppContext, principal: Principal, c: CaseRow, exportId: string, requestId: string, status: 'queued' | 'running'): repo.ExportRow {
  const jobs = exportJobs(ctx);
  return {
    id: exportId, request_id: requestId, case_code: c.caseCode, status, stage: 'queued', done: 0, total: 1, file_enc: null, size_bytes: null, sha256: null, withheld: 0,
    created_by: principal.userId, created_at: ctx.clock.now().toISOString(), finished_at: null, practice_id: c.practiceId, lease_until: jobs.leaseUntil(), owner: jobs.owner, message: null,
  };
}

/** Run an export to the end now (the command line, the benchmark); the file is kept sealed for download. */
export async function runExport(ctx: AppContext, principal: Principal, requestId: string, passphrase: string, progress: Progress = () => {}, exportId = newId(), format: ExportFormat = 'sealed'): Promise<ExportResult> {
  checkPassphrase(passphrase, format);
  const { c } = await loadRequest(ctx, principal, requestId, 'case.read_clinical');
  const jobs = exportJobs(ctx);
  await writeTx(ctx.db, (trx) => repo.insertExport(trx, newRow(ctx, principal, c, exportId, requestId, 'running')));
  jobs.track(exportId);
  try {
    return await execute(ctx, principal, requestId, passphrase, exportId, progress, format);
  } finally {
    jobs.untrack(exportId);
  }
}

/**
 * Queue an export; it starts when the practice has fewer than EXPORTS_PER_PRACTICE running. The
 * passphrase is returned once and never stored.
 */
export async function startExport(ctx: AppContext, principal: Principal, requestId: string, passphrase?: string, format: ExportFormat = 'sealed'): Promise<{ exportId: string; passphrase: string; status: string }> {
  // The client's copy gets words that can be read out over the phone.
  const p = passphrase ?? (format === 'client' ? newReadablePassphrase() : newExportPassphrase());
  checkPassphrase(p, format);
  const { c } = await loadRequest(ctx, principal, requestId, 'case.write_clinical');
  const exportId = newId();
  await writeTx(ctx.db, (trx) => repo.insertExport(trx, newRow(ctx, principal, c, exportId, requestId, 'queued')));
  void exportJobs(ctx).enqueue({ exportId, practiceId: c.practiceId, run: async () => void (await execute(ctx, principal, requestId, p, exportId, () => {}, format)) }).catch(() => {});
  return { exportId, passphrase: p, status: 'queued' };
}

const percentOf = (s: { status: string; done: number; total: number }) => (s.status === 'ready' ? 100 : Math.min(99, Math.floor((100 * s.done) / Math.max(1, s.total))));
const unfinished = (s: { status: string; lease_until: string | null }, now: string) => (s.status === 'queued' || s.status === 'running') && (s.lease_until === null || s.lease_until < now);

export async function exportStatus(ctx: AppContext, principal: Principal, exportId: string) {
  let s = await repo.exportStatusById(ctx.db.kysely, exportId);
  if (!s) throw notFound('export');
  await loadRequest(ctx, principal, s.request_id, 'case.read_clinical');
  if (unfinished(s, ctx.clock.now().toISOString())) {
    await recoverExports(ctx);
    s = (await repo.exportStatusById(ctx.db.kysely, exportId)) ?? s;
  }
  return { id: s.id, requestId: s.request_id, status: s.status, stage: s.stage, done: s.done, total: s.total, percent: percentOf(s), sizeBytes: s.size_bytes, sha256: s.sha256, withheld: s.withheld, message: s.message, createdAt: s.created_at, finishedAt: s.finished_at };
}

export async function listExports(ctx: AppContext, principal: Principal, requestId: string) {
  await loadRequest(ctx, principal, requestId, 'case.read_clinical');
  const now = ctx.clock.now().toISOString();
  let rows = await repo.exportsForRequest(ctx.db.kysely, requestId);
  if (rows.some((r) => unfinished(r, now))) {
    await recoverExports(ctx);
    rows = await repo.exportsForRequest(ctx.db.kysely, requestId);
  }
  return rows.map(({ lease_until: _lease, ...r }) => r);
}

export async function downloadExport(ctx: AppContext, principal: Principal, exportId: string): Promise<{ file: Buffer; fileName: string }> {
  const f = await repo.exportFile(ctx.db.kysely, exportId);
  if (!f) throw notFound('export');
  const { c } = await loadRequest(ctx, principal, f.request_id, 'case.read_clinical');
  if (!f.file_enc) throw conflict('This export is not ready yet.');
  const key = await clientKey(ctx, ctx.db.kysely, c.clientId, 'clinical');
  const file = Buffer.from(ctx.vault.decrypt(key, f.file_enc, fileRef(c, exportId)), 'base64');
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'sar.export_download', targetType: 'sar_request', targetId: f.request_id, caseCode: c.caseCode, details: { exportId } });
  return { file, fileName: `records-${c.caseCode}.sealed` };
}
