import { createInterface } from 'node:readline';
import type { Principal } from '../core/access.js';
import { AppError } from '../core/errors.js';
import { type VaultSecret, readKeyFile } from '../crypto/vault.js';
import type { AppContext } from '../context.js';
import { buildContext } from '../main.js';
import { getPractice } from '../features/practice/practice.service.js';
import { unsealVault } from '../features/vault/vault.service.js';
import type { CliIo } from './io.js';
import { UsageError } from './io.js';

/** The vault secret: SANCTUM_KEY_FILE, SANCTUM_PASSPHRASE, or a prompt on a terminal. */
export async function vaultSecret(io: CliIo, prompt = 'Vault passphrase: '): Promise<VaultSecret> {
  if (io.env.SANCTUM_KEY_FILE) return { keyFile: readKeyFile(io.env.SANCTUM_KEY_FILE) };
  if (io.env.SANCTUM_PASSPHRASE) return { passphrase: io.env.SANCTUM_PASSPHRASE };
  if (!io.isTty) throw new UsageError('no vault passphrase: set SANCTUM_PASSPHRASE (or SANCTUM_KEY_FILE) or run on a terminal');
  return { passphrase: await promptHidden(prompt) };
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    out._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stderr.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/** Open the store named by --data (or DATABASE_URL) without unsealing. */
export async function openStore(io: CliIo, dataDir: string | undefined): Promise<AppContext> {
  return buildContext({ env: io.env, dataDir: dataDir ?? io.env.SANCTUM_DATA ?? './data' });
}

/**
 * Open and unseal the vault for a command-line operator. Whoever holds the passphrase at the
 * console acts as the practice's operator; every action is audited under the actor "cli".
 */
export async function openVault(io: CliIo, dataDir: string | undefined): Promise<{ ctx: AppContext; operator: Principal }> {
  const ctx = await openStore(io, dataDir);
  try {
    const practice = await getPractice(ctx);
    if (!practice) throw new AppError('uninitialised', 'There is no vault here. Create one with "sanctum init".');
    await unsealVault(ctx, await vaultSecret(io), { id: 'cli' });
    return { ctx, operator: { userId: 'cli', practiceId: practice.id, roles: ['operator'] } };
  } catch (e) {
    await ctx.db.close();
    throw e;
  }
}

export async function withVault<T>(io: CliIo, dataDir: string | undefined, fn: (ctx: AppContext, operator: Principal) => Promise<T>): Promise<T> {
  const { ctx, operator } = await openVault(io, dataDir);
  try {
    return await fn(ctx, operator);
  } finally {
    await ctx.audit.flush();
    ctx.vault.seal();
    await ctx.db.close();
  }
}
