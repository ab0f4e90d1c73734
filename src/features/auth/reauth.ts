import { AppError, invalidInput } from '../../core/errors.js';
import { recordAudit } from '../../audit/audit.service.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { verifyPassword } from '../../crypto/kdf.js';
import type { Tx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import * as attempts from './attempts.repository.js';
import { type AuthenticatedSession, limitPerTenMinutes, totpRef } from './auth.service.js';
import { lockFor } from './lockout.js';
import { accountLockSchedule } from './signin.service.js';
import { totpStep } from './totp.js';

/** A proof that the person at the keyboard is the account's holder, spent by `claim` inside the step's own transaction. */
export interface Reauthenticated {
  claim(trx: Tx): Promise<void>;
}

/**
 * A left-open session is not enough for a step that matters: the person proves it is them again
 * with their password and a current code from their app. A wrong password counts towards the
 * account's lockout exactly as a failed sign-in does (counted before it is checked, in one
 * statement), and the code is spent when the step commits, so one code serves one step.
 * `action` names the step on the refusal's audit entry.
 */
export async function reauthenticate(ctx: AppContext, session: AuthenticatedSession, input: { password: string; code: string }, action: string): Promise<Reauthenticated> {
  const user = session.user;
  const deny = (reason: string) => recordAudit(ctx.db, ctx.clock, { id: user.id }, { action, targetType: 'user', targetId: user.id, outcome: 'denied', details: { reason } });
  await limitPerTenMinutes(ctx, `reauth:${sha256Hex(user.id)}`, 10, 'Too many attempts. Wait ten minutes and try again.');
  if (!user.totpEnabled || !user.totpSecretEnc) throw new AppError('conflict', 'Set up your second factor first.');
  const now = ctx.clock.now();
  const schedule = accountLockSchedule(ctx, now);
  const attempt = await attempts.countAccountAttempt(ctx.db.kysely, user.id, schedule);
  if (attempt === null) {
    await deny('locked');
    throw new AppError('locked', 'This account is locked after repeated wrong passwords. Try again later or ask your practice admin.');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await deny(lockFor(schedule, attempt) ? 'password_locked' : 'password');
    throw invalidInput('password', 'That is not your password.');
  }
  const step = totpStep(ctx.vault.decryptSystem(user.totpSecretEnc, totpRef(user.id)), String(input.code ?? '').replace(/\s/g, ''), now);
  if (step === null) {
    await deny('code');
    throw invalidInput('code', 'That code is not right. Enter the 6-digit code your app shows now.');
  }
  return {
    async claim(trx) {
      // Clears the attempt counted above and spends the code; false if it was already used.
      if (!(await attempts.claimSignIn(trx, user.id, { attempt, step, now: now.toISOString() }))) {
        throw invalidInput('code', 'That code has already been used. Wait for the next one in your app.');
      }
    },
  };
}
