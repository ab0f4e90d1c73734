import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { setUpPracticeViaApi } from './support/practice.js';
import { screenshot } from './support/screenshot.js';
import { type RunningServer, startServer } from './support/server.js';
import { freshTotpCode } from './support/totp.js';

// A receptionist signs in to the diary, books a session for a practitioner's client, reads the
// contact details the client agreed to, registers a referral, and cannot reach the client's notes.
const RECEPTION = { displayName: 'Priya Shah', email: 'priya@riverside.example', password: 'meadow lantern copper 19 gate' };
const CLIENT = { name: 'Jordan Ellis', email: 'jordan.ellis@example.org', phone: '07700 900456', dob: '1991-07-14' };
const NOTE = 'Jordan spoke about the night shifts and the argument with his brother.';

let server: RunningServer;
let b: BrowserSession;
let page: Page; // Maya: practitioner and admin
let recContext: BrowserContext;
let rec: Page;
let clientId = '';
let recSecret = '';

const heading = (p: Page) => p.locator('main h1, .gate-card h1').first();

describe('reception: the diary, booking and contact, never the notes', () => {
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser();
    page = b.page;
    const req = page.request;
    await setUpPracticeViaApi(req, server.url);
    expect((await req.post(`${server.url}/api/users`, { data: { ...RECEPTION, roles: ['reception'] } })).status()).toBe(201);
    expect((await req.post(`${server.url}/api/teams`, { data: { name: 'Adult counselling' } })).status()).toBe(201);
    const made = await req.post(`${server.url}/api/clients`, { data: CLIENT });
    expect(made.status()).toBe(201);
    clientId = ((await made.json()) as { id: string }).id;
    expect((await req.post(`${server.url}/api/clients/${clientId}/notes`, { data: { kind: 'progress', text: NOTE, sign: true } })).status()).toBe(201);
    // Jordan signs an agreement allowing email, and refusing texts and calls.
    const agreement = (await (await req.post(`${server.url}/api/clients/${clientId}/consent/agreements`, { data: {} })).json()) as { id: string };
    const link = (await (await req.post(`${server.url}/api/clients/${clientId}/consent/agreements/${agreement.id}/link`)).json()) as { token: string };
    const signed = await b.browser.newContext().then(async (c) => {
      const r = await c.request.post(`${server.url}/api/sign/${link.token}`, {
        data: { signature: { name: CLIENT.name, method: 'typed' }, choices: { records: true, supervision: true, channels: { email: true, sms: false, phone: false, video: true } } },
      });
      await c.close();
      return r.status();
    });
    expect(signed).toBe(201);

    // Priya enrols her second factor, then signs out: she signs in through the page below.
    recContext = await b.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
    rec = await recContext.newPage();
    expect((await rec.request.post(`${server.url}/api/auth/signin`, { data: { email: RECEPTION.email, password: RECEPTION.password } })).status()).toBe(200);
    const secret = ((await (await rec.request.get(`${server.url}/api/auth/totp`)).json()) as { totpSecret: string }).totpSecret;
    expect((await rec.request.post(`${server.url}/api/auth/totp/confirm`, { data: { code: await freshTotpCode(secret) } })).status()).toBe(200);
    recSecret = secret;
    await recContext.clearCookies();
  });
  afterAll(async () => {
    await recContext?.close();
    await b?.close();
    await server?.destroy();
  });

  it('a receptionist starts on the diary, books a session and sees it there', async () => {
    await rec.goto(server.url);
    await expect.poll(() => heading(rec).textContent(), { timeout: 30_000 }).toBe('Sign in');
    await rec.getByLabel('Email address').fill(RECEPTION.email);
    await rec.getByLabel('Password', { exact: true }).fill(RECEPTION.password);
    await rec.getByLabel('6-digit code').fill(await freshTotpCode(recSecret));
    await rec.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => heading(rec).textContent(), { timeout: 30_000 }).toBe('Diary');
    await expect.poll(() => rec.getByText('No sessions are planned this week.').count()).toBe(1);
    const nav = rec.getByRole('navigation', { name: /main/i });
    expect(await nav.getByRole('link', { name: 'Diary' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Caseload' }).count()).toBe(0);
    await expectNoAxeViolations(rec, 'empty diary');

    await rec.getByRole('button', { name: 'Book a session' }).click();
    const form = rec.getByRole('form', { name: 'Book a session' });
    await form.getByLabel('Client').selectOption({ label: 'Jordan E. (with Maya Okafor)' });
    // Without a time, the form says so beside the field.
    await form.getByRole('button', { name: 'Book session' }).click();
    await expect.poll(() => form.getByText('Give the time the session starts').count()).toBe(1);
    await form.getByLabel('Start time').fill('14:30');
    await form.getByLabel('Room').fill('Room 3');
    await expectNoAxeViolations(rec, 'booking form');
    await form.getByRole('button', { name: 'Book session' }).click();

    const row = rec.getByTestId('diary').locator('tbody tr', { hasText: 'Jordan E.' });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('14:30');
    expect(text).toContain('Room 3');
    expect(text).toContain('Maya Okafor');
    expect(await rec.locator('main').textContent()).not.toContain('Ellis');
  });

  it('shows only the contact details the client agreed to', async () => {
    await rec.getByRole('button', { name: 'Contact details for Jordan E.' }).click();
    const panel = rec.getByRole('region', { name: 'Contacting Jordan E.' });
    await expect.poll(() => panel.getByTestId('contact-channels').textContent(), { timeout: 15_000 }).toContain(CLIENT.email);
    const shown = (await panel.textContent()) ?? '';
    expect(shown).not.toContain(CLIENT.phone);
    expect(shown).not.toContain('1991');
    await expectNoAxeViolations(rec, 'contact panel');
    await screenshot(rec, 'reception-diary');
    await panel.getByRole('button', { name: 'Close' }).click();
    // Back where the person was.
    expect(await rec.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Contact details for Jordan E.');
  });

  it('registers a new referral in a team, who can then be booked', async () => {
    await rec.getByRole('button', { name: 'New referral' }).click();
    const form = rec.getByRole('form', { name: 'New referral' });
    await form.getByLabel('Full name').fill('Alexis Moreau');
    await form.getByLabel(/How they would like to be contacted/).selectOption('email');
    await form.getByRole('button', { name: 'Register referral' }).click();
    await expect.poll(() => form.getByText('give an email address').count(), { timeout: 15_000 }).toBe(1);
    await form.getByLabel(/^Email/).fill('alexis@example.org');
    await form.getByLabel(/^Team/).selectOption({ label: 'Adult counselling' });
    await expectNoAxeViolations(rec, 'referral form');
    await form.getByRole('button', { name: 'Register referral' }).click();
    await expect.poll(() => form.count(), { timeout: 15_000 }).toBe(0);

    await rec.getByRole('button', { name: 'Book a session' }).click();
    const booking = rec.getByRole('form', { name: 'Book a session' });
    const options = await booking.getByLabel('Client').locator('option').allTextContents();
    expect(options).toContain('Alexis M. (no practitioner yet)');
    // Nothing agreed yet, so no way to reach them is shown, not even the email given on referral.
    await booking.getByLabel('Client').selectOption({ label: 'Alexis M. (no practitioner yet)' });
    await booking.getByRole('button', { name: 'How to reach this client' }).click();
    const panel = rec.getByRole('region', { name: 'Contacting Alexis M.' });
    await expect.poll(() => panel.getByTestId('no-channels').count(), { timeout: 15_000 }).toBe(1);
    expect(await panel.textContent()).not.toContain('alexis@example.org');
    expect(await rec.evaluate(() => document.activeElement?.contains(document.querySelector('[data-testid="no-channels"]')))).toBe(true);
    await expectNoAxeViolations(rec, 'contact panel, nothing agreed');
    await panel.getByRole('button', { name: 'Close' }).click();
    await booking.getByRole('button', { name: 'Cancel' }).click();
  });

  it("cannot reach the client's record or notes, by link or by the API", async () => {
    await rec.goto(`${server.url}/clients/${clientId}`);
    await expect.poll(async () => (await rec.locator('main').textContent()) ?? '', { timeout: 30_000 }).toContain('Not found');
    const main = (await rec.locator('main').textContent()) ?? '';
    expect(main).not.toContain('night shifts');
    expect(main).not.toContain('Ellis');
    await expectNoAxeViolations(rec, 'client record refused');
    await screenshot(rec, 'reception-record-refused');
    expect((await rec.request.get(`${server.url}/api/clients/${clientId}/notes`)).status()).toBe(404);
    expect((await rec.request.get(`${server.url}/api/clients/${clientId}`)).status()).toBe(404);
  });
});
