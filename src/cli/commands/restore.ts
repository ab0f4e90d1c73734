import { readFileSync } from 'node:fs';
import { parse, required } from '../args.js';
import { type CliIo, UsageError, printJson } from '../io.js';
import { vaultSecret, withVault } from '../vault-access.js';
import { type BackupFile, openBackup, restoreBackup } from '../../features/backup/backup.service.js';

/** sanctum restore --data DIR --in FILE [--json]: into the vault the backup came from. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values: v } = parse('restore', args, { data: { type: 'string' }, in: { type: 'string' }, json: { type: 'boolean' } });
  const path = required('restore', v.in, 'in');
  let file: BackupFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as BackupFile;
  } catch {
    throw new UsageError(`restore: field "in": cannot read a backup from "${path}"`);
  }
  const tables = await openBackup(file, await vaultSecret(io));
  const result = await withVault(io, v.data, (ctx) => restoreBackup(ctx, tables, (m) => io.stderr(m + '\n')));
  if (v.json) printJson(io, result);
  else io.stdout(`Restored ${result.rows} rows in ${result.tables} tables${result.keptErased ? `; ${result.keptErased} destroyed client(s) stay destroyed` : ''}.\n`);
  return 0;
}
