import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { screenshot } from './support/screenshot.js';
import { type RunningServer, startServer } from './support/server.js';
import { setUpPracticeViaApi, startSignedIn, stopAll } from './support/practice.js';

// The client's other rights from the request page: a statement of disagreement beside a note,
// an erasure refused within the retention period, an erasure carried out (after a hold is
// cleared), and a restriction upheld.
const NOTE = 'Robin arrived late and seemed irritable; said the week had been difficult at work.';
const STATEMENT = 'I was not irritable. I was late because the bus broke down, and I said so at the time.';

let server: RunningServer;
let b: BrowserSession;
let page: Page;
const ids: Record<string, string> = {};

const heading = (p: Page) => p.locator('main h1');
const toast = (p: Page) => p.locator('[role="status"]');

async function openRequest(path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toMatch(/request · C-/);
}

describe('the client’s other rights in the web app', () => {
  beforeAll(async () => {
    ({ server, b, page } = await startSignedIn());
    const req = page.request;
    const post = async (path: string, data: unknown) => {
      const res = await req.post(`${server.url}${path}`, { data });
      expect(res.status(), path).toBeLessThan(300);
      return (await res.json()) as { id: string; caseCode?: string };
    };
    const client = async (name: string) => {
      const c = await post('/api/clients', { name });
      await post(`/api/clients/${c.id}/sessions`, { date: '2026-01-12' });
      return c;
    };
    const robin = await client('Robin Hale');
    await post(`/api/clients/${robin.id}/notes`, { kind: 'progress', text: NOTE, sign: true });
    ids.rectification = (await post('/api/sar/requests', { clientId: robin.id, right: 'rectification', message: 'Your note about me being irritable is wrong. Please correct it.' })).id;
    const bea = await client('Bea Lind');
    ids.refuse = (await post('/api/sar/requests', { clientId: bea.id, right: 'erasure', message: 'Please delete everything you hold about me.' })).id;
    const cal = await client('Cal Moreno');
    ids.calClient = cal.id;
    ids.calCase = cal.caseCode ?? '';
    ids.erase = (await post('/api/sar/requests', { clientId: cal.id, right: 'erasure', message: 'Please erase my records.' })).id;
    ids.calAccess = (await post('/api/sar/requests', { clientId: cal.id, right: 'access', message: 'Please send me a copy of my notes.' })).id;
    const dee = await client('Dee Rowan');
    ids.restriction = (await post('/api/sar/requests', { clientId: dee.id, right: 'restriction', message: 'Please stop sending me text reminders while I dispute my notes.' })).id;
  });
  afterAll(async () => {
    await stopAll(b, server);
  });

  it('rectification: chooses the disputed note and adds the client’s statement of disagreement beside it', async () => {
    await openRequest(`/subject-access/${ids.rectification}`);
    const select = page.getByLabel('Note the client disputes');
    await expect.poll(() => select.locator('option').count(), { timeout: 30_000 }).toBe(2);
    await page.getByRole('button', { name: 'Record the response' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent(), { timeout: 10_000 }).toContain('Choose the note');
    // The message is tied to its control, so a screen reader reads it with the field.
    const describedBy = (await select.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain('Choose the note');
    await select.selectOption({ index: 1 });
    expect(await page.getByTestId('disputed-note').textContent()).toContain(NOTE);
    await page.getByRole('radio', { name: /statement of disagreement/ }).check();
    await page.getByRole('textbox', { name: 'The client’s statement' }).fill(STATEMENT);
    await expectNoAxeViolations(page, 'rectification form');
    await screenshot(page, 'sar-rights-01-rectification');
    await page.getByRole('button', { name: 'Add the client’s statement' }).click();
    await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 30_000 }).toContain('Statement of disagreement added');
    await expect.poll(() => page.getByTestId('disputed-note').textContent(), { timeout: 30_000 }).toContain(STATEMENT);
    const note = (await page.getByTestId('disputed-note').textContent()) ?? '';
    expect(note).toContain(NOTE);
    expect(note).toContain('The client’s statement of disagreement');
    await expect.poll(() => toast(page).textContent(), { timeout: 10_000 }).toContain('statement was added');
    await expectNoAxeViolations(page, 'rectification done');
    await screenshot(page, 'sar-rights-02-rectified');
  });

  it('erasure refused with reasons: the retention position is shown and the complaint route given', async () => {
    await openRequest(`/subject-access/${ids.refuse}`);
    const retention = page.getByTestId('retention');
    await expect.poll(() => retention.textContent(), { timeout: 30_000 }).toContain('UK default');
    expect(await retention.textContent()).toMatch(/Keep until.*2033/);
    expect(await page.getByTestId('fee').textContent()).toBe('No fee');
    await expectNoAxeViolations(page, 'erasure form');
    await screenshot(page, 'sar-rights-03-erasure');
    await page.getByRole('radio', { name: /Refuse, with reasons/ }).check();
    await page.getByRole('textbox', { name: 'Reasons for the decision' }).fill('We must keep counselling records for seven years after the last session.');
    await page.getByRole('button', { name: 'Refuse the erasure' }).click();
    await expect.poll(() => page.getByTestId('complaint-route').textContent(), { timeout: 30_000 }).toContain('Information Commissioner');
    expect(await page.getByTestId('outcome').textContent()).toContain('Refused');
    expect(await page.getByTestId('outcome').textContent()).toContain('seven years');
    await expectNoAxeViolations(page, 'erasure refused');
    await screenshot(page, 'sar-rights-04-refused');
  });

  it('erasure carried out by the administrator: a hold blocks it first, then the records are destroyed and certified', async () => {
    await openRequest(`/subject-access/${ids.erase}`);
    await page.getByRole('radio', { name: /Erase the records/ }).check();
    await page.getByRole('textbox', { name: 'Reasons for the decision' }).fill('The client left therapy after one session and asked for erasure; nothing requires us to keep the record.');
    await page.getByRole('button', { name: 'Erase the records…' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await dialog.textContent()).toContain('keys are destroyed');
    expect(await dialog.textContent()).toContain('certificate of destruction');
    await expectNoAxeViolations(page, 'erasure confirmation');
    await screenshot(page, 'sar-rights-05-confirm');
    await dialog.getByRole('button', { name: 'Erase permanently' }).click();
    // The open access request holds the case: the server's refusal is shown as it is.
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 30_000 }).toMatch(/^Held: An open .* must be answered first/);
    await screenshot(page, 'sar-rights-06-held');

    expect((await page.request.post(`${server.url}/api/sar/requests/${ids.calAccess}/close`, { data: { status: 'withdrawn' } })).status()).toBe(200);
    await page.getByRole('button', { name: 'Erase the records…' }).click();
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(true);
    await dialog.getByRole('button', { name: 'Erase permanently' }).click();
    await expect.poll(() => page.getByTestId('erased').textContent(), { timeout: 60_000 }).toContain(`Every record of ${ids.calCase} was securely destroyed`);
    await expectNoAxeViolations(page, 'erased');
    await screenshot(page, 'sar-rights-07-erased');

    await page.getByRole('link', { name: 'Retention' }).last().click();
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Retention and disposal');
    await expect.poll(() => page.getByTestId('certificates').textContent(), { timeout: 30_000 }).toContain(ids.calCase);
    await screenshot(page, 'sar-rights-08-certificate');

    await page.goto(`${server.url}/clients/${ids.calClient}`);
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 30_000 }).toContain('securely destroyed');
  });

  it('restriction upheld, with reasons and what changes', async () => {
    await openRequest(`/subject-access/${ids.restriction}`);
    // No fee by default; one can be recorded only with a ground the law allows.
    expect(await page.getByTestId('fee').textContent()).toBe('No fee');
    await page.getByRole('button', { name: 'Record a fee…' }).click();
    await page.getByRole('button', { name: 'Record the fee' }).click();
    const amount = page.getByLabel('Amount (£)');
    await expect.poll(() => amount.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await page.locator(`[id="${await amount.getAttribute('aria-describedby')}"]`).textContent()).toContain('Give the amount');
    await amount.fill('10');
    expect(await page.getByLabel('Ground').locator('option').allTextContents()).toEqual([expect.stringContaining('manifestly unfounded or excessive')]);
    await expectNoAxeViolations(page, 'fee form');
    await page.getByRole('button', { name: 'Record the fee' }).click();
    await expect.poll(() => page.getByTestId('fee').textContent(), { timeout: 30_000 }).toMatch(/^£10\.00 — The request is manifestly unfounded/);
    await page.getByRole('button', { name: 'Remove the fee' }).click();
    await expect.poll(() => page.getByTestId('fee').textContent(), { timeout: 30_000 }).toBe('No fee');

    await page.getByRole('button', { name: 'Record the decision' }).click();
    const upheld = page.getByRole('radio', { name: /Uphold/ });
    await expect.poll(() => upheld.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name), { timeout: 10_000 }).toBe('decision');
    await page.keyboard.press('Space');
    expect(await upheld.isChecked()).toBe(true);
    await page.getByRole('textbox', { name: 'Reasons for the decision' }).fill('The client contests the accuracy of their notes; reminders can wait while that is settled.');
    await page.getByLabel('What changes').fill('No text reminders are sent; the record is kept but not used for anything else until the dispute is settled.');
    await expectNoAxeViolations(page, 'restriction form');
    await screenshot(page, 'sar-rights-09-restriction');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 30_000 }).toContain('Upheld');
    const outcome = (await page.getByTestId('outcome').textContent()) ?? '';
    expect(outcome).toContain('No text reminders are sent');
    expect(await page.getByTestId('complaint-route').count()).toBe(0);
    await expectNoAxeViolations(page, 'restriction upheld');
    await screenshot(page, 'sar-rights-10-upheld');
  });
});

