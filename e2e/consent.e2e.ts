import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import type { BrowserSession } from './support/browser.js';
import { screenshot } from './support/screenshot.js';
import type { RunningServer } from './support/server.js';
import { startSignedIn, stopAll } from './support/practice.js';

// Contracting: a signing link signed by the client in their own browser, a withdrawn channel, a 15-year-old.
let server: RunningServer;
let b: BrowserSession;
let page: Page;
let clientId = '';
let signingUrl = '';

const heading = (p: Page) => p.locator('main h1');
// Two cores are shared with other work: give each screen time to settle rather than failing fast.
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });
const fifteenYearsAgo = () => {
  const d = new Date();
  return `${d.getUTCFullYear() - 15}-01-15`;
};

describe('consent: agreement by signing link, withdrawal, young person', () => {
  beforeAll(async () => {
    ({ server, b, page } = await startSignedIn());
    const req = page.request;
    const client = await req.post(`${server.url}/api/clients`, { data: { name: 'Jordan Ellis', dob: '1987-06-02', email: 'jordan.ellis@example.org' } });
    clientId = ((await client.json()) as { id: string }).id;
    expect((await req.post(`${server.url}/api/clients/${clientId}/sessions`, { data: { date: '2026-01-05' } })).status()).toBe(201);
  });
  afterAll(async () => {
    await stopAll(b, server);
  });

  it('warns before a second session and on the add-session form', async () => {
    await page.goto(`${server.url}/clients/${clientId}/sessions`);
    await poll(() => heading(page).textContent()).toBe('Jordan Ellis');
    await poll(() => page.locator('[data-code="no_signed_agreement"]').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Record a session' }).click();
    await poll(() => page.getByRole('form', { name: 'Record a session' }).locator('[data-code="no_signed_agreement"]').count()).toBe(1);
    await expectNoAxeViolations(page, 'add session with warning');
    await screenshot(page, 'consent-01-session-warning');
  });

  it('prepares an agreement and sends a signing link', async () => {
    await page.goto(`${server.url}/clients/${clientId}/consent`);
    await poll(() => page.getByRole('heading', { name: 'Confidentiality agreement' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'consent tab (empty)');
    await page.getByRole('button', { name: 'Prepare agreement' }).click();
    await page.getByRole('form', { name: 'Prepare an agreement' }).getByRole('button', { name: 'Prepare agreement' }).click();
    await poll(() => page.getByText('Awaiting signature').count()).toBe(1);
    await page.getByRole('button', { name: 'Send signing link' }).click();
    await poll(() => page.getByTestId('signing-link').count()).toBe(1);
    signingUrl = (await page.getByTestId('signing-link').textContent()) ?? '';
    expect(signingUrl).toMatch(/\/sign\/[A-Za-z0-9_-]{43}$/);
    await expectNoAxeViolations(page, 'consent tab (link sent)');
    await screenshot(page, 'consent-02-link-sent');
  });

  it('the client signs in a fresh browser context without an account', async () => {
    const context = await b.browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'en-GB' });
    const client = await context.newPage();
    await client.goto(signingUrl);
    await poll(() => client.locator('main h1').textContent()).toContain('Confidentiality agreement');
    expect(await client.getByText('The limits of confidentiality').count()).toBeGreaterThan(0);
    expect(await client.locator('body').textContent()).not.toContain('Jordan');
    await expectNoAxeViolations(client, 'signing page');
    await screenshot(client, 'consent-03-signing-page');

    // Submitting with nothing chosen names the first question left open.
    await client.getByRole('button', { name: 'Sign the agreement' }).click();
    await poll(() => client.getByText('Please choose yes or no.').count()).toBe(1);
    await expectNoAxeViolations(client, 'signing page with an error');

    const answer = async (legend: RegExp, choice: 'Yes' | 'No') => client.getByRole('group', { name: legend }).getByLabel(choice, { exact: true }).check();
    await answer(/keeping records/, 'Yes');
    await answer(/supervision/, 'Yes');
    await answer(/^Email/, 'Yes');
    await answer(/^Text message/, 'Yes');
    await answer(/^Phone call/, 'No');
    await answer(/^Video session/, 'Yes');
    await client.getByLabel('Your full name').fill('Jordan Ellis');
    await client.getByRole('button', { name: 'Sign the agreement' }).click();
    await poll(() => client.locator('main h1').textContent()).toContain('Thank you');
    const pdfHref = await client.getByRole('link', { name: /Download your copy/ }).getAttribute('href');
    const pdf = await client.request.get(new URL(pdfHref ?? '', signingUrl).toString());
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectNoAxeViolations(client, 'signed');
    await screenshot(client, 'consent-04-signed');

    // The link works once.
    await client.goto(signingUrl);
    await poll(() => client.locator('main h1').textContent()).toBe('This link cannot be used');
    await context.close();
  });

  it('the practitioner sees the signed agreement and downloads the PDF', async () => {
    await page.goto(`${server.url}/clients/${clientId}/consent`);
    await poll(() => page.getByText('Signed', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText(/Jordan Ellis \(client\), typed signature, online by link/).count()).toBe(1);
    expect(await page.locator('[data-code="no_signed_agreement"]').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^agreement-C-[A-Z0-9]{4}-[A-Z0-9]{4}-v1\.pdf$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    await expectNoAxeViolations(page, 'consent tab (signed)');
    await screenshot(page, 'consent-05-signed-practitioner');
  });

  it('withdrawing the SMS consent asks first, records how the client asked, and removes SMS from the channels offered', async () => {
    const allowed = page.getByTestId('allowed-channels');
    await poll(() => allowed.textContent()).toContain('Text message (SMS)');
    await page.getByRole('button', { name: 'Withdraw: Contact: Text message (SMS)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw this consent?' });
    await poll(() => dialog.isVisible()).toBe(true);
    // One click is not enough: nothing changes until the way the client asked is given.
    await dialog.getByRole('button', { name: 'Withdraw consent' }).click();
    await poll(() => dialog.locator('.field-error').textContent()).toContain('Choose how the client asked');
    expect(await allowed.textContent()).toContain('Text message (SMS)');
    await dialog.getByLabel('How did the client ask?').selectOption('phone');
    await expectNoAxeViolations(page, 'withdraw consent dialog');
    await screenshot(page, 'consent-06a-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Withdraw consent' }).click();
    await poll(() => allowed.textContent()).not.toContain('Text message (SMS)');
    const row = page.locator('[data-testid="consent-row"][data-channel="sms"]').first();
    await poll(() => row.textContent()).toContain('the client asked by phone on');
    expect(await allowed.textContent()).toContain('Email');
    const api = (await (await page.request.get(`${server.url}/api/clients/${clientId}/consent/channels`)).json()) as { allowed: string[] };
    expect(api.allowed).toEqual(['email', 'video']);
    await expectNoAxeViolations(page, 'consent tab (withdrawn)');
    await screenshot(page, 'consent-06-withdrawn');
  });

  it('records Gillick competence and parental responsibility for a 15-year-old', async () => {
    const res = await page.request.post(`${server.url}/api/clients`, { data: { name: 'Sam Rivers', dob: fifteenYearsAgo() } });
    const teen = ((await res.json()) as { id: string }).id;
    await page.goto(`${server.url}/clients/${teen}/consent`);
    await poll(() => page.getByRole('heading', { name: 'Young person' }).count()).toBe(1);
    expect(await page.locator('[data-code="competence_not_assessed"]').count()).toBe(1);
    const comp = page.getByRole('form', { name: 'Record competence' });
    expect(await comp.getByLabel('Test applied').inputValue()).toBe('gillick');
    await comp.getByLabel('Yes', { exact: true }).check();
    await comp.getByLabel('Reasons for your judgement').fill('Explained in their own words what counselling involves and when we might have to tell someone.');
    await comp.getByRole('button', { name: 'Record competence' }).click();
    await poll(() => page.getByText(/Gillick competence: competent/).count()).toBe(1);

    const parent = page.getByRole('form', { name: 'Add a person with parental responsibility' });
    await parent.getByLabel('Name').fill('Morgan Rivers');
    await parent.getByLabel('Relationship').fill('mother');
    await parent.getByLabel('Phone (optional)').fill('+44 7700 900123');
    await parent.getByRole('button', { name: 'Add person with parental responsibility' }).click();
    await poll(() => page.getByText('Morgan Rivers').count()).toBe(1);
    expect(await page.locator('[data-code="competence_not_assessed"]').count()).toBe(0);
    expect(await page.locator('[data-code="parental_responsibility_missing"]').count()).toBe(0);
    await expectNoAxeViolations(page, 'young person');
    await screenshot(page, 'consent-07-young-person');
  });

  it('lists template versions on the practice Templates page', async () => {
    await page.goto(`${server.url}/consent/templates`);
    await poll(() => heading(page).textContent()).toBe('Agreement templates');
    await page.getByRole('button', { name: 'Read version 1' }).click();
    await poll(() => page.getByRole('heading', { name: /Version 1:/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'templates');
    await screenshot(page, 'consent-08-templates');
  });
});
