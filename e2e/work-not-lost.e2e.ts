import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { type BrowserSession, anotherPerson } from './support/browser.js';
import { PRACTICE, startSignedIn, stopAll } from './support/practice.js';
import { screenshot } from './support/screenshot.js';
import type { RunningServer } from './support/server.js';
import { freshTotpCode } from './support/totp.js';

// Work that must not be lost, as a practitioner meets it: a note typed and then a reload or a
// change of tab, recovery codes after the second-factor page is reloaded, and a new set of codes
// from the account page; with the smaller fixes around them (which access-history rows offer
// "Report as breach", an upload that is not a document, a signing link with no public address).
const COLLEAGUE = { displayName: 'Tomasz Brennan', email: 'tomasz@riverside.example', password: 'harbour quiet meadow 77 kite' };
const NEWCOMER = { displayName: 'Lena Varga', email: 'lena@riverside.example', password: 'pebble window orchard 63 heron' };
const SLOW = { timeout: 20_000 };

let server: RunningServer;
let b: BrowserSession;
let page: Page;
let secret = '';
let clientId = '';
let tomaszContext: BrowserContext;
let lenaContext: BrowserContext;

const heading = (p: Page) => p.locator('main h1, .gate-card h1').first();

describe('work is not lost', () => {
  beforeAll(async () => {
    ({ server, b, page, totpSecret: secret } = await startSignedIn());
    const res = await page.request.post(`${server.url}/api/clients`, { data: { name: 'Robin Hale', dob: '1984-03-02' } });
    clientId = ((await res.json()) as { id: string }).id;
    for (const person of [COLLEAGUE, NEWCOMER]) expect((await page.request.post(`${server.url}/api/users`, { data: { ...person, roles: ['practitioner'] } })).status()).toBe(201);
    tomaszContext = await anotherPerson(b.browser);
    lenaContext = await anotherPerson(b.browser);
  });
  afterAll(async () => {
    await tomaszContext?.close();
    await lenaContext?.close();
    await stopAll(b, server);
  });

  it('a note being written saves itself, survives a reload, and leaving with unsaved words asks first', async () => {
    await page.goto(`${server.url}/clients/${clientId}`);
    await expect.poll(() => heading(page).textContent(), SLOW).toBe('Robin Hale');
    await page.getByRole('button', { name: 'Write a note' }).click();
    await page.getByLabel('Note', { exact: true }).fill('Robin talked about the allotment and sleeping better since the move.');
    await expect.poll(() => page.getByTestId('autosave-status').textContent(), SLOW).toContain('Draft saved automatically');
    await expectNoAxeViolations(page, 'note saving itself');
    await screenshot(page, 'notlost-01-autosaved');

    await page.reload();
    await expect.poll(() => page.locator('.note-list .note-draft').count(), SLOW).toBe(1);
    expect(await page.locator('.note-list .note-draft .note-text').textContent()).toContain('allotment');

    await page.locator('.note-list .note-draft').getByRole('button', { name: 'Edit draft' }).click();
    const draft = page.getByLabel('Draft text');
    await draft.fill('Robin talked about the allotment and sleeping better since the move. Next week: the visit to his sister.');
    // A link inside Sanctum straight away, before the next automatic save: asked first.
    await page.getByRole('link', { name: 'Sessions' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave this note?' });
    await expect.poll(() => dialog.isVisible(), SLOW).toBe(true);
    await expectNoAxeViolations(page, 'leave this note?');
    await screenshot(page, 'notlost-02-leave-dialog');
    await dialog.getByRole('button', { name: 'Save draft and leave' }).click();
    await expect.poll(() => page.url(), SLOW).toContain('/sessions');

    await page.goto(`${server.url}/clients/${clientId}`);
    await expect.poll(() => page.locator('.note-list .note-draft .note-text').textContent(), SLOW).toContain('the visit to his sister');
    // Automatic saves do not fill the access history: the draft shows as written once.
    await page.goto(`${server.url}/clients/${clientId}/access`);
    await expect.poll(() => page.getByTestId('access-log').count(), SLOW).toBe(1);
    const rows = page.getByTestId('access-log').locator('tbody tr');
    expect(await rows.filter({ hasText: 'Wrote a note' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'Saved a draft note automatically' }).count()).toBe(0);
  });

  it('offers "Report as breach" only on rows that could be one', async () => {
    // A colleague who does not treat Robin tries to open the record: refused, and recorded.
    const treq = (await tomaszContext.newPage()).request;
    expect((await treq.post(`${server.url}/api/auth/signin`, { data: { email: COLLEAGUE.email, password: COLLEAGUE.password } })).status()).toBe(200);
    const tsecret = ((await (await treq.get(`${server.url}/api/auth/totp`)).json()) as { totpSecret: string }).totpSecret;
    expect((await treq.post(`${server.url}/api/auth/totp/confirm`, { data: { code: await freshTotpCode(tsecret) } })).status()).toBe(200);
    expect((await treq.get(`${server.url}/api/clients/${clientId}/record`)).status()).toBe(404);
    await page.goto(`${server.url}/clients/${clientId}/access`);
    await expect.poll(() => page.getByTestId('access-log').count(), SLOW).toBe(1);
    const rows = page.getByTestId('access-log').locator('tbody tr');
    const mine = rows.filter({ hasText: PRACTICE.displayName });
    expect(await mine.count()).toBeGreaterThan(3);
    expect(await mine.getByRole('button', { name: /Report as breach/ }).count()).toBe(0);
    const theirs = rows.filter({ hasText: COLLEAGUE.displayName });
    await expect.poll(() => theirs.count(), SLOW).toBeGreaterThan(0);
    expect(await theirs.first().getByRole('button', { name: /Report as breach/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'access history');
    await screenshot(page, 'notlost-03-access-history');
  });

  it('refuses a program uploaded as a letter, saying what is accepted', async () => {
    await page.goto(`${server.url}/clients/${clientId}/documents`);
    await page.getByRole('button', { name: 'Upload a document' }).click();
    const exe = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), Buffer.from('This program cannot be run in DOS mode.')]);
    await page.locator('input[type="file"]').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: exe });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect.poll(() => page.locator('.field-error, .form-error, [role="alert"]').allTextContents(), SLOW).toContainEqual(expect.stringContaining('Upload a PDF, a Word or OpenDocument text file'));
    await expectNoAxeViolations(page, 'upload refused');
    await screenshot(page, 'notlost-04-upload-refused');
  });

  it('says plainly when there is no public address for a signing link', async () => {
    await page.goto(`${server.url}/clients/${clientId}/consent`);
    await page.getByRole('button', { name: 'Prepare agreement' }).click();
    await page.getByRole('button', { name: 'Prepare agreement' }).last().click();
    await page.getByRole('button', { name: 'Send signing link' }).click();
    await expect.poll(() => page.getByTestId('no-public-address').textContent(), SLOW).toContain('no public address');
    await expectNoAxeViolations(page, 'signing link without a public address');
    await screenshot(page, 'notlost-05-signing-link');
  });

  it('says the recovery codes were shown once when the second-factor page is reopened', async () => {
    const tomasz = await lenaContext.newPage();
    expect((await tomasz.request.post(`${server.url}/api/auth/signin`, { data: { email: NEWCOMER.email, password: NEWCOMER.password } })).status()).toBe(200);
    await tomasz.goto(server.url);
    await expect.poll(() => heading(tomasz).textContent(), SLOW).toBe('Set up your second factor');
    await tomasz.reload();
    await expect.poll(() => tomasz.getByTestId('recovery-shown-once').textContent(), SLOW).toContain('shown once');
    await expectNoAxeViolations(tomasz, 'second factor reopened');
    await screenshot(tomasz, 'notlost-06-codes-shown-once');
  });

  it('the account page counts the recovery codes left and makes new ones after the password and a code', async () => {
    await page.goto(`${server.url}/account`);
    await expect.poll(() => page.getByTestId('recovery-remaining').textContent(), SLOW).toContain('10 of your recovery codes are unused');
    await page.getByRole('button', { name: 'Make new recovery codes…' }).click();
    const form = page.getByRole('form', { name: 'Make new recovery codes' });
    await form.getByLabel('Your password').fill('not my password at all');
    await form.getByLabel('6-digit code from your app').fill(await freshTotpCode(secret));
    await form.getByRole('button', { name: 'Make new codes' }).click();
    await expect.poll(() => form.locator('.field-error').textContent(), SLOW).toContain('not your password');
    await form.getByLabel('Your password').fill(PRACTICE.password);
    await form.getByLabel('6-digit code from your app').fill(await freshTotpCode(secret));
    await form.getByRole('button', { name: 'Make new codes' }).click();
    await expect.poll(() => page.getByTestId('recovery-codes').locator('li').count(), SLOW).toBe(10);
    await expectNoAxeViolations(page, 'new recovery codes');
    await screenshot(page, 'notlost-07-new-codes');
  });
});
