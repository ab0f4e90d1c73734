import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import type { BrowserSession } from './support/browser.js';
import { screenshot } from './support/screenshot.js';
import type { RunningServer } from './support/server.js';
import { startSignedIn, stopAll } from './support/practice.js';
import { freshTotpCode } from './support/totp.js';

// A practitioner who also runs the practice: corrects a client's details, closes and reopens the
// case, files a letter, adds a colleague and checks the audit chain. The header must hold it all.
const PASSWORD = 'lantern orchard violet 42 drift';
const COLLEAGUE = { displayName: 'Tomasz Brennan', email: 'tomasz@riverside.example', password: 'harbour quiet meadow 77 kite' };
const LETTER = 'Dear Dr Shah,\nJordan has agreed that I write to you about our work together.\n';

let server: RunningServer;
let b: BrowserSession;
let page: Page;
let clientId = '';

const heading = (p: Page) => p.locator('main h1');
const mainNav = (p: Page) => p.getByRole('navigation', { name: 'Main' });
const adminTabs = (p: Page) => p.getByRole('navigation', { name: 'Practice administration' });
const identity = (p: Page) => p.getByRole('complementary', { name: 'Identity and contact' });
const recordTab = (p: Page, name: string) => p.getByRole('navigation', { name: 'Record sections' }).getByRole('link', { name });

/** Every visible main-navigation link sits on one line, and all of them on the same line. */
async function navLinkBoxes(p: Page): Promise<{ top: number; height: number; label: string }[]> {
  return p.locator('.primary-nav .nav-list:not(.nav-measure) a').evaluateAll((links) =>
    links.map((a) => {
      const r = a.getBoundingClientRect();
      return { top: Math.round(r.top), height: r.height, label: a.textContent ?? '' };
    }),
  );
}

