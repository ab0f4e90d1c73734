import { beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/features/clients/clients.service.js';
import { placeHold } from '../../src/features/retention/retention.service.js';
import { cliStaff, useCliStore, withCliVault } from '../support/cli.js';

/** The command line destroys a client only when the web app would: a hold stops both. */
describe('sanctum client erase', () => {
  const cli = useCliStore({ init: true });
  const run = (args: string[]) => cli.run(args);
  const ids = { held: '', heldCode: '', free: '' };

  beforeAll(async () => {
    await withCliVault(cli, async (ctx, practiceId) => {
      const bea = await cliStaff(ctx, practiceId, 'bea@example.org', ['practitioner'], 'Bea');
      const held = await createClient(ctx, bea, { name: 'Held Client' });
      ids.held = held.id;
      ids.heldCode = held.caseCode;
      ids.free = (await createClient(ctx, bea, { name: 'Free Client' })).id;
      await placeHold(ctx, { userId: 'cli', practiceId, roles: ['operator'] }, { caseCode: held.caseCode, kind: 'litigation', reason: 'Court order pending.' });
    });
  });

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
