/** The certificate of destruction: its view and its PDF. Codes, categories, dates and staff only. */
import type { Principal } from '../../core/access.js';
import { notFound } from '../../core/errors.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { writeTx } from '../../db/tx.js';
import { renderPdf } from '../../pdf/render.js';
import { userById } from '../auth/auth.repository.js';
import { actorOf } from '../clients/case-access.js';
import { getPractice } from '../practice/practice.service.js';
import { requireRetention } from './retention.service.js';
import * as repo from './retention.repository.js';

export interface Certificate {
  id: string;
  number: string;
  caseCode: string;
  scope: 'whole_record' | 'process_notes';
  basis: 'retention' | 'erasure_request';
  categories: { category: string; count: number; from: string | null; to: string | null }[];
  policy: Record<string, unknown>;
  approvedBy: string;
  approverName: string;
  approverRole: string;
  destroyedAt: string;
  auditSeq: number;
}

export async function toCertificate(ctx: AppContext, r: repo.CertificateRow): Promise<Certificate> {
  const u = r.approved_by === 'cli' ? null : await userById(ctx.db.kysely, r.approved_by);
  return {
    id: r.id, number: r.number, caseCode: r.case_code, scope: r.scope, basis: r.basis, categories: JSON.parse(r.categories) as Certificate['categories'],
    policy: JSON.parse(r.policy) as Record<string, unknown>, approvedBy: r.approved_by, approverName: u?.displayName ?? 'Vault operator (command line)',
    approverRole: r.approver_role, destroyedAt: r.destroyed_at, auditSeq: Number(r.audit_seq),
  };
}

export const encodeCategory = (x: Certificate['categories'][number]): string => `${x.category}:${x.count}:${x.from ?? ''}..${x.to ?? ''}`;
function decodeCategory(s: string): Certificate['categories'][number] {
  const [category, count, range] = s.split(':');
  const [from, to] = (range ?? '..').split('..');
  return { category, count: Number(count), from: from || null, to: to || null };
}

/**
 * The audit log is the certificate's lasting record; the table is its index. After a restore of
 * an older backup the table lacks the newest certificates, so they are rebuilt from the log tail.
 */
export async function reconcileCertificates(ctx: AppContext): Promise<number> {
  const entries = await repo.certificateEntriesAfter(ctx.db.kysely, await repo.lastCertificateSeq(ctx.db.kysely));
  if (!entries.length) return 0;
  await writeTx(ctx.db, async (trx) => {
    for (const e of entries) {
      const d = JSON.parse(e.details ?? '{}') as { number: string; practiceId: string; scope: 'whole_record' | 'process_notes'; basis: 'retention' | 'erasure_request'; categories: string[]; policy: string; approverRole: string };
      await repo.insertCertificate(trx, {
        id: e.target_id ?? String(e.seq), number: d.number, practice_id: d.practiceId, case_code: e.case_code ?? '', scope: d.scope, basis: d.basis,
        categories: JSON.stringify(d.categories.map(decodeCategory)), policy: d.policy, approved_by: e.actor_id ?? '', approver_role: d.approverRole, destroyed_at: e.at, audit_seq: Number(e.seq),
      });
    }
  });
  return entries.length;
}

export async function listCertificates(ctx: AppContext, p: Principal): Promise<Certificate[]> {
  requireRetention(p);
  await reconcileCertificates(ctx);
  return Promise.all((await repo.certificates(ctx.db.kysely, p.practiceId)).map((r) => toCertificate(ctx, r)));
}

export async function getCertificate(ctx: AppContext, p: Principal, id: string): Promise<Certificate> {
  requireRetention(p);
  await reconcileCertificates(ctx);
  const r = await repo.certificateById(ctx.db.kysely, p.practiceId, id);
  if (!r) throw notFound('certificate');
  return toCertificate(ctx, r);
}

const CATEGORY_WORDS: Record<string, string> = {
  identity: 'Identity and contact details', sessions: 'Session records', progress_notes: 'Progress notes', process_notes: 'Process notes',
  note_addenda: 'Addenda to notes', documents: 'Letters and documents',
};

export async function certificatePdf(ctx: AppContext, p: Principal, id: string): Promise<Buffer> {
  const c = await getCertificate(ctx, p, id);
  const practice = await getPractice(ctx);
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: 'retention.certificate_download', targetType: 'disposal_certificate', targetId: id, caseCode: c.caseCode });
  const range = (x: Certificate['categories'][number]) => (x.from ? (x.from === x.to ? x.from : `${x.from} to ${x.to}`) : '—');
  const policy = c.basis === 'retention'
    ? `Retention policy "${String(c.policy.policy)}"${c.policy.isDefault ? ' (the default periods)' : ' (the practice’s own periods)'}: adults ${String(c.policy.adultYears)} years after the last contact; children until their ${String(c.policy.minorUntilBirthday)}th birthday (${String(c.policy.minorUntilBirthdayAt17)}th if 17 at the end). The ${c.policy.rule === 'minor' ? 'children’s' : 'adult'} rule applied and gave ${String(c.policy.retainUntil)}.`
    : 'Carried out at the client’s request for erasure.';
  return renderPdf([
    { text: 'Certificate of destruction', style: 'title' },
    { text: `${c.number} · ${practice?.name ?? ''}`, style: 'meta' },
    { text: 'Record', style: 'h2' },
    { table: { widths: ['auto', '*'], body: [
      ['Case code', c.caseCode],
      ['Destroyed', c.scope === 'whole_record' ? 'The whole record' : 'Process notes only'],
      ['Date and time (UTC)', c.destroyedAt.slice(0, 19).replace('T', ' ')],
      ['Approved by', `${c.approverName} (${c.approverRole.replace(/,/g, ', ')})`],
      ['Audit log entry', String(c.auditSeq)],
    ] }, layout: 'lightHorizontalLines' },
    { text: 'What was destroyed', style: 'h2' },
    { table: { headerRows: 1, widths: ['*', 'auto', 'auto'], body: [
      [{ text: 'Category', style: 'tableHeader' }, { text: 'Items', style: 'tableHeader' }, { text: 'Dates', style: 'tableHeader' }],
      ...c.categories.map((x) => [CATEGORY_WORDS[x.category] ?? x.category, String(x.count), range(x)]),
    ] }, layout: 'lightHorizontalLines' },
    { text: 'Basis', style: 'h2' },
    { text: policy },
    { text: 'Method', style: 'h2' },
    { text: c.scope === 'whole_record'
      ? 'The client’s encryption keys were destroyed and the encrypted records deleted. Copies of the encrypted records in earlier backups can no longer be read by anyone.'
      : 'The process notes were deleted from the live record. Earlier backups still hold them, encrypted, until those backups are themselves destroyed.' },
  ], { title: `Certificate of destruction ${c.number}`, footer: `Certificate ${c.number}: contains no client information` });
}
