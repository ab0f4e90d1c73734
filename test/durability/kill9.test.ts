import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/paths.js';
import { verifyAudit } from '../../src/audit/audit.service.js';
import { buildContext } from '../../src/main.js';
import { unsealVault } from '../../src/features/vault/vault.service.js';
import { listNotes } from '../../src/features/notes/notes.service.js';
import { type TestStore, testStore } from '../support/context.js';

const PASSPHRASE = 'durability test passphrase';

function startServer(store: TestStore): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [join(packageRoot(), 'bin', 'sanctum.js'), 'serve', '--port', '0', ...(store.dataDir ? ['--data', store.dataDir] : [])], {
    env: { ...process.env, DATABASE_URL: store.databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/open (http:\/\/\S+)/);
      if (m) resolve({ proc, url: m[1] });
    });
    proc.on('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}

/** kill -9 the server in the middle of a stream of note writes: no acknowledged write is lost. */
describe('crash safety', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await testStore();
    await store.db.close();
  });
  afterAll(async () => store.cleanup());

  it('loses no acknowledged note and keeps a verifiable chain', { timeout: 120_000 }, async () => {
    const { proc, url } = await startServer(store);
    let cookie = '';
    const call = async (path: string, body: unknown) => {
      const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0];
      return res;
    };
    const setup = await call('/api/setup', { practiceName: 'Crash Test', jurisdiction: 'GB-ENG', passphrase: PASSPHRASE, displayName: 'Dee Crash', email: 'dee@example.org', password: 'Tidal-orchard-velvet-91' });
    const { totpSecret } = (await setup.json()) as { totpSecret: string };
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(totpSecret) }).generate();
    expect((await call('/api/auth/totp/confirm', { code })).status).toBe(200);
    const { id: clientId } = (await (await call('/api/clients', { name: 'Durable Client' })).json()) as { id: string };

    const acknowledged: string[] = [];
    const refused: number[] = [];
    let killed = false;
    let stopped = 0;
    const writer = async (w: number) => {
      try {
        for (let i = 0; !killed; i++) {
          const res = await call(`/api/clients/${clientId}/notes`, { text: `writer ${w} note ${i}`, sign: true });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          else refused.push(res.status);
        }
      } catch {
        // the connection died with the server
      } finally {
        stopped++;
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    while (acknowledged.length < 40 && stopped === 0 && refused.length < 20) await new Promise((r) => setTimeout(r, 5));
    expect({ refused, stopped }).toEqual({ refused: [], stopped: 0 });
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    await exited;

    const ctx = await buildContext({ env: { DATABASE_URL: store.databaseUrl ?? '' }, dataDir: store.dataDir });
    try {
      await unsealVault(ctx, { passphrase: PASSPHRASE }, { id: 'test' });
      const practice = await ctx.db.kysely.selectFrom('users').select(['id', 'practice_id']).executeTakeFirstOrThrow();
      const notes = await listNotes(ctx, { userId: practice.id, practiceId: practice.practice_id, roles: ['practitioner'] }, clientId, { limit: 500 });
      const stored = new Set(notes.map((n) => n.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
    } finally {
      await ctx.db.close();
    }
  });
});
