import type { Executor } from '../../db/tx.js';
import type { ConsentAgreementsTable, ConsentSignaturesTable, SigningLinksTable } from './consent.tables.js';

export type AgreementRow = ConsentAgreementsTable;
export type SignatureRow = ConsentSignaturesTable;
export type LinkRow = SigningLinksTable;

export async function insertAgreement(db: Executor, row: AgreementRow): Promise<void> {
  await db.insertInto('consent_agreements').values(row).execute();
}

export async function agreementsForCase(db: Executor, caseCode: string): Promise<AgreementRow[]> {
  return db.selectFrom('consent_agreements').selectAll().where('case_code', '=', caseCode).orderBy('seq').execute();
}

export async function nextAgreementSeq(db: Executor, caseCode: string): Promise<number> {
  const r = await db.selectFrom('consent_agreements').select((eb) => eb.fn.max('seq').as('m')).where('case_code', '=', caseCode).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export async function agreementById(db: Executor, id: string): Promise<AgreementRow | undefined> {
  return db.selectFrom('consent_agreements').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sign once: only an agreement still awaiting signature can become signed. */
export async function markSigned(db: Executor, id: string, via: 'in_person' | 'link', at: string, withoutCapacity: boolean): Promise<boolean> {
  const res = await db.updateTable('consent_agreements').set({ status: 'signed', signed_at: at, signed_via: via, without_capacity: withoutCapacity ? 1 : 0 })
    .where('id', '=', id).where('status', '=', 'awaiting_signature').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A newer agreement replaces any still waiting for a signature (their links stop working). */
export async function voidAwaiting(db: Executor, caseCode: string): Promise<number> {
  const res = await db.updateTable('consent_agreements').set({ status: 'void' }).where('case_code', '=', caseCode).where('status', '=', 'awaiting_signature').executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function insertSignature(db: Executor, row: SignatureRow): Promise<void> {
  await db.insertInto('consent_signatures').values(row).execute();
}

export async function signatureFor(db: Executor, agreementId: string): Promise<SignatureRow | undefined> {
  return db.selectFrom('consent_signatures').selectAll().where('agreement_id', '=', agreementId).executeTakeFirst();
}

export async function insertLink(db: Executor, row: LinkRow): Promise<void> {
  await db.insertInto('signing_links').values(row).execute();
}

export async function linkByHash(db: Executor, tokenHash: string): Promise<LinkRow | undefined> {
  return db.selectFrom('signing_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function linksForCase(db: Executor, caseCode: string): Promise<LinkRow[]> {
  return db.selectFrom('signing_links').selectAll().where('case_code', '=', caseCode).orderBy('created_at').execute();
}

/** Use once: the condition makes a second use fail even when two requests race. */
export async function markLinkUsed(db: Executor, id: string, at: string): Promise<boolean> {
  const res = await db.updateTable('signing_links').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
