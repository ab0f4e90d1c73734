import type { Principal } from '../../core/access.js';
import { conflict, invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit } from '../../audit/audit.service.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { type Executor, type Tx, writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import { clientKey } from '../vault/vault.service.js';
import type { Agreement } from './agreements.js';
import { agreementsForCase } from './agreements.repository.js';
import { type CapacityInput, capacityAt, insertCapacity } from './capacity.service.js';
import { type ConsentCase, consentCase, refs } from './case-context.js';
import type { Channel } from './channels.js';
import {
  type ConsentKind, type ConsentRecord, type ConsentSource, type DisclosureInput, type DisclosureWhat, CONSENT_KINDS,
  checkChannel, checkDisclosure, statement, withStates,
} from './consents.js';
import * as repo from './consents.repository.js';
import { type WithdrawalInput, checkWithdrawal } from './withdrawal.js';
import type { Choices } from './signature.js';
import { versionById } from './templates.repository.js';

interface NewConsent {
  kind: ConsentKind;
  given: boolean;
  channel?: Channel | null;
  disclosure?: DisclosureInput | null;
}

async function insertOne(ctx: AppContext, trx: Tx, cc: ConsentCase, anchor: { agreementId: string; versionId: string; documentHash: string; practiceName: string; audience: 'adult' | 'young' }, n: NewConsent, source: ConsentSource, withoutCapacity: boolean, by: string): Promise<string> {
  const id = newId();
  const d = n.disclosure ?? null;
  const text = statement({ kind: n.kind, practiceName: anchor.practiceName, audience: anchor.audience, channel: n.channel, what: d?.what, recipient: d?.recipient, purpose: d?.purpose, expiresOn: d?.expiresOn });
  const key = d ? await clientKey(ctx, trx, cc.c.clientId, 'clinical') : null;
  await repo.insertConsent(trx, {
    id, case_code: cc.c.caseCode, seq: await repo.nextSeq(trx, cc.c.caseCode), agreement_id: anchor.agreementId, version_id: anchor.versionId, document_hash: anchor.documentHash,
    statement_hash: sha256Hex(Buffer.from(text, 'utf8')), kind: n.kind, channel: n.channel ?? null, what: d?.what ?? null,
    details_enc: d && key ? ctx.vault.encrypt(key, JSON.stringify({ recipient: d.recipient, purpose: d.purpose }), refs.details(cc.c.clientId, id)) : null,
    given: n.given ? 1 : 0, expires_on: d?.expiresOn ?? null, source, without_capacity: withoutCapacity ? 1 : 0, recorded_by: by, recorded_at: ctx.clock.now().toISOString(),
    withdrawn_at: null, withdrawn_by: null,
  });
  return id;
}

/** The consents answered while signing: records, supervision and each channel offered. Returns the channels agreed. */
export async function recordSigningConsents(ctx: AppContext, trx: Tx, cc: ConsentCase, a: Agreement, choices: Choices, via: 'in_person' | 'link', withoutCapacity: boolean, by: string): Promise<string[]> {
  const v = await versionById(trx, a.versionId);
  const anchor = { agreementId: a.id, versionId: a.versionId, documentHash: a.documentHash, practiceName: a.fields.practiceName, audience: v?.audience === 'young' ? 'young' as const : 'adult' as const };
  await insertOne(ctx, trx, cc, anchor, { kind: 'records', given: choices.records }, via, withoutCapacity, by);
  await insertOne(ctx, trx, cc, anchor, { kind: 'supervision', given: choices.supervision }, via, withoutCapacity, by);
  const agreed: string[] = [];
  for (const ch of a.fields.channels) {
    const given = choices.channels[ch] === true;
    if (given) agreed.push(ch);
    await insertOne(ctx, trx, cc, anchor, { kind: 'channel', channel: ch, given }, via, withoutCapacity, by);
  }
  return agreed;
}

export async function readConsents(ctx: AppContext, db: Executor, clientId: string, caseCode: string, today: string): Promise<ConsentRecord[]> {
  const rows = await repo.consentsForCase(db, caseCode);
  const key = rows.some((r) => r.details_enc) ? await clientKey(ctx, db, clientId, 'clinical') : null;
  return withStates(rows.map((r) => {
    const details = r.details_enc && key ? (JSON.parse(ctx.vault.decrypt(key, r.details_enc, refs.details(clientId, r.id))) as { recipient: string; purpose: string }) : null;
    return {
      id: r.id, kind: r.kind as ConsentKind, channel: r.channel as Channel | null, what: r.what as DisclosureWhat | null, recipient: details?.recipient ?? null, purpose: details?.purpose ?? null,
      given: r.given === 1, expiresOn: r.expires_on, source: r.source as ConsentSource, withoutCapacity: r.without_capacity === 1, agreementId: r.agreement_id,
      versionId: r.version_id, documentHash: r.document_hash, statementHash: r.statement_hash, recordedAt: r.recorded_at, recordedBy: r.recorded_by,
      withdrawnAt: r.withdrawn_at, withdrawnBy: r.withdrawn_by, withdrawnVia: r.withdrawn_via ?? null, withdrawalAskedOn: r.withdrawal_asked_on ?? null,
    };
  }), today);
}

