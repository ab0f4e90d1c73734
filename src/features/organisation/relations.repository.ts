import type { Relations } from '../../core/access.js';
import type { Executor } from '../../db/tx.js';
import type { BreakGlassTable, CareRelationshipsTable, RelationshipKind } from './organisation.tables.js';

export type RelationshipRow = CareRelationshipsTable;
export type BreakGlassRow = BreakGlassTable;

/**
 * What a person holds at this moment: relationships whose dates include `today` (the practice's
 * calendar) and that nobody ended, and emergency accesses that have not expired or been ended.
 * Two indexed reads; the session resolver calls it once a request.
 */
export async function relationsOf(db: Executor, userId: string, today: string, nowIso: string): Promise<Relations> {
  const [rels, glass] = await Promise.all([
    db.selectFrom('care_relationships').select(['kind', 'subject_id', 'starts_on', 'ends_on'])
      .where('holder_id', '=', userId).where('ended_at', 'is', null).where('starts_on', '<=', today)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
      .execute(),
    db.selectFrom('break_glass').select(['id', 'client_id', 'expires_at'])
      .where('user_id', '=', userId).where('ended_at', 'is', null).where('expires_at', '>', nowIso)
      .execute(),
  ]);
  const of = (kind: RelationshipKind) => [...new Set(rels.filter((r) => r.kind === kind).map((r) => r.subject_id))];
  return { covering: of('cover'), supervising: of('supervision'), breakGlass: glass.map((g) => ({ id: g.id, clientId: g.client_id, expiresAt: g.expires_at })) };
}

export async function insertRelationship(db: Executor, row: RelationshipRow): Promise<void> {
  await db.insertInto('care_relationships').values(row).execute();
}

export async function relationshipById(db: Executor, practiceId: string, id: string): Promise<RelationshipRow | undefined> {
  return db.selectFrom('care_relationships').selectAll().where('id', '=', id).where('practice_id', '=', practiceId).executeTakeFirst();
}

/** Relationships of one kind that have not ended, by holder or subject when given; newest first. */
export async function listRelationships(db: Executor, practiceId: string, kind: RelationshipKind, opts: { holderId?: string; subjectId?: string; since?: string } = {}): Promise<RelationshipRow[]> {
  let q = db.selectFrom('care_relationships').selectAll().where('practice_id', '=', practiceId).where('kind', '=', kind);
  if (opts.holderId) q = q.where('holder_id', '=', opts.holderId);
  if (opts.subjectId) q = q.where('subject_id', '=', opts.subjectId);
  if (opts.since) { const since = opts.since; q = q.where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', since)])); }
  return q.orderBy('created_at', 'desc').limit(500).execute();
}

/** Ends it now, only if it has not been ended already (one statement, so two people cannot both end it). */
export async function endRelationship(db: Executor, id: string, by: string, at: string): Promise<boolean> {
  const r = await db.updateTable('care_relationships').set({ ended_at: at, ended_by: by }).where('id', '=', id).where('ended_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertBreakGlass(db: Executor, row: BreakGlassRow): Promise<void> {
  await db.insertInto('break_glass').values(row).execute();
}

export async function breakGlassById(db: Executor, practiceId: string, id: string): Promise<BreakGlassRow | undefined> {
  return db.selectFrom('break_glass').selectAll().where('id', '=', id).where('practice_id', '=', practiceId).executeTakeFirst();
}

export async function listBreakGlass(db: Executor, practiceId: string, opts: { userId?: string; clientId?: string } = {}): Promise<BreakGlassRow[]> {
  let q = db.selectFrom('break_glass').selectAll().where('practice_id', '=', practiceId);
  if (opts.userId) q = q.where('user_id', '=', opts.userId);
  if (opts.clientId) q = q.where('client_id', '=', opts.clientId);
  return q.orderBy('started_at', 'desc').limit(500).execute();
}

/** Ends an emergency access early; false when it had already ended or expired. */
export async function endBreakGlass(db: Executor, id: string, userId: string, at: string): Promise<boolean> {
  const r = await db.updateTable('break_glass').set({ ended_at: at }).where('id', '=', id).where('user_id', '=', userId).where('ended_at', 'is', null).where('expires_at', '>', at).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
