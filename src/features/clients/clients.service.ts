import { type Principal, can, caseBasis } from '../../core/access.js';
import { conflict, forbidden } from '../../core/errors.js';
import { newCaseCode, newId } from '../../core/ids.js';
import { appendAudit, recordRead } from '../../audit/audit.service.js';
import type { RecordRef } from '../../crypto/envelope.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { clientKey, clientKeysOf, createClientKeys, destroyClientKeys } from '../vault/vault.service.js';
import { holdsByCase } from '../retention/holds.js';
import { deleteClinicalRecords } from './disposal.repository.js';
import { actorOf, requireCase } from './case-access.js';
import { type ClientIdentity, type ClientRecord, type ClientSummary, normaliseIdentity } from './clients.js';
import * as repo from './clients.repository.js';

export const identityRef = (clientId: string): RecordRef => ({ table: 'clients', id: clientId, field: 'identity', subject: clientId });

export async function createClient(
  ctx: AppContext,
  principal: Principal,
  input: Partial<ClientIdentity>,
  practitionerId: string | null = principal.roles.includes('practitioner') ? principal.userId : null,
): Promise<{ id: string; caseCode: string }> {
  if (!can(principal, 'case.create')) throw forbidden('Only practitioners can add clients.');
  const at = ctx.clock.now().toISOString();
  const identity = normaliseIdentity(input, at.slice(0, 10));
  const id = newId();
  const caseCode = newCaseCode();
  await writeTx(ctx.db, async (trx) => {
    await createClientKeys(ctx, trx, id);
    const key = await clientKey(ctx, trx, id, 'identity');
    await repo.insertClient(trx, { id, practiceId: principal.practiceId, identityEnc: ctx.vault.encrypt(key, JSON.stringify(identity), identityRef(id)), at });
    await repo.insertCase(trx, { caseCode, clientId: id, practiceId: principal.practiceId, practitionerId, at });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'client.create', targetType: 'client', targetId: id, caseCode });
  });
  return { id, caseCode };
}

export async function decryptIdentity(ctx: AppContext, c: repo.CaseRow, identityKey?: Buffer): Promise<ClientIdentity> {
  const key = identityKey ?? (await clientKey(ctx, ctx.db.kysely, c.clientId, 'identity'));
  return JSON.parse(ctx.vault.decrypt(key, c.identityEnc as string, identityRef(c.clientId))) as ClientIdentity;
}

function accessOf(principal: Principal, c: repo.CaseRow): ClientRecord['access'] {
  const basis = caseBasis(principal, repo.facts(c));
  if (!basis) return { kind: 'operator', until: null };
  if (basis.kind !== 'break_glass') return { kind: basis.kind, until: null };
  return { kind: 'break_glass', until: principal.relations?.breakGlass.find((g) => g.id === basis.id)?.expiresAt ?? null };
}

export const toRecord = (principal: Principal, c: repo.CaseRow, identity: ClientIdentity): ClientRecord => ({
  id: c.clientId,
  caseCode: c.caseCode,
  status: c.status,
  openedAt: c.openedAt,
  closedAt: c.closedAt,
  practitionerId: c.practitionerId,
  identity,
  access: accessOf(principal, c),
});

export async function getClient(ctx: AppContext, principal: Principal, clientId: string, purpose = 'care'): Promise<ClientRecord> {
  const c = await requireCase(ctx, principal, clientId, 'case.read_identity');
  const identity = await decryptIdentity(ctx, c);
  recordRead(ctx, actorOf(principal), { action: 'client.read', targetType: 'client', targetId: clientId, caseCode: c.caseCode, purpose });
  return toRecord(principal, c, identity);
}

