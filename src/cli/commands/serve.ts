import { parse } from '../args.js';
import { type CliIo, UsageError } from '../io.js';
import { buildContext } from '../../main.js';
import { compileRemainingSchemas, createApp } from '../../http/app.js';
import { readKeyFile } from '../../crypto/vault.js';
import { parseTrustProxy } from '../../http/proxy-trust.js';
import { bareTrustProxy, listen } from '../listen.js';
import { unsealVault, vaultStatus } from '../../features/vault/vault.service.js';
import { startBackupScheduler } from '../../features/backup/backup-scheduler.js';
import { recoverExports } from '../../features/sar/export.jobs.js';
import { startWorkerPool, stopWorkerPool } from '../../workers/pool.js';
import { checkPublicUrl } from '../../features/consent/public-url.js';

/** --public-url, the address clients are sent links on; overrides SANCTUM_PUBLIC_URL. */
function publicUrlFlag(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return checkPublicUrl(raw);
  } catch (e) {
    throw new UsageError(`serve: --public-url: ${e instanceof Error ? e.message : 'expected a web address'}`);
  }
}

/** sanctum serve [--data DIR] [--port N] [--host H] [--trust-proxy [HOPS|ADDRESSES]] [--public-url URL]: the web app and API. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values: v } = parse('serve', bareTrustProxy(args), { data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'trust-proxy': { type: 'string' }, 'public-url': { type: 'string' } });
  const port = Number(v.port ?? io.env.PORT ?? 4480);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('serve: field "port": expected a port number');
  const host = v.host ?? io.env.HOST ?? '127.0.0.1';
  const trustProxy = parseTrustProxy(v['trust-proxy'] ?? io.env.SANCTUM_TRUST_PROXY);
  const started = performance.now();
  const publicUrl = publicUrlFlag(v['public-url']);
  const ctx = await buildContext({ env: io.env, dataDir: v.data, config: publicUrl ? { publicUrl } : undefined });
  // Exports, large PDFs, long de-identifications and Argon2 run on worker threads from here on;
  // exports left unfinished by a server that stopped are marked failed, not left running.
  startWorkerPool();
  await recoverExports(ctx);
  // Servers given a key file unlock themselves; a passphrase vault waits for someone to unlock it.
  if (io.env.SANCTUM_KEY_FILE && (await vaultStatus(ctx)) === 'sealed') await unsealVault(ctx, { keyFile: readKeyFile(io.env.SANCTUM_KEY_FILE) }, { id: 'system' });
  const app = await createApp(ctx, { web: true, logger: io.env.SANCTUM_LOG === '1', trustProxy });
  const address = await listen(app, port, host).catch(async (e: unknown) => {
    await app.close();
    await stopWorkerPool();
    ctx.vault.seal();
    await ctx.db.close();
    throw e;
  });
  const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  io.stdout(`Sanctum is running (${ctx.db.dialect}, vault ${await vaultStatus(ctx)}) — open ${url}\n`);
  if (io.env.SANCTUM_STARTUP_TIMING === '1') io.stdout(`ready in ${Math.round(performance.now() - started)} ms\n`);
  compileRemainingSchemas(app).catch((e: unknown) => io.stderr(`route schema failed to compile: ${e instanceof Error ? e.message : String(e)}\n`));
  // Scheduled backups are written by the server while the vault is unlocked; a claim in the
  // database keeps several servers from writing the same one.
  const backups = startBackupScheduler(ctx);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await backups.stop();
  await app.close();
  await stopWorkerPool();
  await ctx.audit.flush();
  ctx.vault.seal();
  await ctx.db.close();
  return 0;
}
