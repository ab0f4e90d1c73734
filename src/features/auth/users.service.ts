import { type Principal, type Role, can } from '../../core/access.js';
import { conflict, forbidden, invalidInput } from '../../core/errors.js';
import { appendAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { type NewUserSecrets, createUser } from './auth.service.js';
import * as repo from './auth.repository.js';
import { checkPassword } from './password-policy.js';
import { ASSIGNABLE_ROLES } from '../staff/staff.js';

export { ASSIGNABLE_ROLES };

export interface StaffName {
  id: string;
  displayName: string;
}

/**
 * Names of everyone in the signer's practice, so screens can say who wrote a note. Any signed-in
 * colleague may see them (they are on every signed note anyway); emails and roles are not included.
 */
export async function staffNames(ctx: AppContext, principal: Principal): Promise<StaffName[]> {
  return (await repo.listUsers(ctx.db.kysely, principal.practiceId)).map((u) => ({ id: u.id, displayName: u.displayName }));
}

/**
 * An admin adds a colleague with a first password to pass on in person; the colleague sets up
 * their second factor at first sign-in and gets their own recovery codes then.
 */
export async function addStaff(ctx: AppContext, principal: Principal, input: { displayName: string; email: string; roles: Role[]; password: string }): Promise<Omit<NewUserSecrets, 'totpSecret'>> {
  if (!can(principal, 'staff.manage')) throw forbidden();
  const displayName = input.displayName.trim();
  if (!displayName) throw invalidInput('displayName', 'A name is needed.');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) throw invalidInput('email', 'That does not look like an email address.');
  if (input.roles.length === 0 || input.roles.some((r) => !ASSIGNABLE_ROLES.includes(r))) throw invalidInput('roles', `expected some of ${ASSIGNABLE_ROLES.join(', ')}`);
  await checkPassword(input.password, [input.email, displayName]);
  if (await repo.userByEmail(ctx.db.kysely, input.email)) throw conflict('Someone already signs in with that email.');
  return writeTx(ctx.db, async (trx) => {
    const s = await createUser(ctx, trx, { practiceId: principal.practiceId, email: input.email, displayName, roles: input.roles, password: input.password });
    await appendAudit(trx, ctx.clock, { id: principal.userId }, { action: 'user.create', targetType: 'user', targetId: s.userId, details: { roles: input.roles } });
    return { userId: s.userId, recoveryCodes: s.recoveryCodes };
  });
}
