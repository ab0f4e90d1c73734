import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import type { BrowserSession } from './support/browser.js';
import { addClientViaApi, enrolColleague, startSignedIn, stopAll } from './support/practice.js';
import { screenshot } from './support/screenshot.js';
import type { RunningServer } from './support/server.js';
import { freshTotpCode } from './support/totp.js';

// A practitioner changes their own password from the account page; later they forget it, the
// practice manager resets it, hands over the temporary one, and at the next sign-in the
// practitioner must choose a new password before their caseload opens.
const COLLEAGUE = { displayName: 'Tomasz Brennan', email: 'tomasz@riverside.example', password: 'harbour quiet meadow 77 kite' };
const CHANGED = 'pebble lighthouse saffron 31 wren';
const CHOSEN = 'willow ferry amber 58 thistle';

let server: RunningServer;
let b: BrowserSession;
let page: Page;
let tomaszContext: BrowserContext;
let tomasz: Page;
let tomaszSecret = '';

const heading = (p: Page) => p.locator('main h1, .gate-card h1').first();
const row = (p: Page) => p.getByTestId('team').locator('tbody tr', { hasText: COLLEAGUE.displayName });
const panel = (p: Page) => p.getByRole('region', { name: `Manage ${COLLEAGUE.displayName}` });

async function signInAsTomasz(password: string): Promise<void> {
  await tomasz.goto(server.url);
  await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Sign in');
  await tomasz.getByLabel('Email address').fill(COLLEAGUE.email);
  await tomasz.getByLabel('Password', { exact: true }).fill(password);
  await tomasz.getByLabel('6-digit code').fill(await freshTotpCode(tomaszSecret));
  await tomasz.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('passwords: changing your own, and an admin resetting a forgotten one', () => {
  beforeAll(async () => {
    ({ server, b, page } = await startSignedIn());
    ({ context: tomaszContext, page: tomasz, totpSecret: tomaszSecret } = await enrolColleague(page.request, server.url, b, COLLEAGUE));
    await addClientViaApi(tomasz.request, server.url, { name: 'Robin Hale' });
  });
  afterAll(async () => {
    await tomaszContext?.close();
    await stopAll(b, server);
  });

  it('a practitioner changes their own password from the account page and signs in with the new one', async () => {
    await tomasz.goto(server.url);
    await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Caseload');
    await tomasz.getByRole('link', { name: /Tomasz Brennan/ }).click();
    await expect.poll(() => heading(tomasz).textContent()).toBe('Your account');
    await expectNoAxeViolations(tomasz, 'account page');
    await screenshot(tomasz, 'password-01-account');

    const form = tomasz.getByRole('region', { name: 'Change your password' });
    await form.getByLabel('Current password').fill('not my password at all');
    await form.getByLabel('New password', { exact: true }).fill(CHANGED);
    await form.getByLabel('New password again').fill(CHANGED);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => form.locator('.field-error').textContent()).toContain('not your current password');
    await expect.poll(() => tomasz.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('currentPassword');
    await expectNoAxeViolations(tomasz, 'wrong current password');
    await screenshot(tomasz, 'password-02-wrong-current');

    await form.getByLabel('Current password').fill(COLLEAGUE.password);
    await form.getByLabel('Show passwords').check();
    expect(await form.getByLabel('New password again').getAttribute('type')).toBe('text');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => tomasz.getByTestId('password-changed').textContent()).toContain('Your password has been changed');
    expect(await form.getByLabel('Current password').inputValue()).toBe('');
    await expectNoAxeViolations(tomasz, 'password changed');
    await screenshot(tomasz, 'password-03-changed');

    // Still signed in here; the next sign-in takes the new password, not the old one.
    await tomasz.getByRole('button', { name: 'Sign out' }).click();
    await signInAsTomasz(COLLEAGUE.password);
    await expect.poll(() => tomasz.getByRole('alert').textContent()).toContain('not right');
    await signInAsTomasz(CHANGED);
    await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Caseload');
  });

  it('an admin resets the forgotten password and sees the temporary one once', async () => {
    await page.goto(`${server.url}/team`);
    await expect.poll(() => row(page).count()).toBe(1);
    await row(page).getByRole('button', { name: `Manage ${COLLEAGUE.displayName}` }).click();
    await panel(page).getByRole('button', { name: 'Reset password…' }).click();
    const dialog = page.getByRole('dialog', { name: `Reset ${COLLEAGUE.displayName}'s password?` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('authenticator app is not changed');
    await dialog.getByLabel('Why').selectOption('forgotten');
    await expectNoAxeViolations(page, 'password reset confirmation');
    await screenshot(page, 'password-04-reset-confirm');
    await dialog.getByRole('button', { name: 'Reset password' }).click();

    const shown = page.getByTestId('temporary-password');
    await expect.poll(() => shown.count()).toBe(1);
    const temporary = ((await shown.textContent()) ?? '').trim();
    expect(temporary).toMatch(/^([A-Z2-9]{4}-){4}[A-Z2-9]{4}$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Temporary password for ${COLLEAGUE.displayName}`);
    await expectNoAxeViolations(page, 'temporary password');
    await screenshot(page, 'password-05-temporary');
    await page.getByRole('button', { name: 'I have handed it over' }).click();
    await expect.poll(() => shown.count()).toBe(0);
    await expect.poll(() => row(page).textContent()).toContain('Temporary password until');
    await screenshot(page, 'password-06-team-after-reset');

    // Tomasz's open tab was signed out. With the temporary password and his usual code he can
    // only choose a new password.
    await tomasz.reload();
    await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Sign in');
    await signInAsTomasz(temporary);
    await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Choose a new password');
    expect((await tomasz.request.get(`${server.url}/api/clients`)).status()).toBe(403);
    await expectNoAxeViolations(tomasz, 'choose a new password');
    await screenshot(tomasz, 'password-07-choose');

    await tomasz.getByLabel('New password', { exact: true }).fill(temporary);
    await tomasz.getByLabel('New password again').fill(temporary);
    await tomasz.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => tomasz.locator('.field-error').textContent()).toContain('not the temporary one');
    await screenshot(tomasz, 'password-08-not-the-temporary');

    await tomasz.getByLabel('New password', { exact: true }).fill(CHOSEN);
    await tomasz.getByLabel('New password again').fill(CHOSEN);
    await tomasz.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => heading(tomasz).textContent(), { timeout: 30_000 }).toBe('Caseload');
    await expect.poll(() => tomasz.getByText('Robin Hale').count(), { timeout: 30_000 }).toBe(1);
    await screenshot(tomasz, 'password-09-caseload');

    await page.reload();
    await expect.poll(() => row(page).textContent()).not.toContain('Temporary password');
  });
});