export interface RecordConsentInput {
  kind: ConsentKind;
  given?: boolean;
  channel?: string;
  recipient?: string;
  what?: DisclosureWhat;
  purpose?: string;
  expiresOn?: string | null;
  capacity?: CapacityInput;
}

/**
 * A consent recorded after signing (a new channel, a change of mind, a specific disclosure). It is
 * anchored to the signed agreement the client has already read: without one there is nothing
 * informed about it yet.
 */
export async function recordConsent(ctx: AppContext, p: Principal, clientId: string, input: RecordConsentInput): Promise<ConsentRecord> {
  const c = await requireCase(ctx, p, clientId, 'case.write_clinical');
  const cc = await consentCase(ctx, c);
  if (!CONSENT_KINDS.includes(input.kind)) throw invalidInput('kind', `expected one of ${CONSENT_KINDS.join(', ')}`);
  const n: NewConsent = { kind: input.kind, given: input.given ?? true };
  if (input.kind === 'channel') n.channel = checkChannel(input.channel);
  if (input.kind === 'disclosure') {
    n.disclosure = checkDisclosure(input, cc.today);
    n.given = true;
  }
  const id = await writeTx(ctx.db, async (trx) => {
    const signed = (await agreementsForCase(trx, c.caseCode)).filter((a) => a.status === 'signed').at(-1);
    if (!signed) throw conflict('Agree and sign the confidentiality agreement first: consent needs the client to have read the limits of confidentiality.');
    const v = await versionById(trx, signed.version_id);
    const fields = JSON.parse(ctx.vault.decrypt(await clientKey(ctx, trx, clientId, 'clinical'), signed.fields_enc, refs.fields(clientId, signed.id))) as { practiceName: string };
    const assessed = input.capacity ? await insertCapacity(ctx, trx, cc, input.capacity, p.userId) : await capacityAt(trx, c.caseCode, cc.today);
    const withoutCapacity = assessed !== null && !assessed.hasCapacity;
    const anchor = { agreementId: signed.id, versionId: signed.version_id, documentHash: signed.document_hash, practiceName: fields.practiceName, audience: v?.audience === 'young' ? 'young' as const : 'adult' as const };
    const newId_ = await insertOne(ctx, trx, cc, anchor, n, 'practitioner', withoutCapacity, p.userId);
    await appendAudit(trx, ctx.clock, actorOf(p), {
      action: 'consent.record', targetType: 'consent', targetId: newId_, caseCode: c.caseCode,
      details: { kind: n.kind, channel: n.channel ?? null, what: n.disclosure?.what ?? null, given: n.given, withoutCapacity },
    });
    return newId_;
  });
  const all = await readConsents(ctx, ctx.db.kysely, clientId, c.caseCode, cc.today);
  return all.find((x) => x.id === id) as ConsentRecord;
}

/**
 * Withdrawal takes effect at once: every lookup reads the stored state, nothing is cached. It
 * records how the client asked and on which day, because that is what shows the withdrawal was
 * theirs if it is ever questioned.
 */
export async function withdrawConsent(ctx: AppContext, p: Principal, clientId: string, consentId: string, how: WithdrawalInput): Promise<ConsentRecord> {
  const c = await requireCase(ctx, p, clientId, 'case.write_clinical');
  const cc = await consentCase(ctx, c);
  const today = cc.today;
  await writeTx(ctx.db, async (trx) => {
    const row = await repo.consentById(trx, consentId);
    if (!row || row.case_code !== c.caseCode) throw notFound('consent');
    const w = checkWithdrawal(how, today);
    if (!(await repo.markWithdrawn(trx, consentId, p.userId, ctx.clock.now().toISOString(), w))) throw conflict('That consent was already withdrawn.');
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'consent.withdraw', targetType: 'consent', targetId: consentId, caseCode: c.caseCode, details: { kind: row.kind, channel: row.channel, via: w.via, askedOn: w.askedOn } });
  });
  const all = await readConsents(ctx, ctx.db.kysely, clientId, c.caseCode, today);
  return all.find((x) => x.id === consentId) as ConsentRecord;
}
