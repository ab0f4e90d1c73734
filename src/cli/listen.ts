import type { FastifyInstance } from 'fastify';
import { UsageError } from './io.js';

/**
 * Start listening, turning the operating system's refusals into one line that names the flag to
 * change (exit 2), instead of an unexpected failure.
 */
export async function listen(app: FastifyInstance, port: number, host: string): Promise<string> {
  try {
    return await app.listen({ port, host });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'EADDRINUSE') throw new UsageError(`serve: field "port": port ${port} on ${host} is already in use by another program; stop that program or choose another port with --port`);
    if (code === 'EACCES') throw new UsageError(`serve: field "port": this user may not listen on port ${port}; choose a port above 1023 with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`serve: field "host": ${host} is not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of its own addresses`);
    throw e;
  }
}

/** `--trust-proxy` alone (the form from before addresses could be given) means one hop. */
export const bareTrustProxy = (args: string[]): string[] =>
  args.map((a, i) => (a === '--trust-proxy' && (i + 1 >= args.length || args[i + 1].startsWith('-')) ? '--trust-proxy=1' : a));
