import { existsSync, writeFileSync } from 'node:fs';
import { parse } from '../args.js';
import { type CliIo, printJson } from '../io.js';
import { openStore, vaultSecret } from '../vault-access.js';
import { newKeyFileContents, readKeyFile } from '../../crypto/vault.js';
import { initPractice } from '../../features/practice/practice.service.js';

/** sanctum init --data DIR [--name N] [--jurisdiction J] [--new-key-file PATH] [--json] */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parse('init', args, {
    data: { type: 'string' }, name: { type: 'string' }, jurisdiction: { type: 'string' }, 'time-zone': { type: 'string' },
    'new-key-file': { type: 'string' }, json: { type: 'boolean' },
  });
  let secret;
  if (values['new-key-file']) {
    if (existsSync(values['new-key-file'])) throw new Error('refusing to overwrite an existing key file');
    writeFileSync(values['new-key-file'], newKeyFileContents(), { mode: 0o600, flag: 'wx' });
    secret = { keyFile: readKeyFile(values['new-key-file']) };
  } else {
    secret = await vaultSecret(io, 'New vault passphrase (at least 12 characters): ');
  }
  const ctx = await openStore(io, values.data);
  try {
    const practice = await initPractice(ctx, secret, { name: values.name ?? 'My practice', jurisdiction: values.jurisdiction, timeZone: values['time-zone'] });
    if (values.json) printJson(io, { practiceId: practice.id, jurisdiction: practice.jurisdiction, timeZone: practice.timeZone });
    else io.stdout(`Created an empty vault for "${practice.name}" (${practice.jurisdiction}).\nStart the app with: sanctum serve${values.data ? ` --data ${values.data}` : ''}\n`);
    return 0;
  } finally {
    ctx.vault.seal();
    await ctx.db.close();
  }
}
