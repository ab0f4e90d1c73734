import { randomUUID } from 'node:crypto';
import { zipSync } from 'fflate';
import type { Principal } from '../../core/access.js';
import { conflict, invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import type { RecordRef } from '../../crypto/envelope.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { newExportPassphrase, sealWithPassphrase } from '../../crypto/passphrase-file.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import type { CaseRow } from '../clients/clients.repository.js';
import { clientKey } from '../vault/vault.service.js';
import { assemble } from './assembly.js';
import { exportFhir } from './export.fhir.js';
import { exportJson } from './export.json.js';
import { exportPdf } from './export.pdf.js';
import * as repo from './export.repository.js';
import { buildView } from './export.view.js';
import { readRedactions } from './redaction.service.js';
import { toRequest } from './sar.codec.js';
import { loadRequest, practiceToday } from './sar.service.js';

export type Progress = (stage: string, done: number, total: number) => void;

const fileRef = (c: CaseRow, id: string): RecordRef => ({ table: 'sar_exports', id, field: 'file', subject: c.clientId });
const README = `Your records

records.pdf       your records to read and print
records.json      the same records as structured data
records.fhir.json the same records as a FHIR R4 Bundle, for another health or care system

Places where something was left out are marked [withheld: …]; the reasons are listed at the end of records.pdf and under "withheld" in records.json.
`;

export const MIN_EXPORT_PASSPHRASE = 12;

/** Assemble, redact, render and seal. Pure of side effects apart from reading. */
async function build(ctx: AppContext, principal: Principal, requestId: string, passphrase: string, progress: Progress) {
  const { row, c } = await loadRequest(ctx, principal, requestId, 'case.read_clinical');
  const request = await toRequest(ctx, row, c);
  progress('assembling', 0, 1);
  const a = await assemble(ctx, request, c);
  const redactions = await readRedactions(ctx, c, requestId);
  const pending = redactions.filter((r) => r.status === 'proposed').length;
  const total = a.notes.length + 4;
  progress('redacting', 0, total);
  const view = buildView(a, redactions);
  const generatedAt = ctx.clock.now().toISOString();
  const { today } = await practiceToday(ctx);
  const pdf = await exportPdf(view, today, (n) => progress('rendering PDF', n, total));
  progress('writing data', a.notes.length + 1, total);
  const json = Buffer.from(JSON.stringify(exportJson(view, generatedAt), null, 1));
  const fhir = Buffer.from(JSON.stringify(exportFhir(view, generatedAt, randomUUID)));
  progress('compressing', a.notes.length + 2, total);
  const zip = zipSync({ 'records.pdf': [pdf, { level: 0 }], 'records.json': json, 'records.fhir.json': fhir, 'README.txt': Buffer.from(README) }, { level: 6 });
  progress('encrypting', a.notes.length + 3, total);
  const sealed = await sealWithPassphrase(zip, passphrase, ctx.config.vaultKdf);
  progress('done', total, total);
  return { c, sealed, withheld: view.withheld.length, pending, counts: { notes: a.notes.length, documents: a.documents.length, sessions: a.sessions.length, accesses: a.accessLog.length, redactions: redactions.filter((r) => r.status === 'accepted').length } };
}

function checkPassphrase(p: string): void {
  if (typeof p !== 'string' || p.length < MIN_EXPORT_PASSPHRASE) throw invalidInput('passphrase', `The export passphrase needs at least ${MIN_EXPORT_PASSPHRASE} characters.`);
}

export interface ExportResult {
  exportId: string;
  file: Buffer;
  sha256: string;
  withheld: number;
  counts: Record<string, number>;
}

/** Run an export to the end (the command line, or a background job); the file is kept sealed for download. */
export async function runExport(ctx: AppContext, principal: Principal, requestId: string, passphrase: string, progress: Progress = () => {}, exportId = newId()): Promise<ExportResult> {
  checkPassphrase(passphrase);
  const { row, c } = await loadRequest(ctx, principal, requestId, 'case.read_clinical');
  const existing = await repo.exportStatusById(ctx.db.kysely, exportId);
  if (!existing) {
    await writeTx(ctx.db, (trx) => repo.insertExport(trx, {
      id: exportId, request_id: requestId, case_code: c.caseCode, status: 'running', stage: 'queued', done: 0, total: 1, file_enc: null, size_bytes: null, sha256: null, withheld: 0,
      created_by: principal.userId, created_at: ctx.clock.now().toISOString(), finished_at: null,
    }));
  }
  let last = 0;
  const tracked: Progress = (stage, done, total) => {
    progress(stage, done, total);
    // A few status writes, not one per note: polling needs the stage, not every tick.
    if (stage !== 'rendering PDF' || done - last >= 100) {
      last = done;
      void repo.updateExport(ctx.db.kysely, exportId, { stage, done, total }).catch(() => {});
    }
  };
  try {
    const out = await build(ctx, principal, requestId, passphrase, tracked);
    const sha256 = sha256Hex(out.sealed);
    const key = await clientKey(ctx, ctx.db.kysely, c.clientId, 'clinical');
    await writeTx(ctx.db, async (trx) => {
      await repo.updateExport(trx, exportId, {
        status: 'ready', stage: 'done', done: 1, total: 1, file_enc: ctx.vault.encrypt(key, out.sealed.toString('base64'), fileRef(c, exportId)),
        size_bytes: out.sealed.length, sha256, withheld: out.withheld, finished_at: ctx.clock.now().toISOString(),
      });
      await appendAudit(trx, ctx.clock, actorOf(principal), {
        action: 'sar.export', targetType: 'sar_request', targetId: row.id, caseCode: c.caseCode, purpose: 'subject access',
        details: { exportId, sha256, withheld: out.withheld, pendingProposals: out.pending, ...out.counts },
      });
    });
    return { exportId, file: out.sealed, sha256, withheld: out.withheld, counts: out.counts };
  } catch (e) {
    await repo.updateExport(ctx.db.kysely, exportId, { status: 'failed', stage: 'failed', finished_at: ctx.clock.now().toISOString() }).catch(() => {});
    throw e;
  }
}

/** Start an export in the background; the passphrase is returned once and never stored. */
export async function startExport(ctx: AppContext, principal: Principal, requestId: string, passphrase?: string): Promise<{ exportId: string; passphrase: string }> {
  const p = passphrase ?? newExportPassphrase();
  checkPassphrase(p);
  const { c } = await loadRequest(ctx, principal, requestId, 'case.read_clinical');
  const exportId = newId();
  await writeTx(ctx.db, (trx) => repo.insertExport(trx, {
    id: exportId, request_id: requestId, case_code: c.caseCode, status: 'running', stage: 'queued', done: 0, total: 1, file_enc: null, size_bytes: null, sha256: null, withheld: 0,
    created_by: principal.userId, created_at: ctx.clock.now().toISOString(), finished_at: null,
  }));
  void runExport(ctx, principal, requestId, p, () => {}, exportId).catch(() => {});
  return { exportId, passphrase: p };
}

export async function exportStatus(ctx: AppContext, principal: Principal, exportId: string) {
  const s = await repo.exportStatusById(ctx.db.kysely, exportId);
  if (!s) throw notFound('export');
  await loadRequest(ctx, principal, s.request_id, 'case.read_clinical');
  return { id: s.id, requestId: s.request_id, status: s.status, stage: s.stage, done: s.done, total: s.total, percent: s.status === 'ready' ? 100 : Math.min(99, Math.floor((100 * s.done) / Math.max(1, s.total))), sizeBytes: s.size_bytes, sha256: s.sha256, withheld: s.withheld, createdAt: s.created_at, finishedAt: s.finished_at };
}

export async function listExports(ctx: AppContext, principal: Principal, requestId: string) {
  await loadRequest(ctx, principal, requestId, 'case.read_clinical');
  return repo.exportsForRequest(ctx.db.kysely, requestId);
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
