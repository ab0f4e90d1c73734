import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { screenshot } from './support/screenshot.js';
import { type RunningServer, freshDatabase, startServer } from './support/server.js';
import { PRACTICE, setUpPracticeViaApi } from './support/practice.js';
import { freshTotpCode } from './support/totp.js';

// The practice admin makes the two recovery files from the Backups page; later a client's record
// is destroyed and the page says the key-store copy is out of date.
let server: RunningServer;
let b: BrowserSession;
let page: Page;
let dueCase = '';
let totpSecret = '';
const files = { backup: '', keys: '' };
let restored: RunningServer | undefined;
let newComputer = '';
const NOTE = 'Second session: talked through the house move and sleep.';

const heading = (p: Page) => p.locator('main h1');
const SLOW = { timeout: 15_000 };
const NAMES = ['Perpetua Lindqvist', 'Aurelio Famuyiwa'];

async function downloaded(click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download', SLOW), click()])) as [Download, void];
  return { name: download.suggestedFilename(), text: readFileSync((await download.path()) as string, 'utf8') };
}

describe('backups page', () => {
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser();
    page = b.page;
    const req = page.request;
    totpSecret = await setUpPracticeViaApi(req, server.url);
    const post = async (path: string, data: unknown) => (await req.post(`${server.url}${path}`, { data })).json() as Promise<{ id: string; caseCode: string }>;
    const kept = await post('/api/clients', { name: NAMES[0] });
    await post(`/api/clients/${kept.id}/notes`, { text: NOTE });
    const old = await post('/api/clients', { name: NAMES[1], dob: '1970-05-05' });
    await post(`/api/clients/${old.id}/sessions`, { date: '2016-03-01', durationMinutes: 50, modality: 'in_person', attendance: 'attended' });
    expect((await req.post(`${server.url}/api/clients/${old.id}/status`, { data: { status: 'closed' } })).status()).toBe(204);
    dueCase = old.caseCode;
  });
  afterAll(async () => {
    await b?.close();
    await server?.destroy();
    await restored?.destroy();
    if (newComputer) rmSync(newComputer, { recursive: true, force: true });
  });

  it('an admin finds the page in the navigation; it says there is no key-store file yet', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Practice administration' }).getByRole('link', { name: 'Backups' }).click();
    await expect.poll(() => heading(page).textContent(), SLOW).toBe('Backups');
    await expect.poll(() => page.getByTestId('keystore-missing').count(), SLOW).toBe(1);
    expect(await page.getByTestId('backup-last').textContent()).toBe('No backup has been made on this computer yet.');
    expect(await page.getByText('This file and your vault passphrase together open everything.').count()).toBe(1);
    expect(await page.getByText('npx sanctum keys import', { exact: false }).count()).toBe(1);
    await expectNoAxeViolations(page, 'backups, nothing made');
    await screenshot(page, 'backups-01-none');
  });

  it('downloads an encrypted backup and a key-store file, and shows when each was made', async () => {
    const backup = await downloaded(() => page.getByRole('button', { name: 'Download a backup' }).click());
    files.backup = backup.text;
    expect(backup.name).toMatch(/^sanctum-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'sanctum-backup', v: 1 });
    await expect.poll(() => page.getByTestId('backup-last').textContent(), SLOW).toMatch(/^Last made /);

    const keys = await downloaded(() => page.getByRole('button', { name: 'Download a key-store file' }).click());
    expect(keys.name).toMatch(/^sanctum-keys-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(keys.text) as { format: string; clientKeys: unknown[] };
    expect(doc.format).toBe('sanctum-keystore');
    expect(doc.clientKeys).toHaveLength(4);
    for (const text of [backup.text, keys.text]) for (const name of NAMES) expect(text).not.toContain(name.split(' ')[1]);
    await expect.poll(() => page.getByTestId('keystore-last').textContent(), SLOW).toMatch(/^Last made /);
    expect(await page.getByTestId('keystore-missing').count()).toBe(0);
    expect(await page.getByTestId('keystore-stale').count()).toBe(0);
    await expectNoAxeViolations(page, 'backups, both made');
    await screenshot(page, 'backups-02-made');
  });

  it('says the key-store copy is out of date once a client has been destroyed', async () => {
    const res = await page.request.post(`${server.url}/api/retention/dispose`, { data: { caseCode: dueCase, confirm: dueCase } });
    expect(res.status()).toBe(201);
    await page.reload();
    await expect.poll(() => page.getByTestId('keystore-stale').count(), SLOW).toBe(1);
    const warning = await page.getByTestId('keystore-stale').textContent();
    expect(warning).toContain('Your key-store copy is out of date.');
    expect(warning).toContain('1 client was destroyed.');
    await expectNoAxeViolations(page, 'backups, stale key store');
    await screenshot(page, 'backups-03-stale');

    files.keys = (await downloaded(() => page.getByRole('button', { name: 'Download a key-store file' }).click())).text;
    await expect.poll(() => page.getByTestId('keystore-stale').count(), SLOW).toBe(0);
  });

  it('the two files bring the practice back on a new computer: import, restore, serve, unlock, sign in, read the note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sanctum-e2e-new-'));
    newComputer = dir;
    writeFileSync(join(dir, 'keys.json'), files.keys);
    writeFileSync(join(dir, 'backup.json'), files.backup);
    const dataDir = join(dir, 'data');
    const databaseUrl = await freshDatabase();
    const env: NodeJS.ProcessEnv = { ...process.env, SANCTUM_PASSPHRASE: PRACTICE.passphrase };
    delete env.DATABASE_URL;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    if (inject('serverFromSource')) env.SANCTUM_FROM_SOURCE = '1';
    for (const args of [['keys', 'import', '--in', join(dir, 'keys.json')], ['restore', '--in', join(dir, 'backup.json')]]) {
      const res = spawnSync(process.execPath, ['bin/sanctum.js', ...args, '--data', dataDir], { env, encoding: 'utf8', timeout: 60_000 });
      expect(res.status, res.stderr).toBe(0);
    }
    restored = await startServer({ reuse: { dataDir, databaseUrl } });

    const fresh = await b.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
    const p = await fresh.newPage();
    await p.goto(restored.url);
    await expect.poll(() => heading(p).textContent(), { timeout: 30_000 }).toBe('Unlock the vault');
    await p.getByLabel('Vault passphrase').fill(PRACTICE.passphrase);
    await p.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => heading(p).textContent(), { timeout: 30_000 }).toBe('Sign in');
    await p.getByLabel('Email address').fill(PRACTICE.email);
    await p.getByLabel('Password').fill(PRACTICE.password);
    await p.getByLabel('6-digit code').fill(await freshTotpCode(totpSecret));
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => heading(p).textContent(), { timeout: 30_000 }).toBe('Caseload');
    await expect.poll(() => p.getByRole('link', { name: NAMES[0] }).count(), SLOW).toBe(1);
    expect(await p.getByRole('link', { name: NAMES[1] }).count()).toBe(0);
    await p.getByRole('link', { name: NAMES[0] }).click();
    await expect.poll(() => p.getByText(NOTE).count(), SLOW).toBeGreaterThan(0);
    await screenshot(p, 'backups-04-restored-record');
    await p.goto(`${restored.url}/backups`);
    await expect.poll(() => p.getByTestId('keystore-last').textContent(), SLOW).toMatch(/the copy this computer was restored from/);
    await expectNoAxeViolations(p, 'backups on the restored computer');
    await fresh.close();
  });

  it('turns on daily backups into a folder, and restores this computer from a backup after a confirmation naming what it replaces', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sanctum-e2e-drive-'));
    const backupPath = join(folder, 'chosen-backup.json');
    writeFileSync(backupPath, files.backup);
    try {
      await page.goto(`${server.url}/backups`);
      await page.getByLabel('Backup folder').fill(folder);
      await page.getByRole('button', { name: 'Turn on daily backups' }).click();
      await expect.poll(() => page.getByTestId('schedule-state').textContent(), SLOW).toMatch(/^Daily backups are on\./);

      await page.getByLabel('Backup file').setInputFiles(backupPath);
      await page.getByLabel('Vault passphrase').fill(PRACTICE.passphrase);
      await page.getByRole('button', { name: 'Check this backup' }).click();
      const dialog = page.getByRole('dialog', { name: 'Replace every record with this backup?' });
      await expect.poll(() => dialog.isVisible(), SLOW).toBe(true);
      const said = (await dialog.textContent()) ?? '';
      expect(said).toMatch(/The backup was made \d{1,2} \w+ \d{4} at \d{2}:\d{2} \S+ and holds 2 clients and 1 note\./);
      expect(said).toContain('It will replace what is here now: 2 clients and 1 note.');
      await expectNoAxeViolations(page, 'backups, restore confirmation');
      await screenshot(page, 'backups-05-restore-confirm');
      await dialog.getByRole('button', { name: 'Replace the records' }).click();
      await expect.poll(() => page.getByTestId('restore-done').count(), SLOW).toBe(1);
      expect(await page.getByTestId('restore-done').textContent()).toMatch(/^Restored the backup made .*: 2 clients, 1 note\. Sign in again to continue\.$/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
