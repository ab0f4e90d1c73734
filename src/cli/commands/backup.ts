import { writeFileSync } from 'node:fs';
import { parse, required } from '../args.js';
import { type CliIo, printJson } from '../io.js';
import { withVault } from '../vault-access.js';
import { createBackup } from '../../features/backup/backup.service.js';

/** sanctum backup --data DIR --out FILE [--json] */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values: v } = parse('backup', args, { data: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } });
  const out = required('backup', v.out, 'out');
  const file = await withVault(io, v.data, (ctx) => createBackup(ctx, (m) => io.stderr(m + '\n')));
  const text = JSON.stringify(file);
  writeFileSync(out, text, { mode: 0o600 });
  if (v.json) printJson(io, { out, bytes: Buffer.byteLength(text), createdAt: file.createdAt });
  else io.stdout(`Wrote an encrypted backup to ${out} (${Buffer.byteLength(text)} bytes). Client keys are never in backups: to restore on another machine you also need a key-store file (sanctum keys export), kept apart from your backups.\n`);
  return 0;
}
