import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppContext } from '../../context.js';
import { runDueBackup } from './backup-schedule.service.js';

/**
 * The server's backup timer. Every server runs one; the claim in the database decides which of
 * them writes a given backup. The backup itself is made off the request path, and the timer never
 * keeps the process alive.
 */
export function startBackupScheduler(ctx: AppContext, opts: { everyMs?: number; holder?: string } = {}): { stop(): Promise<void> } {
  const holder = opts.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runDueBackup(ctx, holder)
      .catch(() => undefined)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, opts.everyMs ?? 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
