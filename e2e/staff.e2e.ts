import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import type { BrowserSession } from './support/browser.js';
import { addClientViaApi, enrolColleague, startSignedIn, stopAll } from './support/practice.js';
import { screenshot } from './support/screenshot.js';
import type { RunningServer } from './support/server.js';
import { freshTotpCode } from './support/totp.js';

// A practice manager looks after a colleague's account: roles, disabling when they leave and
// back again, unlocking after failed sign-ins, and resetting a lost second factor, after which
// the colleague enrols again on the same screen a new colleague sees.
const COLLEAGUE = { displayName: 'Tomasz Brennan', email: 'tomasz@riverside.example', password: 'harbour quiet meadow 77 kite' };

let server: RunningServer;
let b: BrowserSession;
let page: Page;
let tomaszContext: BrowserContext;
let tomasz: Page;
let tomaszSecret = '';

const heading = (p: Page) => p.locator('main h1, .gate-card h1').first();
const row = (p: Page) => p.getByTestId('team').locator('tbody tr', { hasText: COLLEAGUE.displayName });
const panel = (p: Page) => p.getByRole('region', { name: `Manage ${COLLEAGUE.displayName}` });

async function signInAsTomasz(code: string | null): Promise<void> {
  await tomasz.goto(server.url);
  await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Sign in');
  await tomasz.getByLabel('Email address').fill(COLLEAGUE.email);
  await tomasz.getByLabel('Password').fill(COLLEAGUE.password);
  if (code) await tomasz.getByLabel('6-digit code').fill(code);
  await tomasz.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('staff accounts: disable, unlock and reset a colleague', () => {
  beforeAll(async () => {
    ({ server, b, page } = await startSignedIn());
    // The colleague enrols and takes on a client through the API, in their own browser.
    ({ context: tomaszContext, page: tomasz, totpSecret: tomaszSecret } = await enrolColleague(page.request, server.url, b, COLLEAGUE));
    await addClientViaApi(tomasz.request, server.url, { name: 'Robin Hale' });
  });
  afterAll(async () => {
    await tomaszContext?.close();
    await stopAll(b, server);
  });

  it('shows each colleague with a status and the clients they hold', async () => {
    await page.goto(`${server.url}/team`);
    await expect.poll(() => row(page).count()).toBe(1);
    expect(await row(page).textContent()).toContain('Active');
    expect(await row(page).textContent()).toContain('1 open');
    await expectNoAxeViolations(page, 'team with status');
    await screenshot(page, 'staff-01-team');
  });

  it('gives and takes away the admin role from the manage panel', async () => {
    await row(page).getByRole('button', { name: `Manage ${COLLEAGUE.displayName}` }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Manage ${COLLEAGUE.displayName}`);
    await expectNoAxeViolations(page, 'manage panel');
    await screenshot(page, 'staff-02-manage');
    await panel(page).getByLabel('Admin').check();
    await panel(page).getByRole('button', { name: 'Save name and roles' }).click();
    await expect.poll(() => row(page).locator('td').nth(1).textContent()).toBe('Practitioner, Admin');
    await panel(page).getByLabel('Admin').uncheck();
    await panel(page).getByRole('button', { name: 'Save name and roles' }).click();
    await expect.poll(() => row(page).locator('td').nth(1).textContent()).toBe('Practitioner');
  });

  it('disables the colleague after a warning about their caseload: they are signed out and cannot sign in', async () => {
    await tomasz.goto(server.url);
    await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Caseload');

    await panel(page).getByRole('button', { name: 'Disable account…' }).click();
    const dialog = page.getByRole('dialog', { name: `Disable ${COLLEAGUE.displayName}'s account?` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('holds 1 open client');
    expect(await dialog.textContent()).toContain('Disabling does not move them');
    await dialog.getByLabel('Why').selectOption('left_practice');
    await expectNoAxeViolations(page, 'disable confirmation');
    await screenshot(page, 'staff-03-disable-confirm');
    await dialog.getByRole('button', { name: 'Disable account' }).click();
    await expect.poll(() => row(page).textContent()).toContain('Disabled');
    expect(await row(page).textContent()).toContain('1 open');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Re-enable account');
    await expectNoAxeViolations(page, 'disabled colleague');
    await screenshot(page, 'staff-04-disabled');

    // Their open tab loses its session at once.
    await tomasz.reload();
    await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Sign in');
    await signInAsTomasz(await freshTotpCode(tomaszSecret));
    await expect.poll(() => tomasz.getByRole('alert').textContent()).toContain('not right');
    await screenshot(tomasz, 'staff-05-disabled-signin-refused');
  });

  it('re-enables the account', async () => {
    await panel(page).getByRole('button', { name: 'Re-enable account' }).click();
    await expect.poll(() => row(page).textContent()).toContain('Active');
  });

  it('unlocks an account locked by failed sign-ins, with a reason', async () => {
    for (let i = 0; i < 5; i++) await tomasz.request.post(`${server.url}/api/auth/signin`, { data: { email: COLLEAGUE.email, password: 'not the right password at all', code: '000000' } });
    await signInAsTomasz(await freshTotpCode(tomaszSecret));
    await expect.poll(() => tomasz.getByRole('alert').textContent()).toContain('locked');

    await page.reload();
    await expect.poll(() => row(page).textContent()).toMatch(/Locked\s*until/);
    await row(page).getByRole('button', { name: `Manage ${COLLEAGUE.displayName}` }).click();
    await expect.poll(() => panel(page).getByText(/after 5 failed sign-ins/).count()).toBe(1);
    await panel(page).getByLabel('Why you are unlocking').selectOption('identity_verified');
    await expectNoAxeViolations(page, 'unlock');
    await screenshot(page, 'staff-06-locked');
    await panel(page).getByRole('button', { name: 'Unlock account' }).click();
    await expect.poll(() => row(page).textContent()).toContain('Active');
    expect(await panel(page).getByRole('button', { name: 'Unlock account' }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Manage ${COLLEAGUE.displayName}`);

    await signInAsTomasz(await freshTotpCode(tomaszSecret));
    await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Caseload');
  });

  it('resets the second factor: new codes shown once, the colleague signed out and enrolled again', async () => {
    await panel(page).getByRole('button', { name: 'Reset second factor…' }).click();
    const dialog = page.getByRole('dialog', { name: `Reset ${COLLEAGUE.displayName}'s second factor?` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('Why').selectOption('lost_device');
    await expectNoAxeViolations(page, 'reset confirmation');
    await dialog.getByRole('button', { name: 'Reset second factor' }).click();
    const codes = page.getByTestId('reset-recovery-codes').locator('li');
    await expect.poll(() => codes.count()).toBe(10);
    const firstCode = ((await codes.first().textContent()) ?? '').trim();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`New recovery codes for ${COLLEAGUE.displayName}`);
    await expectNoAxeViolations(page, 'new recovery codes after reset');
    await screenshot(page, 'staff-07-reset-codes');
    await page.getByRole('button', { name: 'I have handed them over' }).click();
    await expect.poll(() => row(page).textContent()).toContain('Not yet enrolled');

    // Tomasz was signed out; his password now leads to the enrolment a new colleague sees.
    await tomasz.reload();
    await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Sign in');
    await signInAsTomasz(null);
    await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Set up your second factor');
    const secret = ((await tomasz.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).not.toBe(tomaszSecret);
    // His recovery codes went to the admin: the screen says so instead of showing codes, and how
    // to make new ones once he is in.
    expect(await tomasz.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['1. Add Sanctum to your authenticator app', '2. Your recovery codes', '3. Confirm']);
    expect(await tomasz.getByTestId('recovery-shown-once').textContent()).toMatch(/handed to you by your practice admin/);
    await expectNoAxeViolations(tomasz, 're-enrolment');
    await screenshot(tomasz, 'staff-08-re-enrol');
    await tomasz.getByLabel('6-digit code from your app').fill(await freshTotpCode(secret));
    await tomasz.getByRole('button', { name: 'Confirm and open Sanctum' }).click();
    await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Caseload');
    // The heading renders before the caseload has loaded.
    await expect.poll(() => tomasz.getByText('Robin Hale').count(), { timeout: 30_000 }).toBe(1);

    // The new recovery code works for him; the team page shows him active again.
    await tomasz.getByRole('button', { name: 'Sign out' }).click();
    const rc = await tomasz.request.post(`${server.url}/api/auth/signin`, { data: { email: COLLEAGUE.email, password: COLLEAGUE.password, recoveryCode: firstCode } });
    expect(((await rc.json()) as { stage: string }).stage).toBe('full');
    await page.reload();
    await expect.poll(() => row(page).textContent()).toContain('Active');
  });

  it('offers no sign-in actions on your own account', async () => {
    await page.getByTestId('team').locator('tbody tr', { hasText: 'Maya Okafor' }).getByRole('button', { name: 'Manage Maya Okafor' }).click();
    const own = page.getByRole('region', { name: 'Manage Maya Okafor' });
    expect(await own.getByText('You cannot disable, unlock or reset your own account').count()).toBe(1);
    expect(await own.getByRole('button', { name: /Disable|Reset/ }).count()).toBe(0);
    await own.getByLabel('Admin').uncheck();
    await own.getByRole('button', { name: 'Save name and roles' }).click();
    await expect.poll(() => own.getByRole('alert').textContent()).toContain('only active admin');
    await expectNoAxeViolations(page, 'own account');
    await screenshot(page, 'staff-09-own-account');
  });
});
