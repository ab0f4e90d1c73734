import type { Executor } from '../../db/tx.js';
import type { ConsentCapacityTable, ConsentCompetenceTable, ConsentParentsTable } from './consent.tables.js';

export type CapacityRow = ConsentCapacityTable;
export type CompetenceRow = ConsentCompetenceTable;
export type ParentRow = ConsentParentsTable;

export async function insertCapacity(db: Executor, row: CapacityRow): Promise<void> {
  await db.insertInto('consent_capacity').values(row).execute();
}

export async function capacityForCase(db: Executor, caseCode: string): Promise<CapacityRow[]> {
  return db.selectFrom('consent_capacity').selectAll().where('case_code', '=', caseCode).orderBy('assessed_at').orderBy('id').execute();
}

export async function insertCompetence(db: Executor, row: CompetenceRow): Promise<void> {
  await db.insertInto('consent_competence').values(row).execute();
}

export async function competenceForCase(db: Executor, caseCode: string): Promise<CompetenceRow[]> {
  return db.selectFrom('consent_competence').selectAll().where('case_code', '=', caseCode).orderBy('assessed_at').orderBy('id').execute();
}

export async function insertParent(db: Executor, row: ParentRow): Promise<void> {
  await db.insertInto('consent_parents').values(row).execute();
}

export async function parentsForCase(db: Executor, caseCode: string): Promise<ParentRow[]> {
  return db.selectFrom('consent_parents').selectAll().where('case_code', '=', caseCode).orderBy('recorded_at').orderBy('id').execute();
}

export async function endParent(db: Executor, id: string, caseCode: string, at: string): Promise<boolean> {
  const res = await db.updateTable('consent_parents').set({ ended_at: at }).where('id', '=', id).where('case_code', '=', caseCode).where('ended_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
