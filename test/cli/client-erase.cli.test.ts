import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access.js';
import { TEST_KDF } from '../../src/crypto/kdf.js';
import { connect } from '../../src/db/connection.js';
import { writeTx } from '../../src/db/tx.js';
import { createUser } from '../../src/features/auth/auth.service.js';
import { createClient } from '../../src/features/clients/clients.service.js';
import { getPractice } from '../../src/features/practice/practice.service.js';
import { placeHold } from '../../src/features/retention/retention.service.js';
import { unsealVault } from '../../src/features/vault/vault.service.js';
import { buildContext } from '../../src/main.js';
import { type CliStore, cliStore, sanctum } from '../support/cli.js';

/** The command line destroys a client only when the web app would: a hold stops both. */
describe('sanctum client erase', () => {
  let cli: CliStore;
  let run: (args: string[]) => ReturnType<typeof sanctum>;
  const ids = { held: '', heldCode: '', free: '' };

  beforeAll(async () => {
    cli = await cliStore();
    run = (args) => sanctum(args, { env: cli.env });
    expect(run(['init', ...cli.data, '--json']).code).toBe(0);
    const db = connect({ dataDir: cli.store.dataDir, databaseUrl: cli.store.databaseUrl });
    const ctx = await buildContext({ db, config: { passwordKdf: TEST_KDF } });
    try {
      await unsealVault(ctx, { passphrase: 'cli test passphrase long enough' }, { id: 'cli' });
      const practiceId = (await getPractice(ctx))!.id;
      const beaId = await writeTx(ctx.db, async (trx) => (await createUser(ctx, trx, { practiceId, email: 'bea@example.org', displayName: 'Bea', roles: ['practitioner'], password: 'Quiet-harbour-lantern-42' })).userId);
      const bea: Principal = { userId: beaId, practiceId, roles: ['practitioner'] };
      const held = await createClient(ctx, bea, { name: 'Held Client' });
      ids.held = held.id;
      ids.heldCode = held.caseCode;
      ids.free = (await createClient(ctx, bea, { name: 'Free Client' })).id;
      await placeHold(ctx, { userId: 'cli', practiceId, roles: ['operator'] }, { caseCode: held.caseCode, kind: 'litigation', reason: 'Court order pending.' });
      await ctx.audit.flush();
    } finally {
      ctx.vault.seal();
      await db.close();
    }
  });
  afterAll(async () => cli?.cleanup());

  it('refuses a client under a legal hold, as the web app does, and leaves the record readable', () => {
    const r = run(['client', 'erase', ...cli.data, '--client', ids.held]);
    expect(r.code, r.stdout).toBe(1);
    expect(r.stderr).toMatch(/Held: Court order pending.*Release or resolve the hold first/);
    const still = run(['client', 'show', ...cli.data, '--client', ids.held, '--json']);
    expect(still.code, still.stderr).toBe(0);
    expect(still.json()).toMatchObject({ caseCode: ids.heldCode, identity: { name: 'Held Client' } });
  });

  it('destroys a client with no hold', () => {
    const r = run(['client', 'erase', ...cli.data, '--client', ids.free, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ id: ids.free, erased: true, destroyedKeys: 2 });
  });
});
