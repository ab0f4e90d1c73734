import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice, signInClient, totpNow } from '../../../test/support/api.js';
import { PASSPHRASE, PASSWORD, type TestContext, addStaff, testContext } from '../../../test/support/context.js';
import { verifyAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import { createApp } from '../../http/app.js';
import { enableTotp } from '../auth/auth.repository.js';
import { type BackupFile, openBackup, restoreBackup } from '../backup/backup.service.js';
import { eraseClient } from '../clients/clients.service.js';
import { unsealVault } from '../vault/vault.service.js';
import { parseKeyStore } from './keystore.js';
import { installKeyStore, verifyKeyStore } from './keystore.service.js';

const NOTE = 'We agreed to meet fortnightly over the summer.';

describe('backups page API', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let totpSecret: string;
  let email: string;
  let app: Awaited<ReturnType<typeof setUpPractice>>['app'];
  const others: TestContext[] = [];
  beforeEach(async () => {
    ctx = await testContext();
    ({ api, app, totpSecret, email } = await setUpPractice(ctx));
  });
  afterEach(async () => {
    for (const c of others.splice(0)) await c.cleanup();
    await ctx.cleanup();
  });

  it('downloads both files as attachments, audited, and shows when each was made', async () => {
    const before = (await api.get('/api/backups')).json();
    expect(before).toMatchObject({ backup: { lastMadeAt: null }, keyStore: { lastMadeAt: null, upToDate: false } });

    const backup = await api.get('/api/backups/backup');
    expect(backup.statusCode).toBe(200);
    expect(backup.headers['content-disposition']).toBe('attachment; filename="sanctum-backup-2026-11-02.json"');
    expect(backup.headers['cache-control']).toBe('no-store');
    expect(backup.json()).toMatchObject({ format: 'sanctum-backup', v: 1 });

    const keys = await api.get('/api/backups/keystore');
    expect(keys.statusCode).toBe(200);
    expect(keys.headers['content-disposition']).toBe('attachment; filename="sanctum-keys-2026-11-02.json"');
    expect(keys.json()).toMatchObject({ format: 'sanctum-keystore', v: 1 });

    const after = (await api.get('/api/backups')).json() as { backup: { lastMadeAt: string }; keyStore: { lastMadeAt: string; upToDate: boolean } };
    expect(after.backup.lastMadeAt).toBe(ctx.clock.now().toISOString());
    expect(after.keyStore).toMatchObject({ lastMadeAt: ctx.clock.now().toISOString(), via: 'export', upToDate: true });

    const me = (await api.get('/api/auth/me')).json() as { user: { id: string } };
    const audited = await ctx.db.kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('action', 'in', ['backup.create', 'keys.export']).execute();
    expect(audited).toEqual([{ action: 'backup.create', actor_id: me.user.id }, { action: 'keys.export', actor_id: me.user.id }]);
  });

  it('warns that the key-store copy is out of date after a client is destroyed', async () => {
    const { id } = (await api.post('/api/clients', { name: 'Soon Gone' })).json() as { id: string };
    await api.get('/api/backups/keystore');
    ctx.clock.advance(60_000);
    const practice = (await api.get('/api/practice')).json() as { id: string };
    await eraseClient(ctx, { userId: 'cli', practiceId: practice.id, roles: ['operator'] }, id, 'erasure_request');
    expect((await api.get('/api/backups')).json()).toMatchObject({ keyStore: { disposalsSince: 1, upToDate: false } });
    await api.get('/api/backups/keystore');
    expect((await api.get('/api/backups')).json()).toMatchObject({ keyStore: { disposalsSince: 0, upToDate: true } });
  });

  it('makes nothing while the vault is sealed', async () => {
    ctx.vault.seal();
    for (const path of ['/api/backups/backup', '/api/backups/keystore']) {
      const res = await api.get(path);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: { code: 'sealed' } });
    }
    expect(await ctx.db.kysely.selectFrom('recovery_copies').selectAll().execute()).toEqual([]);
  });

  it('is for administrators only', async () => {
    const practice = (await api.get('/api/practice')).json() as { id: string };
    const colleague = await addStaff(ctx, practice.id, ['practitioner']);
    await writeTx(ctx.db, (trx) => enableTotp(trx, colleague.principal.userId, 0));
    const other = await signInClient(ctx, app, colleague.email, colleague.totpSecret);
    for (const path of ['/api/backups', '/api/backups/backup', '/api/backups/keystore']) {
      expect((await other.get(path)).statusCode).toBe(403);
      expect((await new ApiClient(app).get(path)).statusCode).toBe(401);
    }
    expect(await ctx.db.kysely.selectFrom('recovery_copies').selectAll().execute()).toEqual([]);
  });

  it('the two downloads recover the practice on a new machine: sign in as before and open a client', async () => {
    const { id } = (await api.post('/api/clients', { name: 'Rosalind Achterberg', email: 'r@example.org' })).json() as { id: string };
    expect((await api.post(`/api/clients/${id}/notes`, { text: NOTE })).statusCode).toBe(201);
    const keys = (await api.get('/api/backups/keystore')).body;
    const backup = (await api.get('/api/backups/backup')).json() as BackupFile;

    // The laptop is gone; a new one, an empty data folder, the two files and the passphrase.
    ctx.clock.advance(120_000);
    const fresh = await testContext({ clock: ctx.clock.now().toISOString() });
    others.push(fresh);
    const file = parseKeyStore(keys);
    await verifyKeyStore(file, { passphrase: PASSPHRASE });
    await installKeyStore(fresh, file, { id: 'cli' });
    await unsealVault(fresh, { passphrase: PASSPHRASE }, { id: 'cli' });
    await restoreBackup(fresh, await openBackup(backup, { passphrase: PASSPHRASE }), () => {});
    fresh.vault.seal();

    // Serve: the vault starts sealed, is unlocked with the passphrase, and the same account signs in.
    const app2 = await createApp(fresh);
    const web = new ApiClient(app2);
    expect((await web.post('/api/vault/unseal', { passphrase: PASSPHRASE })).statusCode).toBe(200);
    fresh.clock.advance(31_000);
    const signIn = await web.post('/api/auth/signin', { email, password: PASSWORD, code: totpNow(totpSecret, fresh.clock.now()) });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const record = (await web.get(`/api/clients/${id}/record`)).json() as { client: { identity: { name: string; email: string } }; notes: { text: string }[] };
    expect(record.client.identity).toMatchObject({ name: 'Rosalind Achterberg', email: 'r@example.org' });
    expect(record.notes.map((n) => n.text)).toEqual([NOTE]);
    expect(await verifyAudit(fresh.db)).toMatchObject({ ok: true });
    expect((await web.get('/api/backups')).json()).toMatchObject({ backup: { lastMadeAt: null }, keyStore: { via: 'import', upToDate: true } });
    await app2.close();
  });

  it('a set-up attempt between importing the keys and restoring the backup says to finish the restore', async () => {
    const keys = (await api.get('/api/backups/keystore')).body;
    const fresh = await testContext({ clock: ctx.clock.now().toISOString() });
    others.push(fresh);
    await installKeyStore(fresh, parseKeyStore(keys), { id: 'cli' });
    const app2 = await createApp(fresh);
    const res = await new ApiClient(app2).post('/api/setup', { passphrase: PASSPHRASE, displayName: 'Someone', email: 'someone@example.org', password: PASSWORD });
    expect(res.statusCode).toBe(503);
    expect((res.json() as { error: { message: string } }).error.message).toMatch(/sanctum restore/);
    await app2.close();
  });
});

