import { invalidInput, isAppError } from '../../core/errors.js';
import type { VaultSecret } from '../../crypto/vault.js';
import { checkPassword } from '../auth/password-policy.js';

/**
 * A new vault passphrase meets the staff password policy (length, and not common or easily
 * guessed): it guards every record, and a stolen database can be attacked offline. Applied
 * wherever one is set (set-up, `sanctum init`, `sanctum demo`, `sanctum keys rotate`); key files
 * are random and need no check.
 */
export async function checkNewVaultSecret(secret: VaultSecret): Promise<void> {
  if (!('passphrase' in secret)) return;
  try {
    await checkPassword(secret.passphrase, ['sanctum', 'vault']);
  } catch (e) {
    if (!isAppError(e) || e.field !== 'password') throw e;
    throw invalidInput('passphrase', e.message.replace('That password', 'That vault passphrase'));
  }
}
