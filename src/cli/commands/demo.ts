import { parse } from '../args.js';
import { type CliIo, printJson } from '../io.js';
import { openStore, vaultSecret } from '../vault-access.js';
import { initPractice } from '../../features/practice/practice.service.js';
import { createDemoPractice } from '../../features/demo/demo.service.js';

/**
 * sanctum demo [--data DIR] [--json]: a new vault filled with an invented practice. Open the app
 * afterwards and complete set-up with the same passphrase: the demo caseload becomes yours.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values: v } = parse('demo', args, { data: { type: 'string' }, jurisdiction: { type: 'string' }, json: { type: 'boolean' } });
  const secret = await vaultSecret(io, 'New vault passphrase for the demo (at least 12 characters): ');
  const ctx = await openStore(io, v.data);
  try {
    const practice = await initPractice(ctx, secret, { name: 'Harbourside Counselling (demo)', jurisdiction: v.jurisdiction ?? 'GB-ENG' });
    const op = { userId: 'cli', practiceId: practice.id, roles: ['operator'] as const };
    if (!v.json) io.stderr('Creating invented clients, sessions and notes…\n');
    const made = await createDemoPractice(ctx, op, (m) => { if (!v.json) io.stderr(m + '\n'); });
    if (v.json) printJson(io, { practiceId: practice.id, ...made });
    else io.stdout(`Demo practice ready: ${made.clients} clients, ${made.notes} notes.\nRun "sanctum serve${v.data ? ` --data ${v.data}` : ''}", open the printed address and finish set-up with the same passphrase.\n`);
    return 0;
  } finally {
    ctx.vault.seal();
    await ctx.db.close();
  }
}
