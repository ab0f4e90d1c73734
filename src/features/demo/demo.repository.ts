import type { Executor } from '../../db/tx.js';

/** Demo staff sign in with a published second-factor secret, already enrolled (invented data only). */
export async function setEnrolledTotp(db: Executor, userId: string, secretEnc: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret_enc: secretEnc, totp_enabled: 1, totp_last_step: null }).where('id', '=', userId).execute();
}
