/**
 * The worker threads' entry (piscina loads it by file name; see pool.ts). It must stay a bundle
 * entry of its own in scripts/bundle-server.mjs, next to the chunk that starts the pool.
 */
import type { TaskMessage } from './pool.js';
import { type TaskName, handlers } from './tasks.js';

export default async function run(msg: TaskMessage): Promise<unknown> {
  const handler = handlers[msg.task as TaskName] as ((input: unknown, progress: (d: number, t: number) => void) => Promise<unknown>) | undefined;
  if (!handler) throw new Error(`unknown worker task ${String(msg.task)}`);
  try {
    return await handler(msg.input, (d, t) => msg.port?.postMessage([d, t]));
  } finally {
    msg.port?.close();
  }
}
