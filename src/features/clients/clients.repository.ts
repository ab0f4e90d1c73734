import type { Executor } from '../../db/tx.js';
import type { CaseFacts } from '../../core/access.js';

export interface CaseRow {
  caseCode: string;
  clientId: string;
  practiceId: string;
  practitionerId: string | null;
  teamId: string | null;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  identityEnc: string | null;
  erasedAt: string | null;
}

const caseColumns = [
  'cases.case_code',
  'cases.client_id',
  'cases.practice_id',
  'cases.practitioner_id',
  'cases.team_id',
  'cases.status',
  'cases.opened_at',
  'cases.closed_at',
  'clients.identity_enc',
  'clients.erased_at',
] as const;

type Row = {
  case_code: string; client_id: string; practice_id: string; practitioner_id: string | null; team_id: string | null; status: 'open' | 'closed';
  opened_at: string; closed_at: string | null; identity_enc: string | null; erased_at: string | null;
};

const toCase = (r: Row): CaseRow => ({
  caseCode: r.case_code,
  clientId: r.client_id,
  practiceId: r.practice_id,
  practitionerId: r.practitioner_id,
  teamId: r.team_id,
  status: r.status,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  identityEnc: r.identity_enc,
  erasedAt: r.erased_at,
});

export async function insertClient(db: Executor, c: { id: string; practiceId: string; identityEnc: string; at: string }): Promise<void> {
  await db.insertInto('clients').values({ id: c.id, practice_id: c.practiceId, identity_enc: c.identityEnc, created_at: c.at, erased_at: null }).execute();
}

export async function insertCase(db: Executor, c: { caseCode: string; clientId: string; practiceId: string; practitionerId: string | null; at: string }): Promise<void> {
  await db
    .insertInto('cases')
    .values({ case_code: c.caseCode, client_id: c.clientId, practice_id: c.practiceId, practitioner_id: c.practitionerId, status: 'open', opened_at: c.at, closed_at: null })
    .execute();
}

/** The client's current case (the most recently opened). */
export async function caseForClient(db: Executor, clientId: string): Promise<CaseRow | undefined> {
  const r = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select(caseColumns)
    .where('cases.client_id', '=', clientId)
    .orderBy('cases.opened_at', 'desc')
    .executeTakeFirst();
  return r ? toCase(r) : undefined;
}

export async function caseByCode(db: Executor, caseCode: string): Promise<CaseRow | undefined> {
  const r = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select(caseColumns)
    .where('cases.case_code', '=', caseCode)
    .executeTakeFirst();
  return r ? toCase(r) : undefined;
}

/** Cases held by one practitioner, several, or (null) anyone in the practice. */
export async function casesForPractitioner(db: Executor, practiceId: string, practitionerId: string | readonly string[] | null): Promise<CaseRow[]> {
  let q = db.selectFrom('cases').innerJoin('clients', 'clients.id', 'cases.client_id').select(caseColumns).where('cases.practice_id', '=', practiceId);
  if (typeof practitionerId === 'string') q = q.where('cases.practitioner_id', '=', practitionerId);
  else if (practitionerId !== null) q = q.where('cases.practitioner_id', 'in', [...practitionerId]);
  return (await q.orderBy('cases.opened_at', 'desc').execute()).map(toCase);
}

export async function assignUnassignedCases(db: Executor, practiceId: string, practitionerId: string): Promise<void> {
  await db.updateTable('cases').set({ practitioner_id: practitionerId }).where('practice_id', '=', practiceId).where('practitioner_id', 'is', null).execute();
}

export async function setCaseStatus(db: Executor, caseCode: string, status: 'open' | 'closed', closedAt: string | null): Promise<void> {
  await db.updateTable('cases').set({ status, closed_at: closedAt }).where('case_code', '=', caseCode).execute();
}

export async function updateIdentity(db: Executor, clientId: string, identityEnc: string): Promise<void> {
  await db.updateTable('clients').set({ identity_enc: identityEnc }).where('id', '=', clientId).execute();
}

/** Secure disposal removes the identity ciphertext; the key destruction makes any copy useless. */
export async function markErased(db: Executor, clientId: string, at: string): Promise<void> {
  await db.updateTable('clients').set({ identity_enc: null, erased_at: at }).where('id', '=', clientId).execute();
}

export const facts = (c: CaseRow): CaseFacts => ({ practiceId: c.practiceId, practitionerId: c.practitionerId, clientId: c.clientId });
