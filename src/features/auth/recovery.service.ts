import { appendAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { type AuthenticatedSession, replaceRecoveryCodes } from './auth.service.js';
import { reauthenticate } from './reauth.js';
import { unusedRecoveryCodes } from './recovery.repository.js';

export async function recoveryStatus(ctx: AppContext, session: AuthenticatedSession): Promise<{ remaining: number }> {
  return { remaining: await unusedRecoveryCodes(ctx.db.kysely, session.user.id) };
}

/**
 * New recovery codes replace every earlier one. A left-open session is not enough: the person
 * proves it is them again with their password and a current code from their app. A wrong password
 * counts towards the account's lockout exactly as a failed sign-in does, and the code is spent
 * (the same code cannot sign in or be used again).
 */
export async function regenerateRecoveryCodes(ctx: AppContext, session: AuthenticatedSession, input: { password: string; code: string }): Promise<{ codes: string[] }> {
  const user = session.user;
  const proof = await reauthenticate(ctx, session, input, 'auth.recovery_codes');
  return writeTx(ctx.db, async (trx) => {
    await proof.claim(trx);
    const codes = await replaceRecoveryCodes(trx, user.id);
    await appendAudit(trx, ctx.clock, { id: user.id }, { action: 'auth.recovery_codes', targetType: 'user', targetId: user.id, details: { count: codes.length } });
    return { codes };
  });
}
