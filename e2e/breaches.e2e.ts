import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import type { BrowserSession } from './support/browser.js';
import { screenshot } from './support/screenshot.js';
import type { RunningServer } from './support/server.js';
import { startSignedIn, stopAll } from './support/practice.js';
import { freshTotpCode } from './support/totp.js';

// A practitioner's laptop is lost on a train with three clients' records on it: record the
// breach, watch the 72-hour clock, assess the risk, produce a client letter, notify and close.
// Then the retention review: one case past its date is held by an open subject access request,
// another is destroyed and its certificate downloaded.
let server: RunningServer;
let b: BrowserSession;
let page: Page;
const laptop: { id: string; name: string; caseCode: string }[] = [];
let dueCase = '';
let heldCase = '';

const heading = (p: Page) => p.locator('main h1');
// Pages load more slowly against PostgreSQL on a shared machine.
const SLOW = { timeout: 15_000 };

describe('breaches and retention', () => {
  beforeAll(async () => {
    ({ server, b, page } = await startSignedIn());
    const req = page.request;
    const post = async (path: string, data: unknown) => (await req.post(`${server.url}${path}`, { data })).json() as Promise<{ id: string; caseCode: string }>;
    for (const name of ['Ffion Aldous', 'Kwame Brightwell', 'Saoirse Delacourt']) laptop.push({ ...(await post('/api/clients', { name })), name });
    const old = async (name: string, date: string) => {
      const c = await post('/api/clients', { name, dob: '1970-05-05' });
      await post(`/api/clients/${c.id}/sessions`, { date, durationMinutes: 50, modality: 'in_person', attendance: 'attended' });
      expect((await req.post(`${server.url}/api/clients/${c.id}/status`, { data: { status: 'closed' } })).status()).toBe(204);
      return c;
    };
    dueCase = (await old('Old Client One', '2017-01-10')).caseCode;
    const held = await old('Old Client Two', '2017-02-01');
    heldCase = held.caseCode;
    const sar = await req.post(`${server.url}/api/sar/requests`, { data: { clientId: held.id, right: 'access', receivedOn: new Date().toISOString().slice(0, 10) } });
    expect(sar.status()).toBe(201);
  });
  afterAll(async () => {
    await stopAll(b, server);
  });

  it('records a lost laptop affecting three clients and shows the 72-hour clock', async () => {
    await page.goto(`${server.url}/breaches`);
    await expect.poll(() => heading(page).textContent(), SLOW).toBe('Breaches');
    await page.getByLabel('What kind of incident').selectOption('lost_device');
    const earlier = new Date(Date.now() - 20 * 3_600_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('When it happened').fill(earlier);
    await page.getByLabel('What happened').fill('Practice laptop left on a train; disk encryption not confirmed.');
    await page.getByLabel('Names').check();
    await page.getByLabel('Progress notes').check();
    for (const c of laptop) await page.getByLabel(new RegExp(c.name)).check();
    await page.getByLabel('First containment step').fill('Remote wipe requested; passwords changed.');
    await expectNoAxeViolations(page, 'new breach');
    await screenshot(page, 'breach-01-new');
    await page.getByRole('button', { name: 'Record breach' }).click();
    await expect.poll(() => heading(page).textContent(), SLOW).toMatch(/^Breach B-\d{4}-0001$/);
    expect(await page.getByTestId('affected-count').textContent()).toBe('3');
    expect(await page.getByTestId('clock-regulator').textContent()).toMatch(/7[01] hours left/);
    await expectNoAxeViolations(page, 'breach detail');
    await screenshot(page, 'breach-02-clock');
    const url = page.url();
    await page.getByRole('link', { name: 'Deadlines' }).click();
    await expect.poll(() => page.locator('.deadline').filter({ hasText: /Breach · B-\d{4}-0001/ }).count(), SLOW).toBe(1);
    await screenshot(page, 'breach-02b-dashboard');
    await page.goto(url);
    await expect.poll(() => page.getByTestId('clock-regulator').count(), SLOW).toBe(1);
  });

  it('completes the risk assessment, produces a client letter as PDF, notifies and closes', async () => {
    await page.getByLabel('How likely is harm to the people affected').selectOption('likely');
    await page.getByLabel('How severe would it be').selectOption('severe');
    await expect.poll(() => page.getByTestId('suggested-outcome').textContent(), SLOW).toContain('A high risk to people');
    await page.getByLabel('Your reasoning').fill('Unencrypted counselling notes; whoever finds the laptop could read them.');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect.poll(() => page.getByTestId('clock-individual').count(), SLOW).toBe(1);

    await page.getByRole('button', { name: 'Show notification drafts' }).click();
    await expect.poll(() => page.getByText('About 3 clients', { exact: false }).count(), SLOW).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'assessment and drafts');
    await screenshot(page, 'breach-03-assessed');

    // The letter is written for clients: not the register's description, and edited before any copy is made.
    expect(await page.getByTestId('letters').count()).toBe(0);
    const letter = page.getByRole('form', { name: 'Letter to clients' });
    await letter.getByLabel('What happened, in words for clients').fill('A practice laptop holding some records was left on a train. We had it wiped remotely.');
    await letter.getByRole('button', { name: 'Draft the letter from this' }).click();
    await expect.poll(() => letter.getByLabel('Letter text').inputValue(), SLOW).toContain('left on a train');
    const drafted = await letter.getByLabel('Letter text').inputValue();
    await letter.getByLabel('Letter text').fill(drafted.replace('We are sorry that this has happened.', 'We are sorry. Your counsellor will call you this week.'));
    await letter.getByRole('button', { name: 'Save letter' }).click();
    await expect.poll(() => page.getByTestId('letters').count(), SLOW).toBe(1);
    await expectNoAxeViolations(page, 'letter to clients');
    await screenshot(page, 'breach-03b-client-letter');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letters').getByRole('link').first().click()]);
    expect(download.suggestedFilename()).toBe('breach-notification.pdf');
    expect(readFileSync((await download.path()) as string).subarray(0, 5).toString()).toBe('%PDF-');

    const today = new Date().toISOString().slice(0, 10);
    const record = async (audience: string, caseCode: string | null, channel: string) => {
      await page.getByLabel('Who', { exact: true }).selectOption(audience);
      if (caseCode) await page.getByLabel('Client', { exact: true }).selectOption({ label: caseCode });
      await page.getByLabel('Date sent').fill(today);
      await page.getByLabel('Channel').selectOption(channel);
      const before = await page.getByTestId('notifications').locator('tbody tr').count().catch(() => 0);
      await page.getByRole('button', { name: 'Record', exact: true }).click();
      await expect.poll(() => page.getByTestId('notifications').locator('tbody tr').count().catch(() => 0), SLOW).toBe(before + 1);
    };
    await record('regulator', null, 'online_form');
    for (const c of laptop) await record('individual', c.caseCode, 'in_person');
    await page.getByRole('button', { name: 'Close breach' }).click();
    await expect.poll(() => page.locator('.page-header .lead').textContent(), SLOW).toMatch(/closed/);
    await expectNoAxeViolations(page, 'closed breach');
    await screenshot(page, 'breach-04-closed');
  });

  it('queues cases past their date, holds one for an open subject access request, destroys the other with a certificate', async () => {
    await page.getByRole('link', { name: 'Retention' }).click();
    await expect.poll(() => heading(page).textContent(), SLOW).toBe('Retention and disposal');
    const queue = page.getByTestId('review-queue');
    await expect.poll(() => queue.locator('tbody tr').count(), SLOW).toBe(2);
    const held = queue.locator(`tr[data-case="${heldCase}"]`);
    expect(await held.textContent()).toContain('Held: Open subject access or rights request.');
    expect(await held.getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(page, 'retention');
    await screenshot(page, 'retention-01-queue');

    await queue.locator(`tr[data-case="${dueCase}"]`).getByRole('button', { name: /Destroy record/ }).click();
    await page.getByLabel(/Type the case code/).fill(dueCase);
    await expectNoAxeViolations(page, 'destroy confirmation');
    await screenshot(page, 'retention-02-confirm');
    await page.getByRole('button', { name: 'Destroy permanently' }).click();
    await expect.poll(() => page.getByTestId('certificates').textContent(), SLOW).toContain(dueCase);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('certificates').getByRole('link').first().click()]);
    expect(download.suggestedFilename()).toBe('certificate-of-destruction.pdf');
    const pdf = readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await expect.poll(() => queue.locator('tbody tr').count(), SLOW).toBe(1);
    await expectNoAxeViolations(page, 'after destruction');
    await screenshot(page, 'retention-03-certificate');
  });

  it('opens a breach from a row of a client’s access history', async () => {
    // A colleague who does not treat the client tries to open the record: the row that could be a breach.
    const colleague = { displayName: 'Tomasz Brennan', email: 'tomasz@riverside.example', password: 'harbour quiet meadow 77 kite' };
    expect((await page.request.post(`${server.url}/api/users`, { data: { ...colleague, roles: ['practitioner'] } })).status()).toBe(201);
    const other = await b.browser.newContext();
    const treq = other.request;
    expect((await treq.post(`${server.url}/api/auth/signin`, { data: { email: colleague.email, password: colleague.password } })).status()).toBe(200);
    const secret = ((await (await treq.get(`${server.url}/api/auth/totp`)).json()) as { totpSecret: string }).totpSecret;
    expect((await treq.post(`${server.url}/api/auth/totp/confirm`, { data: { code: await freshTotpCode(secret) } })).status()).toBe(200);
    expect((await treq.get(`${server.url}/api/clients/${laptop[0].id}/record`)).status()).toBe(404);
    await other.close();

    await page.goto(`${server.url}/clients/${laptop[0].id}/access`);
    await expect.poll(() => page.getByTestId('access-log').count(), SLOW).toBe(1);
    const rows = page.getByTestId('access-log').locator('tbody tr');
    // The viewer's own reads are not offered as breaches; the colleague's refused access is.
    expect(await rows.filter({ hasNotText: colleague.displayName }).getByRole('button', { name: /Report as breach/ }).count()).toBe(0);
    await rows.filter({ hasText: colleague.displayName }).first().getByRole('button', { name: /Report as breach/ }).click();
    await expectNoAxeViolations(page, 'report from access log');
    await page.getByRole('button', { name: 'Record breach' }).click();
    await expect.poll(() => heading(page).textContent(), SLOW).toMatch(/^Breach B-\d{4}-0002$/);
    expect(await page.getByTestId('affected-count').textContent()).toBe('1');
    await screenshot(page, 'breach-05-from-access-log');
  });

  it('shows a practitioner how to report a breach, without the register or its downloads', async () => {
    const colleague = { displayName: 'Aled Pritchard', email: 'aled@riverside.example', password: 'lantern orchard 42 misty brook' };
    expect((await page.request.post(`${server.url}/api/users`, { data: { ...colleague, roles: ['practitioner'] } })).status()).toBe(201);
    const other = await b.browser.newContext();
    try {
      const treq = other.request;
      expect((await treq.post(`${server.url}/api/auth/signin`, { data: { email: colleague.email, password: colleague.password } })).status()).toBe(200);
      const secret = ((await (await treq.get(`${server.url}/api/auth/totp`)).json()) as { totpSecret: string }).totpSecret;
      expect((await treq.post(`${server.url}/api/auth/totp/confirm`, { data: { code: await freshTotpCode(secret) } })).status()).toBe(200);
      const p = await other.newPage();
      await p.goto(`${server.url}/breaches`);
      await expect.poll(() => heading(p).textContent(), SLOW).toBe('Breaches');
      const note = p.getByTestId('register-keepers');
      await expect.poll(() => note.count(), SLOW).toBe(1);
      expect(await note.textContent()).toMatch(/report a breach.*kept by\s+the practice administrator/s);
      expect(await note.getAttribute('class')).toContain('alert-info');
      expect(await p.locator('.alert-error, [role="alert"]').count()).toBe(0);
      expect(await p.getByRole('link', { name: 'Register as PDF' }).count()).toBe(0);
      expect(await p.getByRole('link', { name: 'Register as CSV' }).count()).toBe(0);
      expect(await p.getByTestId('breach-register').count()).toBe(0);
      await expectNoAxeViolations(p, 'breaches for a practitioner');
      await screenshot(p, 'breach-06-practitioner');

      // Reporting still works, and says where the report went instead of opening a page they may not see.
      await p.getByLabel('What kind of incident').selectOption('misdirected_message');
      await p.getByLabel('When it happened').fill(new Date(Date.now() - 3_600_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
      await p.getByLabel('What happened').fill('An appointment letter was emailed to the wrong address.');
      await p.getByLabel('Contact details').check();
      await p.getByRole('button', { name: 'Record breach' }).click();
      await expect.poll(() => p.getByTestId('breach-reported').textContent(), SLOW).toMatch(/^Breach B-\d{4}-0003 recorded\./);
      expect(await heading(p).textContent()).toBe('Breaches');
      expect(await p.locator('.alert-error, [role="alert"]').count()).toBe(0);
    } finally {
      await other.close();
    }
    // The keepers still have both downloads.
    await page.goto(`${server.url}/breaches`);
    await expect.poll(() => page.getByRole('link', { name: 'Register as PDF' }).count(), SLOW).toBe(1);
    expect(await page.getByRole('link', { name: 'Register as CSV' }).count()).toBe(1);
    expect(await page.getByTestId('register-keepers').count()).toBe(0);
  });
});
