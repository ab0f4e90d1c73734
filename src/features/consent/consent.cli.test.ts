import { describe, expect, it } from 'vitest';
import { useCliStore, withCliVault } from '../../../test/support/cli.js';
import { prepareAgreement, signInPerson } from './agreements.service.js';
import { capable } from './consent.test-helpers.js';

/** `sanctum consent …` against the real binary, on SQLite or (with TEST_PG_URL) PostgreSQL. */
describe('sanctum consent', () => {
  const cli = useCliStore({ client: true });

  it('lists templates with hashes and prints one byte for byte', () => {
    const list = cli.run(['consent', 'templates', ...cli.data, '--json']);
    expect(list.code, list.stderr).toBe(0);
    const all = list.json() as { id: string; templateKey: string; contentHash: string }[];
    expect(all).toHaveLength(64);
    const one = all.find((t) => t.templateKey === 'US-TX/school/young');
    const text = cli.run(['consent', 'template', ...cli.data, '--id', one?.id ?? '']);
    expect(text.stdout).toMatch(/^# Talking in private/);
    const json = cli.run(['consent', 'template', ...cli.data, '--id', one?.id ?? '', '--json']).json() as { body: string };
    expect(text.stdout).toBe(json.body);
  });

  it('shows status, looks up a channel and withdraws it', async () => {
    await withCliVault(cli, async (ctx, practiceId) => {
      const op = { userId: 'cli', practiceId, roles: ['operator' as const] };
      const a = await prepareAgreement(ctx, op, cli.clientId, { fields: { channels: ['email', 'sms'] } });
      await signInPerson(ctx, op, cli.clientId, a.id, { signature: { name: 'Casey Brook', method: 'typed' }, choices: { records: true, supervision: false, channels: { email: true, sms: true } }, capacity: capable });
    });
    const before = cli.run(['consent', 'lookup', ...cli.data, '--client', cli.clientId, '--channel', 'sms', '--json']);
    expect(before.code, before.stderr).toBe(0);
    const answer = before.json() as { allowed: boolean; reason: string; consent: { id: string } };
    expect(answer).toMatchObject({ allowed: true, reason: 'consented' });

    const w = cli.run(['consent', 'withdraw', ...cli.data, '--client', cli.clientId, '--consent', answer.consent.id, '--via', 'phone', '--json']);
    expect(w.code, w.stderr).toBe(0);
    expect(w.json()).toMatchObject({ state: 'withdrawn', withdrawnVia: 'phone' });
    expect(cli.run(['consent', 'lookup', ...cli.data, '--client', cli.clientId, '--channel', 'sms', '--json']).json()).toMatchObject({ allowed: false, reason: 'withdrawn' });

    const status = cli.run(['consent', 'status', ...cli.data, '--client', cli.clientId]);
    expect(status.stdout).toMatch(/Agreement: GB-ENG\/private\/adult v1 — signed/);
    expect(status.stdout).toMatch(/Channels allowed now: email/);
  });

  it('refuses bad input with one line naming the field', () => {
    const bad = cli.run(['consent', 'lookup', ...cli.data, '--client', cli.clientId, '--channel', 'pigeon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/field "channel"/);
    const missing = cli.run(['consent', 'withdraw', ...cli.data, '--client', cli.clientId]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--consent/);
    const noVia = cli.run(['consent', 'withdraw', ...cli.data, '--client', cli.clientId, '--consent', 'nope']);
    expect(noVia.code).toBe(2);
    expect(noVia.stderr).toMatch(/--via/);
    const badVia = cli.run(['consent', 'withdraw', ...cli.data, '--client', cli.clientId, '--consent', 'nope', '--via', 'pigeon']);
    expect(badVia.code).toBe(2);
    expect(badVia.stderr).toMatch(/--via/);
    const unknown = cli.run(['consent', 'withdraw', ...cli.data, '--client', cli.clientId, '--consent', 'nope', '--via', 'email']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No such consent/);
  });
});
