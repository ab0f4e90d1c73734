import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import type { BrowserSession } from './support/browser.js';
import { enrolColleague, startSignedIn, stopAll } from './support/practice.js';
import { screenshot } from './support/screenshot.js';
import type { RunningServer } from './support/server.js';

// A counsellor leaves: the practice manager disables the account, moves the clients to a
// colleague from the same panel, and the colleague finds them, notes and all, in their caseload.
// An admin who also sees clients hands one of their own to a colleague from the record page.
const LEAVING = { displayName: 'Tomasz Brennan', email: 'tomasz@riverside.example', password: 'harbour quiet meadow 77 kite' };
const TAKING = { displayName: 'Priya Shah', email: 'priya@riverside.example', password: 'willow signal copper 18 dune' };

let server: RunningServer;
let b: BrowserSession;
let page: Page;
let priyaContext: BrowserContext;
let priya: Page;

const heading = (p: Page) => p.locator('main h1, .gate-card h1').first();
const row = (p: Page, name: string) => p.getByTestId('team').locator('tbody tr', { hasText: name });
const panel = (p: Page) => p.getByRole('region', { name: `Manage ${LEAVING.displayName}` });
const focused = (p: Page) => p.evaluate(() => document.activeElement?.textContent?.trim());

async function addClient(req: APIRequestContext, name: string): Promise<string> {
  const res = await req.post(`${server.url}/api/clients`, { data: { name } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("moving a departing colleague's clients to another practitioner", () => {
  let robin = '';
  let tomaszContext: BrowserContext;
  beforeAll(async () => {
    ({ server, b, page } = await startSignedIn());
    const leaving = await enrolColleague(page.request, server.url, b, LEAVING);
    tomaszContext = leaving.context;
    const tomasz = leaving.page.request;
    ({ context: priyaContext, page: priya } = await enrolColleague(page.request, server.url, b, TAKING));
    robin = await addClient(tomasz, 'Robin Hale');
    expect((await tomasz.post(`${server.url}/api/clients/${robin}/notes`, { data: { kind: 'progress', text: 'Robin spoke about the move to Leeds and sleeping better.', sign: true } })).status()).toBe(201);
    await addClient(tomasz, 'Sam Carter');
    const lee = await addClient(tomasz, 'Lee Park');
    expect((await tomasz.post(`${server.url}/api/clients/${lee}/status`, { data: { status: 'closed' } })).status()).toBe(204);
  });
  afterAll(async () => {
    await tomaszContext?.close();
    await priyaContext?.close();
    await stopAll(b, server);
  });

  it('disabling says how many open clients the colleague holds and offers the move right there', async () => {
    await page.goto(`${server.url}/team`);
    await expect.poll(() => row(page, LEAVING.displayName).count(), { timeout: 30_000 }).toBe(1);
    await row(page, LEAVING.displayName).getByRole('button', { name: `Manage ${LEAVING.displayName}` }).click();
    await panel(page).getByRole('button', { name: 'Disable account…' }).click();
    const dialog = page.getByRole('dialog', { name: `Disable ${LEAVING.displayName}'s account?` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('holds 2 open clients');
    await dialog.getByLabel('Why').selectOption('left_practice');
    await dialog.getByRole('button', { name: 'Disable account' }).click();
    await expect.poll(() => row(page, LEAVING.displayName).textContent()).toContain('Disabled');
    expect(await panel(page).textContent()).toContain('They still hold 2 open clients');
    await panel(page).getByRole('button', { name: 'Move their clients to a colleague' }).click();
    await expect.poll(() => focused(page)).toBe('Move clients to a colleague');
    expect(await panel(page).textContent()).toContain(`${LEAVING.displayName} holds 2 open clients and 1 closed client.`);
    await expectNoAxeViolations(page, 'disabled colleague with clients');
    await screenshot(page, 'caseload-01-disabled-with-clients');
  });

  it('asks which colleague, why, and confirms with the number of clients before moving them', async () => {
    const move = panel(page).getByRole('form', { name: `Move ${LEAVING.displayName}'s clients` });
    await move.getByRole('button', { name: 'Move clients…' }).click();
    await expect.poll(() => move.getByText('Choose the colleague who will take them on.').count()).toBe(1);
    const to = move.getByLabel('Move them to');
    expect(await to.locator('option').allTextContents()).toEqual(['Choose a colleague…', 'Maya Okafor (0 open clients now)', `${TAKING.displayName} (0 open clients now)`]);
    await to.selectOption({ label: `${TAKING.displayName} (0 open clients now)` });
    await move.getByLabel('Also move the 1 closed client').check();
    expect(await move.getByLabel('Why').inputValue()).toBe('practitioner_left');
    await move.getByRole('button', { name: 'Move clients…' }).click();
    const dialog = page.getByRole('dialog', { name: `Move 3 clients to ${TAKING.displayName}?` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(`All 3 clients ${LEAVING.displayName} holds will be in ${TAKING.displayName}'s caseload`);
    await expectNoAxeViolations(page, 'move confirmation');
    await screenshot(page, 'caseload-02-confirm-move');
    await dialog.getByRole('button', { name: 'Move 3 clients' }).click();

    const done = `Moved 3 clients (2 open clients and 1 closed client) from ${LEAVING.displayName} to ${TAKING.displayName}.`;
    await expect.poll(() => focused(page)).toBe(done);
    await expect.poll(() => row(page, TAKING.displayName).textContent()).toContain('2 open');
    expect(await panel(page).textContent()).toContain(`${LEAVING.displayName} holds no clients.`);
    expect(await panel(page).textContent()).not.toContain('They still hold');
    await expectNoAxeViolations(page, 'clients moved');
    await screenshot(page, 'caseload-03-moved');
  });

  it('the colleague signs in and finds the clients in their caseload, with the notes', async () => {
    await priya.goto(server.url);
    await expect.poll(() => heading(priya).textContent(), { timeout: 30_000 }).toBe('Caseload');
    await expect.poll(() => priya.getByText('Robin Hale').count(), { timeout: 30_000 }).toBe(1);
    expect(await priya.getByText('Sam Carter').count()).toBe(1);
    await screenshot(priya, 'caseload-04-new-caseload');
    await priya.getByRole('link', { name: 'Robin Hale' }).click();
    await expect.poll(() => heading(priya).textContent(), { timeout: 30_000 }).toBe('Robin Hale');
    await expect.poll(() => priya.getByText('Robin spoke about the move to Leeds and sleeping better.').count()).toBe(1);
    await expectNoAxeViolations(priya, 'moved record');
    await screenshot(priya, 'caseload-05-moved-record');
  });

  it("an admin hands one of their own clients to a colleague from the record page", async () => {
    const jo = await addClient(page.request, 'Jo Reyes');
    await page.goto(`${server.url}/clients/${jo}`);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Jo Reyes');
    expect(await page.getByText('You hold this client.').count()).toBe(1);
    await page.getByRole('button', { name: 'Change practitioner…' }).click();
    const form = page.getByRole('form', { name: 'Change practitioner' });
    await expect.poll(() => focused(page)).toBe(`Choose a colleague…${TAKING.displayName}`);
    await form.getByLabel('Move this client to').selectOption({ label: TAKING.displayName });
    await form.getByLabel('Why').selectOption('caseload_balance');
    await expectNoAxeViolations(page, 'change practitioner form');
    await screenshot(page, 'caseload-06-change-practitioner');
    await form.getByRole('button', { name: 'Move client…' }).click();
    const dialog = page.getByRole('dialog', { name: `Move this client to ${TAKING.displayName}?` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('You will no longer be able to open it');
    await dialog.getByRole('button', { name: 'Move client' }).click();
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Caseload');
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`moved to ${TAKING.displayName}`);
    expect(await page.getByText('Jo Reyes').count()).toBe(0);
    await screenshot(page, 'caseload-07-back-to-caseload');

    // The admin's own view of the record is now the same refusal as for any record not theirs.
    expect((await page.request.get(`${server.url}/api/clients/${jo}/record`)).status()).toBe(404);
    await priya.goto(server.url);
    await expect.poll(() => priya.getByText('Jo Reyes').count(), { timeout: 30_000 }).toBe(1);
  });
});
