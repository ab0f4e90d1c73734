import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, setUpPractice, signInClient } from '../../../test/support/api.js';
import { PASSPHRASE, type TestContext, addStaff, testContext } from '../../../test/support/context.js';
import { verifyAudit } from '../../audit/audit.service.js';
import { newDataKey, seal } from '../../crypto/envelope.js';
import { writeTx } from '../../db/tx.js';
import { enableTotp } from '../auth/auth.repository.js';
import { BACKUP_MAX_BYTES, type BackupFile } from './backup.file.js';
import { openBackup } from './backup.service.js';

describe('backups from the web app: schedule and restore', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let app: Awaited<ReturnType<typeof setUpPractice>>['app'];
  let dir: string;
  beforeEach(async () => {
    ctx = await testContext();
    ({ api, app } = await setUpPractice(ctx));
    dir = mkdtempSync(join(tmpdir(), 'sanctum-web-sched-'));
  });
  afterEach(async () => {
    await ctx.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async (table: 'clients' | 'notes') => Number((await ctx.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const restore = (client: ApiClient, backup: unknown, passphrase: string, confirm: boolean) => client.post('/api/backups/restore', { backup, passphrase, confirm });

  async function colleague(): Promise<ApiClient> {
    const practice = (await api.get('/api/practice')).json() as { id: string };
    const c = await addStaff(ctx, practice.id, ['practitioner']);
    await writeTx(ctx.db, (trx) => enableTotp(trx, c.principal.userId, 0));
    return signInClient(ctx, app, c.email, c.totpSecret);
  }

  it('an admin turns daily backups on into a folder and off again; bad folders are named', async () => {
    expect((await api.get('/api/backups/schedule')).json()).toMatchObject({ enabled: false, dir: null, lastSuccessAt: null, stopped: false });
    const bad = await api.put('/api/backups/schedule', { enabled: true, dir: 'backups' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_input', field: 'dir', message: expect.stringMatching(/full path/) } });
    const on = await api.put('/api/backups/schedule', { enabled: true, dir });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ enabled: true, dir, everyHours: 24, enabledAt: ctx.clock.now().toISOString() });
    expect((await api.put('/api/backups/schedule', { enabled: false })).json()).toMatchObject({ enabled: false, dir });
    const audited = await ctx.db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'backup.schedule%').execute();
    expect(audited.map((a) => a.action)).toEqual(['backup.schedule_on', 'backup.schedule_off']);
  });

  it('is for administrators only, and a restore body is refused before it is read', async () => {
    const other = await colleague();
    expect((await other.get('/api/backups/schedule')).statusCode).toBe(403);
    expect((await other.put('/api/backups/schedule', { enabled: true, dir })).statusCode).toBe(403);
    expect((await restore(other, {}, PASSPHRASE, false)).statusCode).toBe(403);
    expect((await new ApiClient(app).post('/api/backups/restore', {})).statusCode).toBe(401);
    const huge = await app.inject({ method: 'POST', url: '/api/backups/restore', headers: { cookie: api.cookie, 'content-type': 'application/json', 'content-length': String(BACKUP_MAX_BYTES + 100_000) }, payload: '{}' });
    expect(huge.statusCode).toBe(413);
  });

  it('shows what a restore would replace, then replaces it only when confirmed with the vault passphrase', async () => {
    const first = (await api.post('/api/clients', { name: 'Ottoline Brackenbury' })).json() as { id: string };
    expect((await api.post(`/api/clients/${first.id}/notes`, { text: 'First meeting.' })).statusCode).toBe(201);
    const backup = (await api.get('/api/backups/backup')).json() as BackupFile;
    ctx.clock.advance(60_000);
    const second = (await api.post('/api/clients', { name: 'Later Client' })).json() as { id: string };
    expect((await api.post(`/api/clients/${second.id}/notes`, { text: 'After the backup.' })).statusCode).toBe(201);

    const preview = await restore(api, backup, PASSPHRASE, false);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({ restored: false, madeAt: backup.createdAt, backup: { clients: 1, notes: 1 }, current: { clients: 2, notes: 2 }, rows: null, keptErased: null, missingKeys: null });
    expect(await count('clients')).toBe(2);

    const wrong = await restore(api, backup, 'not the vault passphrase', true);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { field: 'passphrase', message: 'That vault passphrase is not right.' } });
    expect(await count('clients')).toBe(2);

    const me = (await api.get('/api/auth/me')).json() as { user: { id: string } };
    const done = await restore(api, backup, PASSPHRASE, true);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ restored: true, backup: { clients: 1, notes: 1 }, current: { clients: 2, notes: 2 }, keptErased: 0, missingKeys: 0 });
    expect(await count('clients')).toBe(1);
    expect(await count('notes')).toBe(1);
    const audited = await ctx.db.kysely.selectFrom('audit_log').select(['action', 'actor_id', 'outcome']).where('action', '=', 'backup.restore').orderBy('seq').execute();
    expect(audited).toEqual([
      { action: 'backup.restore', actor_id: me.user.id, outcome: 'denied' },
      { action: 'backup.restore', actor_id: me.user.id, outcome: 'ok' },
    ]);
    expect((await verifyAudit(ctx.db)).ok).toBe(true);
    // A restore signs everyone out, the admin too.
    expect((await api.get('/api/backups/schedule')).statusCode).toBe(401);
  });

  it('limits guesses at the vault passphrase: after five wrong ones even the right one waits', async () => {
    const backup = (await api.get('/api/backups/backup')).json() as BackupFile;
    for (let i = 0; i < 5; i++) expect((await restore(api, backup, `wrong passphrase number ${i}`, false)).statusCode).toBe(400);
    const held = await restore(api, backup, PASSPHRASE, false);
    expect(held.statusCode).toBe(429);
    expect(held.json()).toMatchObject({ error: { code: 'rate_limited', message: 'Too many wrong vault passphrases. Try again in 1 minute.' } });
    const denied = await ctx.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'backup.restore').where('outcome', '=', 'denied').execute();
    expect(denied).toHaveLength(6);
    expect(denied[5].details).toContain('throttled');
    ctx.clock.advance(61_000);
    expect((await restore(api, backup, PASSPHRASE, false)).statusCode).toBe(200);
  });

  it('refuses a doctored or damaged backup with a message naming the problem', async () => {
    const backup = (await api.get('/api/backups/backup')).json() as BackupFile;
    const greedy = { ...backup, sealedMaster: { ...backup.sealedMaster, kdf: { ...backup.sealedMaster.kdf!, iterations: 1_000_000 } } };
    const g = await restore(api, greedy, PASSPHRASE, false);
    expect(g.statusCode).toBe(400);
    expect(g.json()).toMatchObject({ error: { field: 'in', message: expect.stringMatching(/key-derivation settings Sanctum never uses/) } });

    const tables = await openBackup(backup, { passphrase: PASSPHRASE });
    const { audit_head: _gone, ...headless } = tables;
    const key = newDataKey();
    const payload = seal(key, Buffer.from(gzipSync(Buffer.from(JSON.stringify(headless)))), Buffer.from('sanctum-backup\0v1', 'utf8'));
    const noHead = await restore(api, { ...backup, wrappedBackupKey: ctx.vault.wrapBackupKey(key), payload }, PASSPHRASE, true);
    expect(noHead.statusCode).toBe(400);
    expect(noHead.json()).toMatchObject({ error: { message: expect.stringMatching(/no audit-chain head \(the audit_head row\)/) } });

    const cut = await restore(api, { ...backup, payload: backup.payload.slice(0, 100) }, PASSPHRASE, true);
    expect(cut.statusCode).toBe(400);
    expect(cut.json()).toMatchObject({ error: { message: expect.stringMatching(/damaged or incomplete/) } });
    expect(await count('clients')).toBe(0);
  });
});
