import type { Principal } from '../../core/access.js';
import { conflict, invalidInput, notFound } from '../../core/errors.js';
import { newId, newToken } from '../../core/ids.js';
import { type Actor, appendAudit } from '../../audit/audit.service.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { type Executor, type Tx, writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import { clientKey } from '../vault/vault.service.js';
import type { Agreement } from './agreements.js';
import * as repo from './agreements.repository.js';
import { type ConsentCase, consentCase, refs } from './case-context.js';
import { recordSigningConsents } from './consents.service.js';
import { type CapacityInput, capacityAt, insertCapacity } from './capacity.service.js';
import { type Choices, type SignatureInput, checkChoices, checkSignature } from './signature.js';
import { defaultFields } from './templates.builtin.js';
import { type AgreementFields, type Setting, SETTINGS, checkFields, contentHash, fillTemplate, templateKey } from './templates.js';
import { versionById } from './templates.repository.js';
import { clientLink } from './public-url.js';
import { currentVersion } from './templates.service.js';

export const LINK_DAYS = 7;

/** Decrypt an agreement row into the domain object (the signature's name and drawing included). */
export async function toAgreement(ctx: AppContext, db: Executor, clientId: string, row: repo.AgreementRow): Promise<Agreement> {
  const v = await versionById(db, row.version_id);
  if (!v) throw notFound('template version');
  const key = await clientKey(ctx, db, clientId, 'clinical');
  const fields = JSON.parse(ctx.vault.decrypt(key, row.fields_enc, refs.fields(clientId, row.id))) as AgreementFields;
  const sig = await repo.signatureFor(db, row.id);
  let signature: Agreement['signature'] = null;
  if (sig) {
    const idKey = await clientKey(ctx, db, clientId, 'identity');
    signature = {
      method: sig.method as 'typed' | 'drawn', signer: sig.signer as 'client' | 'parent', signedAt: sig.signed_at,
      name: ctx.vault.decrypt(idKey, sig.name_enc, refs.signerName(clientId, row.id)),
      image: sig.image_enc ? ctx.vault.decrypt(idKey, sig.image_enc, refs.signatureImage(clientId, row.id)) : null,
    };
  }
  return {
    id: row.id, caseCode: row.case_code, versionId: v.id, templateKey: v.templateKey, version: v.version, title: v.title, templateHash: v.contentHash,
    documentHash: row.document_hash, status: row.status as Agreement['status'], fields, createdAt: row.created_at, signedAt: row.signed_at,
    signedVia: row.signed_via as Agreement['signedVia'], withoutCapacity: row.without_capacity === 1, signature,
  };
}

/** The exact text the client reads: the stored version with this agreement's fields filled in. */
export async function agreementText(db: Executor, a: Agreement): Promise<string> {
  const v = await versionById(db, a.versionId);
  if (!v) throw notFound('template version');
  return fillTemplate(v.body, a.fields, v.audience);
}

export interface PrepareInput {
  templateKey?: string;
  setting?: Setting;
  fields?: Partial<AgreementFields>;
}

/** Put the newest version of the right template to a client; any earlier unsigned agreement is voided. */
export async function prepareAgreement(ctx: AppContext, p: Principal, clientId: string, input: PrepareInput): Promise<Agreement> {
  const c = await requireCase(ctx, p, clientId, 'case.write_clinical');
  const cc = await consentCase(ctx, c);
  if (input.setting && !SETTINGS.includes(input.setting)) throw invalidInput('setting', `expected one of ${SETTINGS.join(', ')}`);
  const key = input.templateKey ?? templateKey(cc.practice.jurisdiction, input.setting ?? 'private', cc.audience);
  const v = await currentVersion(ctx, ctx.db.kysely, p.practiceId, key);
  const defaults = defaultFields(v.jurisdiction, v.audience);
  const fields = checkFields({
    practiceName: input.fields?.practiceName ?? cc.practice.name,
    supervisorArrangement: input.fields?.supervisorArrangement ?? defaults.supervisorArrangement,
    retentionPeriod: input.fields?.retentionPeriod ?? defaults.retentionPeriod,
    channels: input.fields?.channels ?? ['email', 'sms', 'phone', 'video'],
  });
  const id = newId();
  const at = ctx.clock.now().toISOString();
  const documentHash = contentHash(fillTemplate(v.body, fields, v.audience));
  await writeTx(ctx.db, async (trx) => {
    const voided = await repo.voidAwaiting(trx, c.caseCode);
    const key2 = await clientKey(ctx, trx, clientId, 'clinical');
    await repo.insertAgreement(trx, {
      id, case_code: c.caseCode, seq: await repo.nextAgreementSeq(trx, c.caseCode), version_id: v.id, fields_enc: ctx.vault.encrypt(key2, JSON.stringify(fields), refs.fields(clientId, id)), document_hash: documentHash,
      status: 'awaiting_signature', created_by: p.userId, created_at: at, signed_at: null, signed_via: null, without_capacity: 0,
    });
    await appendAudit(trx, ctx.clock, actorOf(p), {
      action: 'consent.agreement.prepare', targetType: 'agreement', targetId: id, caseCode: c.caseCode,
      details: { versionId: v.id, templateKey: v.templateKey, version: v.version, documentHash, voided },
    });
  });
  return toAgreement(ctx, ctx.db.kysely, clientId, (await repo.agreementById(ctx.db.kysely, id)) as repo.AgreementRow);
}