describe('process notes in an access request under HIPAA', () => {
  let us: RunningServer;
  let ub: BrowserSession;
  let requestId = '';
  beforeAll(async () => {
    us = await startServer();
    ub = await launchBrowser();
    const req = ub.page.request;
    await setUpPracticeViaApi(req, us.url, { jurisdiction: 'US-CA', practiceName: 'Bayview Therapy' });
    const post = async (path: string, data: unknown) => (await req.post(`${us.url}${path}`, { data })).json() as Promise<{ id: string }>;
    const kit = (await post('/api/clients', { name: 'Kit Navarro' })).id;
    await post(`/api/clients/${kit}/notes`, { kind: 'progress', text: 'Discussed sleep and work stress.', sign: true });
    await post(`/api/clients/${kit}/notes`, { kind: 'process', text: 'My own reflections on the transference.', sign: true });
    requestId = (await post('/api/sar/requests', { clientId: kit, right: 'access', message: 'Please send me my records, including your therapy notes.' })).id;
  });
  afterAll(async () => {
    await ub?.close();
    await us?.destroy();
  });

  it('leaves psychotherapy notes out by default and includes them by the practitioner’s choice, with reasons', async () => {
    const p = ub.page;
    await p.goto(`${us.url}/subject-access/${requestId}`);
    const state = p.getByTestId('process-notes-state');
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toContain('Process notes are left out of the export.');
    await expect.poll(() => p.locator('.facts').filter({ hasText: 'Process notes' }).textContent(), { timeout: 30_000 }).toContain('0 included, 1 left out');
    await p.getByRole('radio', { name: /Include them/ }).check();
    await p.getByRole('button', { name: 'Record the choice' }).click();
    const reasons = p.getByRole('textbox', { name: 'Reasons for your choice' });
    await expect.poll(() => reasons.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    await reasons.fill('The client asked for the therapy notes and we agreed they would help.');
    await expectNoAxeViolations(p, 'process notes choice');
    await screenshot(p, 'sar-rights-11-process-notes');
    await p.getByRole('button', { name: 'Record the choice' }).click();
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toContain('Process notes are included in the export.');
    expect(await state.textContent()).toContain('we agreed they would help');
    await expect.poll(() => p.locator('.facts').filter({ hasText: 'Process notes' }).textContent(), { timeout: 30_000 }).toMatch(/Process notes1(?!\d)/);
    await expectNoAxeViolations(p, 'process notes included');
  });
});
