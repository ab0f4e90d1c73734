import type { Executor, Tx } from '../../db/tx.js';
import type { AccessReviewsTable } from './access-review.tables.js';

export type AccessReviewRow = AccessReviewsTable;

export async function insertReview(trx: Tx, row: AccessReviewRow): Promise<void> {
  await trx.insertInto('access_reviews').values(row).execute();
}

/** Open ones first, then the most recently reviewed; newest first within each. */
export async function listReviews(db: Executor, practiceId: string, opts: { open?: boolean; kinds?: readonly AccessReviewRow['kind'][] } = {}): Promise<AccessReviewRow[]> {
  let q = db.selectFrom('access_reviews').selectAll().where('practice_id', '=', practiceId);
  if (opts.open) q = q.where('reviewed_at', 'is', null);
  if (opts.kinds) q = q.where('kind', 'in', [...opts.kinds]);
  return q.orderBy('created_at', 'desc').orderBy('audit_seq', 'desc').limit(500).execute();
}

export async function reviewById(db: Executor, practiceId: string, id: string): Promise<AccessReviewRow | undefined> {
  return db.selectFrom('access_reviews').selectAll().where('id', '=', id).where('practice_id', '=', practiceId).executeTakeFirst();
}

/** Conditional on still being open, so two reviewers cannot both record the review. */
export async function markReviewed(trx: Tx, id: string, by: string, at: string, verdict: AccessReviewRow['verdict'] = 'acknowledged', notesEnc: string | null = null): Promise<boolean> {
  const r = await trx.updateTable('access_reviews').set({ reviewed_at: at, reviewed_by: by, verdict, notes_enc: notesEnc }).where('id', '=', id).where('reviewed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
