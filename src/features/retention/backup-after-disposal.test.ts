import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../../../test/support/api.js';
import { PASSPHRASE, type TestContext, testContext } from '../../../test/support/context.js';
import { createBackup, openBackup, restoreBackup } from '../backup/backup.service.js';
import { clientKey } from '../vault/vault.service.js';
import type { Principal } from '../../core/access.js';
import { getClient } from '../clients/clients.service.js';
import { listNotes } from '../notes/notes.service.js';
import { openRecord } from '../records/records.service.js';
import { listCertificates } from './certificate.js';
import { clientWithHistory } from './retention.test-helpers.js';

const CANARY_NAME = 'Zephyrine Cantrell-Odum';
const CANARY_NOTE = 'canary-7f3a: the lighthouse keeper dream again';

describe('a backup taken before a disposal', () => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('cannot bring the destroyed client back when restored afterwards', async () => {
    const gone = await clientWithHistory(api, { name: CANARY_NAME, dob: '1975-07-07', sessions: ['2016-02-01', '2018-02-01'], note: CANARY_NOTE });
    const kept = await clientWithHistory(api, { name: 'Kept Client', sessions: ['2026-01-05'], note: 'still here' });
    const before = await ctx.db.kysely.selectFrom('notes').select(['id', 'body_enc']).where('case_code', '=', gone.caseCode).execute();
    expect(before).toHaveLength(1);

    const backup = await createBackup(ctx, () => {});
    const payload = JSON.stringify(backup);
    expect(payload).not.toContain('Zephyrine');
    expect(payload).not.toContain('canary-7f3a');

    const res = await api.post('/api/retention/dispose', { caseCode: gone.caseCode, confirm: gone.caseCode });
    expect(res.statusCode).toBe(201);

    const tables = await openBackup(backup, { passphrase: PASSPHRASE });
    // The backup still holds the old ciphertext…
    const oldNote = tables.notes.find((r) => r.case_code === gone.caseCode) as { id: string; body_enc: string };
    const oldClient = tables.clients.find((r) => r.id === gone.id) as { identity_enc: string };
    expect(oldNote.body_enc).toBe(before[0].body_enc);
    expect(oldClient.identity_enc).toBeTruthy();
    expect('client_keys' in tables).toBe(false);

    // A restore is an operator's job with nobody signed in (live sign-in sessions point at users the restore replaces).
    await ctx.db.kysely.deleteFrom('auth_sessions').execute();
    await restoreBackup(ctx, tables, () => {});
    const operator: Principal = { userId: 'cli', practiceId: (await ctx.db.kysely.selectFrom('practices').select('id').executeTakeFirstOrThrow()).id, roles: ['operator'] };

    // …but no key that could open it exists anywhere any more.
    await expect(clientKey(ctx, ctx.db.kysely, gone.id, 'clinical')).rejects.toMatchObject({ code: 'erased' });
    await expect(clientKey(ctx, ctx.db.kysely, gone.id, 'identity')).rejects.toMatchObject({ code: 'erased' });
    const opened: string[] = [];
    const keys = [
      ...(await Promise.all((['identity', 'clinical'] as const).map((p) => clientKey(ctx, ctx.db.kysely, kept.id, p)))),
    ];
    for (const key of keys) {
      for (const [enc, ref] of [
        [oldNote.body_enc, { table: 'notes', id: oldNote.id, field: 'body', subject: gone.id }],
        [oldClient.identity_enc, { table: 'clients', id: gone.id, field: 'identity', subject: gone.id }],
      ] as const) {
        try {
          opened.push(ctx.vault.decrypt(key, enc, ref));
        } catch {
          // expected: wrong key
        }
      }
    }
    expect(opened).toEqual([]);

    // Reads of the destroyed client fail with "erased"; the rest of the practice came back.
    await expect(getClient(ctx, operator, gone.id)).rejects.toMatchObject({ code: 'erased' });
    await expect(listNotes(ctx, operator, gone.id)).rejects.toMatchObject({ code: 'erased' });
    await expect(openRecord(ctx, operator, gone.id)).rejects.toMatchObject({ code: 'erased' });
    expect((await getClient(ctx, operator, kept.id)).identity.name).toBe('Kept Client');
    const restored = await ctx.db.kysely.selectFrom('notes').select('id').where('case_code', '=', gone.caseCode).execute();
    expect(restored).toEqual([]);
    const identity = await ctx.db.kysely.selectFrom('clients').select('identity_enc').where('id', '=', gone.id).executeTakeFirstOrThrow();
    expect(identity.identity_enc).toBeNull();

    // The certificate recorded after the backup survives the restore.
    expect(await listCertificates(ctx, operator)).toEqual([expect.objectContaining({ caseCode: gone.caseCode })]);
  });
});
