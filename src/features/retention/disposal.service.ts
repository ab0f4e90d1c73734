/**
 * Secure disposal: destroy a case by crypto-shredding (the vault's `eraseClient`), or only its
 * process notes where the practice keeps those for less time, and issue a certificate of
 * destruction — in the audit log and as a PDF — that names the case code, the categories and
 * date ranges destroyed, the policy applied and who approved it, and nothing identifying.
 */
import type { Principal } from '../../core/access.js';
import { conflict, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import { caseByCode } from '../clients/clients.repository.js';
import { decryptIdentity, eraseClient } from '../clients/clients.service.js';
import { getPractice } from '../practice/practice.service.js';
import { invalidInput } from '../../core/errors.js';
import { holdsByCase } from './holds.js';
import { disposalDate } from './retention.js';
import { currentPolicy, requireRetention } from './retention.service.js';
import { type Certificate, encodeCategory, toCertificate } from './certificate.js';
import * as repo from './retention.repository.js';

export interface DisposeOptions {
  scope?: 'whole_record' | 'process_notes';
  basis?: 'retention' | 'erasure_request';
  /** The erasure request being carried out (it does not hold itself up). */
  requestId?: string;
  /** The case code typed again by the person approving: a deliberate second step. */
  confirm: string;
}

export async function secureDispose(ctx: AppContext, p: Principal, caseCode: string, opts: DisposeOptions): Promise<Certificate> {
  requireRetention(p);
  const scope = opts.scope ?? 'whole_record';
  const basis = opts.basis ?? 'retention';
  if (opts.confirm !== caseCode) throw invalidInput('confirm', 'Type the case code again to confirm the destruction.');
  const c = await caseByCode(ctx.db.kysely, caseCode);
  if (!c || c.practiceId !== p.practiceId) throw notFound('case');
  if (c.erasedAt) throw conflict('This case was already destroyed.');
  const holds = (await holdsByCase(ctx, p.practiceId, { exceptRequest: opts.requestId })).get(caseCode) ?? [];
  if (holds.length) throw conflict(`Held: ${holds.map((h) => h.reason.replace(/\.$/, '')).join('; ')}. Release or resolve the hold first.`);

  const practice = await getPractice(ctx);
  const policy = await currentPolicy(ctx, p.practiceId, practice?.jurisdiction ?? 'GB-ENG');
  const closed = (await repo.closedCases(ctx.db.kysely, p.practiceId, ctx.clock.now().toISOString().slice(0, 10))).find((x) => x.caseCode === caseCode);
  let applied: Record<string, unknown> = { basis };
  if (basis === 'retention') {
    if (!closed) throw conflict('Only a closed case can be destroyed under the retention policy.');
    const born = (await decryptIdentity(ctx, c)).dob ?? null;
    const d = disposalDate(policy, { born, lastContact: closed.lastSession ?? closed.closedAt.slice(0, 10) });
    const due = scope === 'process_notes' ? d.processNotesUntil : d.retainUntil;
    const today = ctx.clock.now().toISOString().slice(0, 10);
    if (!due || due > today) throw conflict(`Not due yet: the policy keeps ${scope === 'process_notes' ? 'these process notes' : 'this record'} until ${due ?? d.retainUntil}.`);
    applied = { basis, policy: policy.basePolicy, isDefault: policy.isDefault, adultYears: policy.adultYears, minorUntilBirthday: policy.minorUntilBirthday, minorUntilBirthdayAt17: policy.minorUntilBirthdayAt17, processNotesYears: policy.processNotesYears, rule: d.rule, retainUntil: due };
  }
  const categories = (await repo.inventory(ctx.db.kysely, caseCode, scope === 'process_notes' ? 'process_notes' : undefined)).filter((x) => x.count > 0);

  if (scope === 'whole_record') {
    await eraseClient(ctx, p, c.clientId, basis === 'retention' ? 'retention_period_ended' : 'erasure_request', { exceptRequest: opts.requestId });
  } else {
    await writeTx(ctx.db, async (trx) => {
      const n = await repo.deleteProcessNotes(trx, caseCode);
      await appendAudit(trx, ctx.clock, actorOf(p), { action: 'retention.destroy_process_notes', targetType: 'case', targetId: c.clientId, caseCode, details: { notes: n } });
    });
  }

  const id = newId();
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    const year = at.slice(0, 4);
    const number = `D-${year}-${String((await repo.certificatesInYear(trx, p.practiceId, year)) + 1).padStart(4, '0')}`;
    const seq = await appendAudit(trx, ctx.clock, actorOf(p), {
      action: 'retention.certificate', targetType: 'disposal_certificate', targetId: id, caseCode,
      // Everything the certificate says is in the entry itself, so it outlives a restore of an older backup.
      details: { number, practiceId: p.practiceId, scope, basis, categories: categories.map(encodeCategory), policy: JSON.stringify(applied), approverRole: p.roles.join(','), requestId: opts.requestId ?? null },
    });
    await repo.insertCertificate(trx, {
      id, number, practice_id: p.practiceId, case_code: caseCode, scope, basis, categories: JSON.stringify(categories), policy: JSON.stringify(applied),
      approved_by: p.userId, approver_role: p.roles.join(','), destroyed_at: at, audit_seq: seq,
    });
  });
  ctx.db.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  return toCertificate(ctx, (await repo.certificateById(ctx.db.kysely, p.practiceId, id)) as repo.CertificateRow);
}

/**
 * For the rights feature: carry out an erasure request through the same mechanism, with its own
 * certificate. Legal holds still apply (other than the request itself).
 */
export async function eraseForRequest(ctx: AppContext, p: Principal, caseCode: string, requestId: string): Promise<Certificate> {
  return secureDispose(ctx, p, caseCode, { basis: 'erasure_request', scope: 'whole_record', requestId, confirm: caseCode });
}
