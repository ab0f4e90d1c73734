import { writeFileSync } from 'node:fs';
import { parse, required } from '../args.js';
import { type CliIo, UsageError, printJson } from '../io.js';
import { openStore, vaultSecret, withVault } from '../vault-access.js';
import { rotateMasterKey } from '../../features/vault/vault.service.js';
import { readKeyFile, type VaultSecret } from '../../crypto/vault.js';
import { KEYSTORE_MAX_BYTES, keyStoreCounts, parseKeyStore } from '../../features/keystore/keystore.js';
import { readOutsideFile } from '../outside-file.js';
import { exportKeyStore, installKeyStore, verifyKeyStore } from '../../features/keystore/keystore.service.js';

/**
 * sanctum keys rotate [--data DIR] [--json]: a new master key re-wraps every client key; no record
 * is re-encrypted. The new master key is sealed under SANCTUM_NEW_PASSPHRASE (or
 * SANCTUM_NEW_KEY_FILE) when given, otherwise under the current secret.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') return exportKeys(rest, io);
  if (sub === 'import') return importKeys(rest, io);
  if (sub !== 'rotate') throw new UsageError('keys: expected "rotate", "export" or "import"');
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
  else io.stdout(`Rotated the master key; re-wrapped ${result.rewrapped} client keys. Restart or unlock any other running servers.\nMake a new key-store file (sanctum keys export): older copies open only with the passphrase they were made under.\n`);
  return 0;
}

/**
 * sanctum keys export --out FILE [--data DIR] [--json]: the key-store file that, with the vault
 * passphrase, opens every backup on a new machine.
 */
async function exportKeys(args: string[], io: CliIo): Promise<number> {
  const { values: v } = parse('keys export', args, { data: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } });
  const out = required('keys export', v.out, 'out');
  const file = await withVault(io, v.data, (ctx, op) => exportKeyStore(ctx, { id: op.userId }));
  const text = JSON.stringify(file);
  writeFileSync(out, text, { mode: 0o600 });
  const counts = keyStoreCounts(file);
  if (v.json) printJson(io, { out, createdAt: file.createdAt, ...counts });
  else {
    io.stdout(
      `Wrote the key-store file ${out} (made ${file.createdAt}; keys for ${counts.clients} client(s)).\n` +
        'Keep it apart from your backups: this file and the vault passphrase open everything.\n' +
        'Replace every older key-store copy with this one and destroy the old ones: an old copy still holds the keys of any client destroyed after it was made, ' +
        'and after each disposal (or new client) this copy is out of date too.\n',
    );
  }
  return 0;
}

/**
 * sanctum keys import --in FILE [--data DIR] [--json]: install a key store on a new machine, into
 * an empty data folder or database; then `sanctum restore --in BACKUP`.
 */
async function importKeys(args: string[], io: CliIo): Promise<number> {
  const { values: v } = parse('keys import', args, { data: { type: 'string' }, in: { type: 'string' }, json: { type: 'boolean' } });
  const path = required('keys import', v.in, 'in');
  const file = parseKeyStore(readOutsideFile('keys import', path, KEYSTORE_MAX_BYTES, 'key-store file').toString('utf8'));
  // Checked before the store is even opened: a wrong passphrase or a doctored file writes nothing.
  await verifyKeyStore(file, await vaultSecret(io));
  const ctx = await openStore(io, v.data);
  try {
    const r = await installKeyStore(ctx, file, { id: 'cli' });
    if (v.json) printJson(io, r);
    else {
      io.stdout(
        `Installed the key store made ${r.createdAt}: keys for ${r.clients} client(s)${r.destroyed ? `; ${r.destroyed} destroyed client(s) stay destroyed` : ''}.\n` +
          `Next: sanctum restore --in BACKUP-FILE${v.data ? ` --data ${v.data}` : ''}\n`,
      );
    }
    return 0;
  } finally {
    await ctx.db.close();
  }
}
