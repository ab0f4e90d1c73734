import type { Executor } from '../../db/tx.js';
import type { Jurisdiction, Practice } from './practice.js';

export async function insertPractice(db: Executor, p: Practice, at: string): Promise<void> {
  await db.insertInto('practices').values({ id: p.id, name: p.name, jurisdiction: p.jurisdiction, time_zone: p.timeZone, created_at: at }).execute();
}

/** Sanctum holds one practice per database. */
export async function thePractice(db: Executor): Promise<Practice | undefined> {
  const r = await db.selectFrom('practices').selectAll().orderBy('created_at').executeTakeFirst();
  return r ? { id: r.id, name: r.name, jurisdiction: r.jurisdiction as Jurisdiction, timeZone: r.time_zone } : undefined;
}

export async function updatePractice(db: Executor, p: Practice): Promise<void> {
  await db.updateTable('practices').set({ name: p.name, jurisdiction: p.jurisdiction, time_zone: p.timeZone }).where('id', '=', p.id).execute();
}