describe('practice administration: identity, case status, documents, team, audit, header', () => {
  beforeAll(async () => {
    // Set-up, the client and a signed note go through the API: the foundation tests cover those screens.
    ({ server, b, page } = await startSignedIn({ password: PASSWORD }));
    const req = page.request;
    const client = await req.post(`${server.url}/api/clients`, { data: { name: 'Jordan Ellis', email: 'jordan.ellis@example.org', gp: 'Dr A. Shah, Riverside Surgery' } });
    clientId = ((await client.json()) as { id: string }).id;
    const note = await req.post(`${server.url}/api/clients/${clientId}/notes`, { data: { kind: 'progress', text: 'First session. Agreed weekly sessions.', sign: true } });
    const noteId = ((await note.json()) as { id: string }).id;
    expect((await req.post(`${server.url}/api/notes/${noteId}/addenda`, { data: { text: 'Moved to Thursdays.' } })).status()).toBe(201);
  });
  afterAll(async () => {
    await stopAll(b, server);
  });

  it('shows who wrote each note and addendum', async () => {
    await page.goto(`${server.url}/clients/${clientId}`);
    await expect.poll(() => heading(page).textContent()).toBe('Jordan Ellis');
    await expect.poll(() => page.locator('.note-meta').textContent()).toMatch(/^Signed .+ by Maya Okafor$/);
    expect(await page.locator('.addendum-meta').textContent()).toMatch(/^Addendum · .+ · by Maya Okafor$/);
  });

  it('keeps the header navigation on one line at 1280 pixels, with the admin pages', async () => {
    const labels = await mainNav(page).getByRole('link').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Caseload', 'Subject access', 'Admin']));
    const boxes = await navLinkBoxes(page);
    expect(new Set(boxes.map((x) => x.top)).size).toBe(1);
    for (const x of boxes) expect(x.height, x.label).toBeLessThan(45);
    const sa = page.locator('.primary-nav a', { hasText: 'Subject access' });
    expect(await sa.evaluate((a) => getComputedStyle(a).whiteSpace)).toBe('nowrap');
    await expectNoAxeViolations(page, 'record at 1280');
    await screenshot(page, 'admin-01-header-1280');
  });

  it('keeps the navigation whole at 1024 pixels, and behind a keyboard-usable Menu button on a phone', async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await expect.poll(async () => new Set((await navLinkBoxes(page)).map((x) => x.top)).size).toBe(1);
    for (const x of await navLinkBoxes(page)) expect(x.height, x.label).toBeLessThan(45);
    expect(await page.getByRole('button', { name: 'Menu' }).count()).toBe(0);
    await screenshot(page, 'admin-02-header-1024');

    await page.setViewportSize({ width: 420, height: 800 });
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect.poll(() => menu.count()).toBe(1);
    expect(await mainNav(page).getByRole('link').count()).toBe(0);
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
    expect(await mainNav(page).getByRole('link', { name: 'Admin' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'open menu');
    await screenshot(page, 'admin-03-menu-open');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Deadlines');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Menu');
    await page.setViewportSize({ width: 1280, height: 860 });
    await expect.poll(() => page.getByRole('button', { name: 'Menu' }).count()).toBe(0);
  });

  it("corrects the client's details, with a refused value shown beside its field", async () => {
    await identity(page).getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Edit identity and contact details' });
    await form.getByLabel('Email').fill('jordan.ellis@');
    await form.getByLabel('Phone').fill('07700 900123');
    await form.getByLabel('Pronouns').fill('they/them');
    await form.getByRole('button', { name: 'Save details' }).click();
    const email = form.getByLabel('Email');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain('does not look like an email address');
    await expectNoAxeViolations(page, 'edit details with an error');
    await screenshot(page, 'admin-04-edit-details-error');
    await email.fill('jordan.ellis@example.net');
    await form.getByLabel('Date of birth').fill('1991-04-12');
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => identity(page).getByText('jordan.ellis@example.net').count()).toBe(1);
    expect(await identity(page).getByText('07700 900123').count()).toBe(1);
    expect(await identity(page).getByText('they/them').count()).toBe(1);
    expect(await identity(page).getByText('12 April 1991').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Edit details');
  });

  it('closes the case after explaining the retention clock, then reopens it', async () => {
    await identity(page).getByRole('button', { name: 'Close case…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close this case?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByText('Closing starts the retention clock').count()).toBe(1);
    await expectNoAxeViolations(page, 'close-case confirmation');
    await screenshot(page, 'admin-05-close-case');
    await dialog.getByRole('button', { name: 'Close case' }).click();
    await expect.poll(() => page.locator('.page-header .badge').textContent()).toBe('Closed');
    expect(await page.locator('.page-header .lead').textContent()).toContain('closed');
    expect(await identity(page).getByText(/The retention period is running/).count()).toBe(1);
    await screenshot(page, 'admin-06-closed');
    await identity(page).getByRole('button', { name: 'Reopen case' }).click();
    const reopen = page.getByRole('dialog', { name: 'Reopen this case?' });
    await expect.poll(() => reopen.isVisible()).toBe(true);
    await reopen.getByRole('button', { name: 'Reopen case' }).click();
    await expect.poll(() => page.locator('.page-header .badge').textContent()).toBe('Open');
  });

  it('uploads a letter, refuses a file type it cannot hold, and downloads the letter again', async () => {
    await recordTab(page, 'Documents').click();
    await expect.poll(() => page.getByText('No documents yet.').count()).toBe(1);
    await expectNoAxeViolations(page, 'documents (empty)');
    await page.getByRole('button', { name: 'Upload a document' }).click();
    const file = page.getByLabel('File');
    await file.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25) });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect.poll(() => page.getByText('Files may be at most 10 MB.').count()).toBe(1);
    await file.setInputFiles({ name: 'program.exe', mimeType: 'application/octet-stream', buffer: Buffer.from([0x4d, 0x5a, 0x00, 0x01, 0x02, 0x00]) });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect.poll(() => file.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(/This file is not one Sanctum accepts\./).count()).toBe(1);
    await expectNoAxeViolations(page, 'upload refused');
    await screenshot(page, 'admin-07-upload-refused');

    await page.getByLabel('Kind').selectOption('letter');
    await page.getByLabel('Title').fill('Letter to GP');
    await file.setInputFiles({ name: 'letter-to-gp.txt', mimeType: 'text/plain', buffer: Buffer.from(LETTER) });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const rows = page.getByTestId('documents').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const row = rows.first();
    expect(await row.locator('th').textContent()).toContain('Letter to GP');
    expect(await row.textContent()).toContain('Letter');
    expect(await row.textContent()).toMatch(/\d+ bytes/);
    expect(await row.textContent()).toContain('by Maya Okafor');
    await expectNoAxeViolations(page, 'documents');
    await screenshot(page, 'admin-08-documents');

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /Download/ }).click()]);
    expect(download.suggestedFilename()).toBe('letter-to-gp.txt');
    expect(readFileSync((await download.path()) ?? '', 'utf8')).toBe(LETTER);
  });

  it('adds a colleague, shows their recovery codes once, and lists them on the team', async () => {
    await mainNav(page).getByRole('link', { name: 'Admin' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Team');
    expect(await adminTabs(page).getByRole('link', { name: 'Team' }).getAttribute('aria-current')).toBe('page');
    const team = page.getByTestId('team');
    await expect.poll(() => team.locator('tbody tr').count()).toBe(1);
    await expectNoAxeViolations(page, 'team');
    await page.getByRole('button', { name: 'Add a colleague' }).click();
    await page.getByLabel('Name').fill(COLLEAGUE.displayName);
    await page.getByLabel('Email address').fill(COLLEAGUE.email);
    await page.getByLabel('First password').fill('password1234');
    await page.getByRole('button', { name: 'Add colleague' }).click();
    const pw = page.getByLabel('First password');
    await expect.poll(() => pw.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'add colleague with an error');
    await screenshot(page, 'admin-09-add-colleague-error');
    await pw.fill(COLLEAGUE.password);
    await page.getByRole('button', { name: 'Add colleague' }).click();
    const codes = page.getByTestId('new-recovery-codes').locator('li');
    await expect.poll(() => codes.count()).toBe(10);
    expect(await page.getByText(`hand them to ${COLLEAGUE.displayName} in person`).count()).toBe(1);
    await expectNoAxeViolations(page, 'new colleague recovery codes');
    await screenshot(page, 'admin-10-recovery-codes');
    await page.getByRole('button', { name: 'I have handed them over' }).click();
    expect(await page.getByTestId('new-recovery-codes').count()).toBe(0);
    await expect.poll(() => team.locator('tbody tr').count()).toBe(2);
    const added = team.locator('tbody tr', { hasText: COLLEAGUE.displayName });
    expect(await added.textContent()).toContain('Practitioner');
    expect(await added.textContent()).toContain('Not yet');
    await screenshot(page, 'admin-11-team');
  });

  it('verifies the audit chain and downloads a signed checkpoint', async () => {
    await adminTabs(page).getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Audit log');
    expect(await mainNav(page).getByRole('link', { name: 'Admin' }).getAttribute('aria-current')).toBe('page');
    await expectNoAxeViolations(page, 'audit log');
    await page.getByRole('button', { name: 'Verify the audit chain' }).click();
    const result = page.getByTestId('verify-result');
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/The chain is intact\. \d+ entries checked\./);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a signed checkpoint' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^sanctum-audit-checkpoint-\d+\.json$/);
    const cp = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as { v: number; seq: number; hash: string; signature: string };
    expect(cp.v).toBe(1);
    expect(cp.seq).toBeGreaterThan(0);
    expect(cp.signature.length).toBeGreaterThan(20);
    await expect.poll(() => page.getByTestId('checkpoint-saved').textContent()).toContain(`entry ${cp.seq}`);
    await expectNoAxeViolations(page, 'audit log verified');
    await screenshot(page, 'admin-12-audit');
  });

  it('a practitioner who is not an admin sees neither admin entry, and the team list is refused', async () => {
    const context = await b.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    try {
      const p = await context.newPage();
      const req = p.request;
      const signin = await req.post(`${server.url}/api/auth/signin`, { data: { email: COLLEAGUE.email, password: COLLEAGUE.password } });
      expect(signin.status()).toBe(200);
      const { totpSecret } = (await (await req.get(`${server.url}/api/auth/totp`)).json()) as { totpSecret: string };
      expect((await req.post(`${server.url}/api/auth/totp/confirm`, { data: { code: await freshTotpCode(totpSecret) } })).status()).toBe(200);
      await p.goto(server.url);
      await expect.poll(() => heading(p).textContent(), { timeout: 60_000 }).toBe('Caseload');
      const labels = await mainNav(p).getByRole('link').allTextContents();
      expect(labels).toContain('Caseload');
      expect(labels).not.toContain('Admin');
      await p.goto(`${server.url}/team`);
      await expect.poll(() => p.getByRole('alert').textContent()).toContain("Only the practice's admins");
      expect(await p.getByTestId('team').count()).toBe(0);
      await screenshot(p, 'admin-13-team-refused');
    } finally {
      await context.close();
    }
  });
});
