import { parse, required } from '../args.js';
import { type CliIo, printJson } from '../io.js';
import { readOutsideFile } from '../outside-file.js';
import { openStore, vaultSecret } from '../vault-access.js';
import { AppError } from '../../core/errors.js';
import { openBackup, restoreBackup } from '../../features/backup/backup.service.js';
import { BACKUP_MAX_BYTES, parseBackupText } from '../../features/backup/backup.file.js';
import { unsealVault, vaultStatus } from '../../features/vault/vault.service.js';

/**
 * sanctum restore --data DIR --in FILE [--json]: into the vault the backup came from, or on a new
 * machine into the key store installed by `sanctum keys import` (no practice there yet).
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values: v } = parse('restore', args, { data: { type: 'string' }, in: { type: 'string' }, json: { type: 'boolean' } });
  const path = required('restore', v.in, 'in');
  const file = parseBackupText(readOutsideFile('restore', path, BACKUP_MAX_BYTES, 'backup').toString('utf8'));
  const secret = await vaultSecret(io);
  const tables = await openBackup(file, secret);
  const ctx = await openStore(io, v.data);
  try {
    if ((await vaultStatus(ctx)) === 'uninitialised') {
      throw new AppError('uninitialised', 'There is no vault here. On a new machine, install your key-store file first: sanctum keys import --in KEY-STORE-FILE.');
    }
    await unsealVault(ctx, secret, { id: 'cli' });
    const result = await restoreBackup(ctx, tables, (m) => io.stderr(m + '\n'));
    if (v.json) printJson(io, result);
    else {
      io.stdout(`Restored ${result.rows} rows in ${result.tables} tables${result.keptErased ? `; ${result.keptErased} destroyed client(s) stay destroyed` : ''}.\n`);
      if (result.missingKeys) {
        io.stdout(`${result.missingKeys} client(s) in this backup have no key here: the key-store file is older than they are, so their records cannot be opened.\n`);
      }
    }
    return 0;
  } finally {
    await ctx.audit.flush();
    ctx.vault.seal();
    await ctx.db.close();
  }
}
