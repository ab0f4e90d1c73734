import type { Executor } from '../../db/tx.js';

/** How many of an account's recovery codes are still unused. */
export async function unusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const r = await db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}
