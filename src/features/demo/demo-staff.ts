import type { Principal, Role } from '../../core/access.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { createUser, totpRef } from '../auth/auth.service.js';
import { setEnrolledTotp } from './demo.repository.js';

/**
 * The demo's known secrets. They open invented data only and are printed by `sanctum demo`, so a
 * newcomer can sign in at once; a real practice never has them (set-up makes its own).
 */
export const DEMO_PASSPHRASE = 'harbourside demo vault passphrase';
export const DEMO_PASSWORD = 'harbourside demo password';
/** Base32; any authenticator app accepts it, and `sanctum demo` prints the current code too. */
export const DEMO_TOTP_SECRET = 'KRUGKIDEMVWW6IDDN5SGKIDJOMQGI5LN';

export interface DemoStaff {
  key: 'lead' | 'priya' | 'tom';
  displayName: string;
  email: string;
  roles: Role[];
  /** Shown on the sign-in instructions. */
  does: string;
}

export const DEMO_STAFF: DemoStaff[] = [
  { key: 'lead', displayName: 'Alex Morgan', email: 'alex@harbourside.example', roles: ['admin', 'practitioner', 'dpo'], does: 'practice lead: admin, data protection, and a caseload' },
  { key: 'priya', displayName: 'Priya Shah', email: 'priya@harbourside.example', roles: ['practitioner'], does: 'counsellor' },
  { key: 'tom', displayName: 'Tom Hughes', email: 'tom@harbourside.example', roles: ['practitioner'], does: 'psychotherapist' },
];

export type StaffPrincipals = Record<DemoStaff['key'], Principal>;

export async function createDemoStaff(ctx: AppContext, practiceId: string): Promise<StaffPrincipals> {
  const out = {} as StaffPrincipals;
  for (const s of DEMO_STAFF) {
    await writeTx(ctx.db, async (trx) => {
      const u = await createUser(ctx, trx, { practiceId, email: s.email, displayName: s.displayName, roles: s.roles, password: DEMO_PASSWORD });
      await setEnrolledTotp(trx, u.userId, ctx.vault.encryptSystem(DEMO_TOTP_SECRET, totpRef(u.userId)));
      out[s.key] = { userId: u.userId, practiceId, roles: s.roles };
    });
  }
  return out;
}
