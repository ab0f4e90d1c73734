import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliStore, cliStore, sanctum } from '../../../test/support/cli.js';
import type { TestStore } from '../../../test/support/context.js';
import { connect } from '../../db/connection.js';
import { buildContext } from '../../main.js';
import { getPractice } from '../practice/practice.service.js';
import { unsealVault } from '../vault/vault.service.js';
import { prepareAgreement, signInPerson } from './agreements.service.js';
import { capable } from './consent.test-helpers.js';

/** `sanctum consent …` against the real binary, on SQLite or (with TEST_PG_URL) PostgreSQL. */
describe('sanctum consent', () => {
  let cli: CliStore;
  let store: TestStore;
  let dir: string;
  let env: Record<string, string | undefined>;
  let data: string[];
  let clientId = '';

  beforeAll(async () => {
    cli = await cliStore();
    ({ store, dir, data } = cli);
    env = { DATABASE_URL: store.databaseUrl ?? '' };
    expect(sanctum(['init', ...data], { env }).code).toBe(0);
    clientId = (sanctum(['client', 'add', ...data, '--name', 'Casey Brook', '--dob', '1985-02-02', '--json'], { env }).json() as { id: string }).id;
  });
  afterAll(async () => {
    await cli.cleanup();
  });

  it('lists templates with hashes and prints one byte for byte', () => {
    const list = sanctum(['consent', 'templates', ...data, '--json'], { env });
    expect(list.code, list.stderr).toBe(0);
    const all = list.json() as { id: string; templateKey: string; contentHash: string }[];
    expect(all).toHaveLength(64);
    const one = all.find((t) => t.templateKey === 'US-TX/school/young');
    const text = sanctum(['consent', 'template', ...data, '--id', one?.id ?? ''], { env });
    expect(text.stdout).toMatch(/^# Talking in private/);
    const json = sanctum(['consent', 'template', ...data, '--id', one?.id ?? '', '--json'], { env }).json() as { body: string };
    expect(text.stdout).toBe(json.body);
  });

  it('shows status, looks up a channel and withdraws it', async () => {
    const ctx = await buildContext({ db: connect(store.databaseUrl ? { databaseUrl: store.databaseUrl } : { dataDir: store.dataDir }) });
    try {
      await unsealVault(ctx, { passphrase: 'cli test passphrase long enough' }, { id: 'cli' });
      const practice = await getPractice(ctx);
      const op = { userId: 'cli', practiceId: practice?.id ?? '', roles: ['operator' as const] };
      const a = await prepareAgreement(ctx, op, clientId, { fields: { channels: ['email', 'sms'] } });
      await signInPerson(ctx, op, clientId, a.id, { signature: { name: 'Casey Brook', method: 'typed' }, choices: { records: true, supervision: false, channels: { email: true, sms: true } }, capacity: capable });
    } finally {
      ctx.vault.seal();
      await ctx.db.close();
    }
    const before = sanctum(['consent', 'lookup', ...data, '--client', clientId, '--channel', 'sms', '--json'], { env });
    expect(before.code, before.stderr).toBe(0);
    const answer = before.json() as { allowed: boolean; reason: string; consent: { id: string } };
    expect(answer).toMatchObject({ allowed: true, reason: 'consented' });

    const w = sanctum(['consent', 'withdraw', ...data, '--client', clientId, '--consent', answer.consent.id, '--via', 'phone', '--json'], { env });
    expect(w.code, w.stderr).toBe(0);
    expect(w.json()).toMatchObject({ state: 'withdrawn', withdrawnVia: 'phone' });
    expect(sanctum(['consent', 'lookup', ...data, '--client', clientId, '--channel', 'sms', '--json'], { env }).json()).toMatchObject({ allowed: false, reason: 'withdrawn' });

    const status = sanctum(['consent', 'status', ...data, '--client', clientId], { env });
    expect(status.stdout).toMatch(/Agreement: GB-ENG\/private\/adult v1 — signed/);
    expect(status.stdout).toMatch(/Channels allowed now: email/);
  });

  it('refuses bad input with one line naming the field', () => {
    const bad = sanctum(['consent', 'lookup', ...data, '--client', clientId, '--channel', 'pigeon'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/field "channel"/);
    const missing = sanctum(['consent', 'withdraw', ...data, '--client', clientId], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--consent/);
    const noVia = sanctum(['consent', 'withdraw', ...data, '--client', clientId, '--consent', 'nope'], { env });
    expect(noVia.code).toBe(2);
    expect(noVia.stderr).toMatch(/--via/);
    const badVia = sanctum(['consent', 'withdraw', ...data, '--client', clientId, '--consent', 'nope', '--via', 'pigeon'], { env });
    expect(badVia.code).toBe(2);
    expect(badVia.stderr).toMatch(/--via/);
    const unknown = sanctum(['consent', 'withdraw', ...data, '--client', clientId, '--consent', 'nope', '--via', 'email'], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No such consent/);
  });
});