export async function requireAgreement(ctx: AppContext, db: Executor, cc: ConsentCase, agreementId: string): Promise<Agreement> {
  const row = await repo.agreementById(db, agreementId);
  if (!row || row.case_code !== cc.c.caseCode) throw notFound('agreement');
  return toAgreement(ctx, db, cc.c.clientId, row);
}

export interface SignInput {
  signature: SignatureInput;
  choices: Choices;
  capacity?: CapacityInput;
}

/**
 * Signing, in person or by link: the agreement, the signature, the capacity judgement and every
 * consent are written together, or none of them is.
 */
export async function completeSigning(ctx: AppContext, trx: Tx, cc: ConsentCase, a: Agreement, input: SignInput, via: 'in_person' | 'link', actor: Actor): Promise<void> {
  const signature = checkSignature(input.signature);
  const choices = checkChoices(input.choices, a.fields.channels);
  const at = ctx.clock.now().toISOString();
  const clientId = cc.c.clientId;
  const assessed = input.capacity ? await insertCapacity(ctx, trx, cc, input.capacity, actor.id) : await capacityAt(trx, cc.c.caseCode, cc.today);
  const withoutCapacity = assessed !== null && !assessed.hasCapacity;
  if (!(await repo.markSigned(trx, a.id, via, at, withoutCapacity))) throw conflict('This agreement has already been signed or was replaced by a newer one.');
  const idKey = await clientKey(ctx, trx, clientId, 'identity');
  await repo.insertSignature(trx, {
    agreement_id: a.id, case_code: cc.c.caseCode, method: signature.method, signer: signature.signer ?? 'client',
    name_enc: ctx.vault.encrypt(idKey, signature.name, refs.signerName(clientId, a.id)),
    image_enc: signature.image ? ctx.vault.encrypt(idKey, signature.image, refs.signatureImage(clientId, a.id)) : null,
    signed_at: at,
  });
  const given = await recordSigningConsents(ctx, trx, cc, a, choices, via, withoutCapacity, actor.id);
  await appendAudit(trx, ctx.clock, actor, {
    action: 'consent.sign', targetType: 'agreement', targetId: a.id, caseCode: cc.c.caseCode,
    details: { via, method: signature.method, signer: signature.signer ?? 'client', versionId: a.versionId, documentHash: a.documentHash, withoutCapacity, channels: given },
  });
}

export async function signInPerson(ctx: AppContext, p: Principal, clientId: string, agreementId: string, input: SignInput): Promise<Agreement> {
  const c = await requireCase(ctx, p, clientId, 'case.write_clinical');
  const cc = await consentCase(ctx, c);
  if (!input.capacity) throw invalidInput('capacity', 'Record whether the client could give informed consent just now, and why.');
  const a = await requireAgreement(ctx, ctx.db.kysely, cc, agreementId);
  await writeTx(ctx.db, (trx) => completeSigning(ctx, trx, cc, a, input, 'in_person', actorOf(p)));
  return requireAgreement(ctx, ctx.db.kysely, cc, agreementId);
}

/** A single-use link for signing without an account. Only the token's hash is kept. */
export async function createSigningLink(ctx: AppContext, p: Principal, clientId: string, agreementId: string): Promise<{ token: string; path: string; url: string | null; expiresAt: string }> {
  const c = await requireCase(ctx, p, clientId, 'case.write_clinical');
  const cc = await consentCase(ctx, c);
  const a = await requireAgreement(ctx, ctx.db.kysely, cc, agreementId);
  if (a.status !== 'awaiting_signature') throw conflict('Only an agreement awaiting signature can be sent for signing.');
  const token = newToken();
  const id = newId();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + LINK_DAYS * 86_400_000).toISOString();
  await writeTx(ctx.db, async (trx) => {
    await repo.insertLink(trx, { id, case_code: c.caseCode, agreement_id: a.id, token_hash: sha256Hex(token), created_by: p.userId, created_at: now.toISOString(), expires_at: expiresAt, used_at: null });
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'consent.link.create', targetType: 'signing_link', targetId: id, caseCode: c.caseCode, details: { agreementId: a.id, expiresAt } });
  });
  return { token, path: `/sign/${token}`, url: clientLink(ctx.config.publicUrl, `/sign/${token}`), expiresAt };
}
