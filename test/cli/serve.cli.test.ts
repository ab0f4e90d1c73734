import { type Server, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliStore, cliStore, sanctum } from '../support/cli.js';

/** `sanctum serve` refusing to start says why, in one line naming the flag, with exit 2. */
describe('sanctum serve start-up refusals', () => {
  let cli: CliStore;
  let taken: Server;
  let port: number;
  beforeAll(async () => {
    cli = await cliStore();
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => taken.close(resolve));
    await cli.cleanup();
  });

  it('names the port that is already in use', () => {
    const res = sanctum(['serve', ...cli.data, '--port', String(port), '--host', '127.0.0.1'], { env: cli.env });
    expect(res.code, res.stderr).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain(`serve: field "port": port ${port} on 127.0.0.1 is already in use`);
    expect(res.stderr).not.toMatch(/unexpected failure/);
  }, 90_000);

  it('refuses a --trust-proxy value that is neither hops nor addresses', () => {
    const res = sanctum(['serve', ...cli.data, '--port', String(port), '--trust-proxy', 'everyone'], { env: cli.env });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^serve: field "trust-proxy": "everyone" is not an address or range/);
    const fromEnv = sanctum(['serve', ...cli.data, '--port', String(port)], { env: { ...cli.env, SANCTUM_TRUST_PROXY: '10.0.0.0/40' } });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toMatch(/field "trust-proxy"/);
  }, 90_000);

  it('still accepts the bare --trust-proxy flag (one hop) before other flags', () => {
    const res = sanctum(['serve', '--trust-proxy', ...cli.data, '--port', String(port)], { env: cli.env });
    // It gets as far as listening, and the port is the only complaint.
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('already in use');
  }, 90_000);
});
