import { parse } from '../args.js';
import { type CliIo, UsageError, printJson } from '../io.js';
import { vaultSecret, withVault } from '../vault-access.js';
import { rotateMasterKey } from '../../features/vault/vault.service.js';
import { readKeyFile, type VaultSecret } from '../../crypto/vault.js';

/**
 * sanctum keys rotate [--data DIR] [--json]: a new master key re-wraps every client key; no record
 * is re-encrypted. The new master key is sealed under SANCTUM_NEW_PASSPHRASE (or
 * SANCTUM_NEW_KEY_FILE) when given, otherwise under the current secret.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'rotate') throw new UsageError('keys: expected "rotate"');
  const { values: v } = parse('keys rotate', rest, { data: { type: 'string' }, json: { type: 'boolean' } });
  const next: VaultSecret | undefined = io.env.SANCTUM_NEW_KEY_FILE
    ? { keyFile: readKeyFile(io.env.SANCTUM_NEW_KEY_FILE) }
    : io.env.SANCTUM_NEW_PASSPHRASE
      ? { passphrase: io.env.SANCTUM_NEW_PASSPHRASE }
      : undefined;
  const result = await withVault(io, v.data, async (ctx, op) => {
    const secret = next ?? (await vaultSecret(io, 'New vault passphrase (or the current one again): '));
    return rotateMasterKey(ctx, secret, { id: op.userId });
  });
  if (v.json) printJson(io, result);
  else io.stdout(`Rotated the master key; re-wrapped ${result.rewrapped} client keys. Restart or unlock any other running servers.\n`);
  return 0;
}
