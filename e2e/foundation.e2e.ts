import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { screenshot } from './support/screenshot.js';
import { type RunningServer, startServer } from './support/server.js';
import { freshTotpCode } from './support/totp.js';

// One practitioner's first day, in order: each step starts where the previous one left off.
const PRACTICE = 'Riverside Counselling';
const EMAIL = 'm.okafor@riverside.example';
const PASSWORD = 'lantern orchard violet 42 drift';
const PASSPHRASE = 'copper kettle under the stair, nine lamps';

let server: RunningServer;
let b: BrowserSession;
let page: Page;
let secret = '';

const heading = (p: Page) => p.locator('main h1');

describe('foundation: set-up to a signed note and its access history', () => {
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser();
    page = b.page;
  });
  afterAll(async () => {
    await b?.close();
    await server?.destroy();
  });

  it('first run shows set-up, which is accessible and explains the passphrase', async () => {
    await page.goto(server.url);
    await expect.poll(() => heading(page).textContent()).toBe('Set up your practice');
    expect(await page.getByText('cannot be recovered or reset').count()).toBe(1);
    await expectNoAxeViolations(page, 'set-up');
    await screenshot(page, '01-setup');
  });

  it('set-up refuses mismatched passphrases with an error tied to the field', async () => {
    await page.getByLabel('Practice name').fill(PRACTICE);
    await page.getByLabel('Where you practise').selectOption('GB-ENG');
    await page.getByLabel('Your name').fill('Maya Okafor');
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Vault passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Vault passphrase again').fill(`${PASSPHRASE}x`);
    await page.getByRole('button', { name: 'Create practice and continue' }).click();
    const again = page.getByLabel('Vault passphrase again');
    await expect.poll(() => again.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await again.getAttribute('aria-describedby')) ?? '';
    const error = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
    expect(error).toContain('not the same');
    await expectNoAxeViolations(page, 'set-up with an error');
    await screenshot(page, '02-setup-error');
  });

  it('set-up creates the practice and leads to second-factor enrolment', async () => {
    await page.getByLabel('Vault passphrase again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create practice and continue' }).click();
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Set up your second factor');
    secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBeGreaterThanOrEqual(8);
    expect(await page.getByRole('img', { name: /QR code/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'second-factor enrolment');
    await screenshot(page, '03-enrol');
  });

  it('confirming a current code opens the empty caseload', async () => {
    await page.getByLabel('I have saved my recovery codes somewhere safe').check();
    await page.getByLabel('6-digit code from your app').fill(await freshTotpCode(secret));
    await page.getByRole('button', { name: 'Confirm and open Sanctum' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Caseload');
    expect(await page.locator('header').getByText(PRACTICE).count()).toBe(1);
    expect(await page.locator('header').getByText('Maya Okafor').count()).toBe(1);
    await expectNoAxeViolations(page, 'empty caseload');
    await screenshot(page, '04-caseload-empty');
  });

  it('signing out returns to sign-in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');
    expect(await page.getByText('You have signed out.').count()).toBe(1);
    await expectNoAxeViolations(page, 'sign-in');
    await screenshot(page, '05-signin');
  });

  it('sign-in works with the keyboard alone, with a visible focus ring', async () => {
    await page.reload();
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await tabUntil(page, 'email');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
    await page.keyboard.type(EMAIL);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('code');
    await page.keyboard.type(await freshTotpCode(secret));
    await screenshot(page, '06-signin-keyboard');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Caseload');
  });

  it('adds a client and opens the record with identity apart from notes', async () => {
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByLabel('Full name').fill('Jordan Ellis');
    await page.getByLabel('Pronouns').fill('they/them');
    await page.getByLabel('Email').fill('jordan.ellis@example.org');
    await page.getByLabel('GP or primary care provider').fill('Dr A. Shah, Riverside Surgery');
    await expectNoAxeViolations(page, 'add-client form');
    await screenshot(page, '07-add-client');
    await page.getByRole('button', { name: 'Add client' }).last().click();
    await expect.poll(() => heading(page).textContent()).toBe('Jordan Ellis');
    const identity = page.getByRole('complementary', { name: 'Identity and contact' });
    const notes = page.getByRole('region', { name: 'Clinical notes' });
    expect(await identity.getByText('Dr A. Shah, Riverside Surgery').count()).toBe(1);
    expect(await notes.getByText('Dr A. Shah').count()).toBe(0);
    await expectNoAxeViolations(page, 'client record');
  });

  it('writes a draft, edits it, and signs it after a confirmation', async () => {
    await page.getByRole('button', { name: 'Write a note' }).click();
    expect(await page.getByText('stronger protection').count()).toBe(1);
    await page.getByLabel('Note', { exact: true }).fill('First session. Agreed contract and fortnightly sessions.');
    await expectNoAxeViolations(page, 'note composer');
    await screenshot(page, '08a-note-composer');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.locator('.note-draft').count()).toBe(1);
    await page.getByRole('button', { name: 'Edit draft' }).click();
    await page.getByLabel('Draft text').fill('First session. Agreed contract and weekly sessions for eight weeks.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('weekly sessions for eight weeks').count()).toBe(1);
    await page.getByRole('button', { name: 'Sign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign this note?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByText('Signing locks the note').count()).toBe(1);
    await expectNoAxeViolations(page, 'sign confirmation');
    await screenshot(page, '08-sign-dialog');
    await dialog.getByRole('button', { name: 'Sign and lock' }).click();
    await expect.poll(() => page.locator('.note-signed').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Edit draft' }).count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'Note signed and locked.' }).count()).toBe(1);
  });

  it('adds an addendum beneath the signed note', async () => {
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await page.getByRole('textbox', { name: 'Addendum' }).fill('Client asked to move to Thursday mornings.');
    await page.getByRole('form', { name: 'Add addendum' }).getByRole('button', { name: 'Add addendum' }).click();
    await expect.poll(() => page.locator('.addendum').count()).toBe(1);
    expect(await page.locator('.note-signed').getByText('Thursday mornings').count()).toBe(1);
    await expectNoAxeViolations(page, 'record with a signed note');
    await screenshot(page, '09-record');
  });

  it('records a session on the Sessions tab', async () => {
    await page.getByRole('navigation', { name: 'Record sections' }).getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('button', { name: 'Record a session' }).click();
    await page.getByLabel('How').selectOption('video');
    await page.getByRole('button', { name: 'Save session' }).click();
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(1);
    expect(await page.locator('table tbody').getByText('Video').count()).toBe(1);
    await expectNoAxeViolations(page, 'sessions');
    await screenshot(page, '10-sessions');
  });

  it('shows the access history, newest first, with the reads and the signing', async () => {
    await page.getByRole('navigation', { name: 'Record sections' }).getByRole('link', { name: 'Access history' }).click();
    const rows = page.getByTestId('access-log').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    const what = await rows.locator('td:nth-child(3)').allTextContents();
    expect(what).toContain('Opened the record');
    expect(what).toContain('Signed a note');
    expect(what).toContain('Added an addendum');
    expect(what.indexOf('Added an addendum')).toBeLessThan(what.indexOf('Signed a note'));
    expect(what.indexOf('Signed a note')).toBeLessThan(what.lastIndexOf('Opened the record'));
    const who = await rows.locator('td:nth-child(2)').allTextContents();
    expect(who.filter((w) => w === 'Maya Okafor').length).toBe(who.length);
    await expectNoAxeViolations(page, 'access history');
    await screenshot(page, '11-access-history');
  });

  it('after a restart the vault is sealed: unlock, and the record is still there', async () => {
    await server.stop();
    server = await startServer({ reuse: { dataDir: server.dataDir, databaseUrl: server.databaseUrl } });
    await page.goto(server.url);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Unlock the vault');
    await expectNoAxeViolations(page, 'unlock');
    await page.getByLabel('Vault passphrase').fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Unlock' }).click();
    const field = page.getByLabel('Vault passphrase');
    await expect.poll(() => field.getAttribute('aria-invalid'), { timeout: 30_000 }).toBe('true');
    expect(await page.getByText('passphrase or key file is not right').count()).toBe(1);
    await screenshot(page, '12-unlock-error');
    await page.getByLabel('Vault passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    // The sign-in session outlives a restart (it is stored server-side), so the caseload opens.
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Caseload');
    await expect.poll(() => page.getByRole('link', { name: 'Jordan Ellis' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'caseload with a client');
    await screenshot(page, '13-caseload');
  });
});

async function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);
}
async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
}
async function tabUntil(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`keyboard focus never reached ${name}`);
}