export async function listCaseload(ctx: AppContext, principal: Principal): Promise<ClientSummary[]> {
  if (!can(principal, 'caseload.list')) throw forbidden('Only practitioners have a caseload.');
  // Your own clients, and those of colleagues you cover for today.
  const whose = principal.roles.includes('operator') ? null : [principal.userId, ...(principal.relations?.covering ?? [])];
  const rows = (await repo.casesForPractitioner(ctx.db.kysely, principal.practiceId, whose)).filter((c) => !c.erasedAt);
  const out: ClientSummary[] = [];
  // Every identity key in one query, not one round trip per client.
  const keys = await clientKeysOf(ctx, ctx.db.kysely, rows.map((c) => c.clientId), 'identity');
  for (const c of rows) {
    const identity = await decryptIdentity(ctx, c, keys.get(c.clientId));
    const coverFor = whose !== null && c.practitionerId !== principal.userId ? c.practitionerId : null;
    out.push({ id: c.clientId, caseCode: c.caseCode, name: identity.name, status: c.status, openedAt: c.openedAt, coverFor });
  }
  recordRead(ctx, actorOf(principal), { action: 'caseload.list', targetType: 'caseload', details: { count: out.length } });
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export async function updateClientIdentity(ctx: AppContext, principal: Principal, clientId: string, input: Partial<ClientIdentity>): Promise<ClientRecord> {
  const c = await requireCase(ctx, principal, clientId, 'case.write_identity');
  const current = await decryptIdentity(ctx, c);
  const identity = normaliseIdentity({ ...current, ...input }, ctx.clock.now().toISOString().slice(0, 10));
  await writeTx(ctx.db, async (trx) => {
    const key = await clientKey(ctx, trx, clientId, 'identity');
    await repo.updateIdentity(trx, clientId, ctx.vault.encrypt(key, JSON.stringify(identity), identityRef(clientId)));
    await appendAudit(trx, ctx.clock, actorOf(principal), {
      action: 'client.update', targetType: 'client', targetId: clientId, caseCode: c.caseCode,
      details: { fields: Object.keys(input).filter((k) => k in identity || k in current) },
    });
  });
  return toRecord(principal, c, identity);
}

export async function setCaseStatus(ctx: AppContext, principal: Principal, clientId: string, status: 'open' | 'closed'): Promise<void> {
  const c = await requireCase(ctx, principal, clientId, 'case.write_clinical');
  const closedAt = status === 'closed' ? ctx.clock.now().toISOString() : null;
  await writeTx(ctx.db, async (trx) => {
    await repo.setCaseStatus(trx, c.caseCode, status, closedAt);
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: status === 'closed' ? 'case.close' : 'case.reopen', targetType: 'case', targetId: clientId, caseCode: c.caseCode });
  });
}

/**
 * Secure disposal: destroy both of the client's keys, then remove the ciphertext rows. Any copy
 * of the ciphertext made earlier (a backup, a copied file) can no longer be decrypted.
 *
 * The one door to destruction: the web app's disposal, an erasure request and the command line
 * all come through here, so a legal hold (an open breach, rights or information request, a
 * manual hold) stops every one of them alike. `exceptRequest`: the erasure request being carried
 * out does not hold itself up.
 */
export async function eraseClient(ctx: AppContext, principal: Principal, clientId: string, reason: string, opts: { exceptRequest?: string } = {}): Promise<{ caseCode: string; destroyedKeys: number }> {
  const c = await requireCase(ctx, principal, clientId, 'case.erase');
  const result = await writeTx(ctx.db, async (trx) => {
    // Read under the write lock: a hold placed a moment ago is seen, one placed later waits for this.
    const holds = (await holdsByCase(ctx, principal.practiceId, { exceptRequest: opts.exceptRequest, db: trx })).get(c.caseCode) ?? [];
    if (holds.length) throw conflict(`Held: ${holds.map((h) => h.reason.replace(/\.$/, '')).join('; ')}. Release or resolve the hold first.`);
    const destroyedKeys = await destroyClientKeys(ctx, trx, clientId);
    const removed = await deleteClinicalRecords(trx, c.caseCode);
    await repo.markErased(trx, clientId, ctx.clock.now().toISOString());
    await appendAudit(trx, ctx.clock, actorOf(principal), {
      action: 'client.erase', targetType: 'client', targetId: clientId, caseCode: c.caseCode, purpose: reason,
      details: { destroyedKeys, ...removed },
    });
    return { caseCode: c.caseCode, destroyedKeys };
  });
  // Push the change out of the write-ahead log so no pre-erasure page lingers in it.
  ctx.db.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}
