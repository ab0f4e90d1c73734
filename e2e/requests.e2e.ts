import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import type { BrowserSession } from './support/browser.js';
import { screenshot } from './support/screenshot.js';
import type { RunningServer } from './support/server.js';
import { startSignedIn, stopAll } from './support/practice.js';

// Three requests from the product brief: a TV researcher, the police without an order, a court order.
const CLIENT = 'Jordan Ellis';

let server: RunningServer;
let b: BrowserSession;
let page: Page;
let clientId = '';
let caseCode = '';
let tmp = '';

const heading = (p: Page) => p.locator('main h1');
const card = (p: Page, name: string) => p.getByRole('region', { name, exact: true });

async function logRequest(p: Page, f: { who: string; org: string; name: string; asks: string; brief: string; authority: string; client?: string }): Promise<void> {
  await p.goto(`${server.url}/requests`);
  await expect.poll(() => heading(p).textContent()).toBe('Requests for information').catch(async (e: unknown) => {
    await screenshot(p, 'requests-failure');
    throw e;
  });
  const form = card(p, 'Log a request');
  await form.getByLabel('Who is asking').selectOption(f.who);
  await form.getByLabel('Organisation').fill(f.org);
  await form.getByLabel('Their name').fill(f.name);
  await form.getByLabel('What they ask for').selectOption(f.asks);
  await form.getByLabel('The request in brief').fill(f.brief);
  await form.getByLabel('Authority shown').selectOption(f.authority);
  if (f.client) await form.getByLabel('About which client').selectOption({ label: f.client });
  await form.getByRole('button', { name: 'Log and triage' }).click();
  await expect.poll(() => heading(p).textContent()).toMatch(/^Request R-/);
}

async function recordStep(p: Page, label: string, fill: (form: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  const checklist = card(p, 'Checklist');
  await checklist.getByRole('button', { name: `Record: ${label}` }).click({ timeout: 15_000 }).catch(async (e: unknown) => {
    await screenshot(p, 'requests-failure');
    throw e;
  });
  const form = p.getByRole('form', { name: `Record: ${label}` });
  await fill(form);
  await form.getByRole('button', { name: 'Record step' }).click();
  await expect.poll(() => p.getByRole('form', { name: `Record: ${label}` }).count()).toBe(0);
  // Wait for the reloaded request, so the next click lands on the new checklist.
  await expect.poll(() => checklist.locator('li', { hasText: label }).first().textContent()).toMatch(/^Done: /);
}

async function decide(p: Page, outcome: string, reasons: string): Promise<void> {
  const d = card(p, 'Decision');
  await d.getByLabel(outcome).check();
  await d.getByLabel('Factors weighed').fill('What the law requires\nThe client’s wishes');
  await d.getByLabel('Reasons').fill(reasons);
  await d.getByRole('button', { name: 'Save draft' }).click();
  await expect.poll(() => d.getByText(/Draft saved/).count()).toBe(1);
  await d.getByRole('button', { name: 'Sign off decision' }).click();
  // Signing off asks first, as signing a note does.
  const dialog = p.getByRole('dialog', { name: 'Sign off this decision?' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await dialog.getByRole('button', { name: 'Sign off', exact: true }).click();
  await expect.poll(() => card(p, 'Decision').getByText(/Signed off/).count()).toBe(1);
}

describe('requests for information: three cases end to end', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'sanctum-e2e-requests-'));
    ({ server, b, page } = await startSignedIn());
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    page.on('console', (m) => { if (m.type() === 'error') process.stderr.write(`console error: ${m.text()}\n`); });
    const req = page.request;
    const client = await req.post(`${server.url}/api/clients`, { data: { name: CLIENT, dob: '1987-06-14' } });
    ({ id: clientId, caseCode } = (await client.json()) as { id: string; caseCode: string });
    for (const [kind, text] of [['progress', 'Attended. Talked about the move and sleep.'], ['progress', 'Attended. Work stress; plan for the week.'], ['process', 'My own reaction: protective, a little anxious.']]) {
      expect((await req.post(`${server.url}/api/clients/${clientId}/notes`, { data: { kind, text, sign: true } })).status()).toBe(201);
    }
  });
  afterAll(async () => {
    await stopAll(b, server);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('a TV researcher: logged, triaged as no basis, declined without confirming the client', async () => {
    await page.goto(`${server.url}/requests`);
    await expect.poll(() => heading(page).textContent()).toBe('Requests for information');
    await expectNoAxeViolations(page, 'requests register (empty)');
    await screenshot(page, 'requests-01-register');
    const started = Date.now();
    await logRequest(page, { who: 'media', org: 'Brightside Television', name: 'Sally Producer', asks: 'contact_clients', brief: `Wants couples for a programme on affairs; asked whether ${CLIENT} would take part.`, authority: 'none' });
    expect(Date.now() - started).toBeLessThan(60_000);
    await expect.poll(() => page.getByTestId('basis').textContent()).toContain('No basis to disclose');
    expect(await card(page, 'Triage').textContent()).toMatch(/Source: .*BACP/);
    await expectNoAxeViolations(page, 'request detail (media)');
    await screenshot(page, 'requests-02-media-triage');

    await card(page, 'Letters').getByRole('button', { name: 'Courteous decline' }).click();
    const letter = page.getByTestId('letter-text');
    await expect.poll(() => letter.textContent()).toContain('Dear Sally Producer');
    const text = (await letter.textContent()) ?? '';
    expect(text).not.toContain('Jordan');
    expect(text).not.toContain('Ellis');
    expect(text).not.toContain(caseCode);
    await expectNoAxeViolations(page, 'decline letter');
    await screenshot(page, 'requests-03-decline-letter');

    await recordStep(page, 'Do not confirm whether the person is a client', async (f) => { await f.getByLabel('Note').fill('Replied with the standard decline.'); });
    await decide(page, 'Decline', 'No basis: media have no standing; the practice never confirms who is a client.');
  });

  it('the police without an order in England: consent sought, supervisor consulted, decision recorded', async () => {
    await logRequest(page, { who: 'police', org: 'Metropolitan Police', name: 'DC Sam Hughes', asks: 'records', brief: 'Copies of session notes for an investigation; no order.', authority: 'none', client: `${CLIENT} (${caseCode})` });
    await expect.poll(() => page.getByTestId('basis').textContent()).toContain('Only with the client’s consent');
    expect(await page.locator('main .lead').textContent()).toContain('Awaiting the client’s consent');
    expect(await card(page, 'Triage').textContent()).toContain('Police and Criminal Evidence Act 1984');

    await recordStep(page, 'Consult your supervisor', async (f) => {
      await f.getByLabel('Supervisor’s name').fill('Dr Ruth Ellison');
      await f.getByLabel('Their advice').fill('Without an order, release nothing unless the client agrees; offer a short factual letter instead.');
    });
    await recordStep(page, 'Discuss it with the client', async (f) => {
      await f.getByLabel('What the client said').fill('Agreed to a short letter confirming attendance dates only.');
      await f.getByLabel('Their answer on consent').selectOption('given');
    });
    // With consent given, triage runs again; the steps it still asks for are completed here.
    await recordStep(page, 'Verify the requester and their instrument', async (f) => { await f.getByLabel('How they and their instrument were checked').fill('Rang the station switchboard and was put through.'); });
    if ((await page.getByTestId('step-legal_advice').count()) > 0) {
      await recordStep(page, 'Take legal advice', async (f) => {
        await f.getByLabel('Where the advice came from').fill('Insurer’s legal helpline');
        await f.getByLabel('The advice').fill('A consented attendance letter is proportionate.');
      });
    }
    const todos = card(page, 'Checklist').getByRole('button', { name: /^Record: / });
    while ((await todos.count()) > 0) {
      const label = ((await todos.first().getAttribute('aria-label')) ?? '').replace(/^Record: /, '');
      await recordStep(page, label, async (f) => { await f.getByLabel('Not needed in this case').check(); await f.getByLabel('Why it is not needed').fill('Covered by the conversation with the client.'); });
    }
    await expect.poll(() => page.locator('main .lead').textContent()).not.toContain('Awaiting');
    expect(await page.getByTestId('step-consult_supervisor').textContent()).toContain('Dr Ruth Ellison');
    await expectNoAxeViolations(page, 'police checklist');
    await screenshot(page, 'requests-04-police-checklist');
    await decide(page, 'Provide a report instead', 'The client consented to dates of attendance only; records stay with the practice.');
    const signed = (await card(page, 'Decision').textContent()) ?? '';
    expect(signed).toContain('Provide a report instead');
    expect(await page.getByTestId('step-consult_supervisor').textContent()).toContain('release nothing unless the client agrees');
    await expectNoAxeViolations(page, 'police decision signed');
    await screenshot(page, 'requests-05-police-decided');
  });

  it('a court order: minimal pack with a visible watermark, listed in the accounting of disclosures', async () => {
    await logRequest(page, { who: 'court', org: 'Family Court at Bristol', name: 'Court Manager', asks: 'records', brief: 'Order for notes of the first two sessions.', authority: 'court_order', client: `${CLIENT} (${caseCode})` });
    await expect.poll(() => page.getByTestId('basis').textContent()).toContain('Required by law');
    const requestId = new URL(page.url()).pathname.split('/').pop() ?? '';
    // The checklist screens are covered above; here the steps go through the API.
    const view = (await (await page.request.get(`${server.url}/api/requests/${requestId}`)).json()) as { checklist: { step: string; bySignOff: boolean }[] };
    for (const c of view.checklist.filter((x) => !x.bySignOff)) {
      const r = await page.request.post(`${server.url}/api/requests/${requestId}/steps`, { data: { step: c.step, date: '2026-01-05', name: 'Dr Ruth Ellison', advice: 'Give exactly what the order covers.', source: 'Insurer', outcome: 'Seal checked with the court office', note: 'Done' } });
      expect(r.status()).toBe(201);
    }
    await page.reload();
    await expect.poll(() => card(page, 'Decision').count()).toBe(1);
    await decide(page, 'Disclose in part', 'The order covers the first two sessions only.');

    const pack = card(page, 'Disclosure pack');
    await expect.poll(() => pack.getByRole('checkbox').count()).toBe(3);
    await pack.getByLabel(/^Session note.*move and sleep/).check();
    await pack.getByLabel(/^Session note.*Work stress/).check();
    await pack.getByLabel('Purpose').fill('Family proceedings');
    await pack.getByRole('button', { name: 'Preview the pack' }).click();
    const preview = page.getByTestId('pack-preview');
    await expect.poll(() => preview.textContent()).toContain('Disclosed to Court Manager, Family Court at Bristol · Purpose: Family proceedings');
    expect(await preview.textContent()).not.toContain('protective, a little anxious');
    await expectNoAxeViolations(page, 'pack preview');
    await screenshot(page, 'requests-06-pack-preview');

    await pack.getByRole('button', { name: 'Produce the pack' }).click();
    const link = pack.getByRole('link', { name: 'Download the pack (PDF)' });
    await expect.poll(() => link.count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = join(tmp, 'pack.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const pdfText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('Disclosed to Court Manager, Family Court at Bristol');
    expect(pdfText).toContain('Purpose: Family proceedings');
    expect(pdfText).toContain('move and sleep');
    expect(pdfText).not.toContain('protective, a little anxious');
    await screenshot(page, 'requests-07-pack-made');

    await pack.getByRole('link', { name: 'See the accounting of disclosures' }).click();
    await expect.poll(() => heading(page).textContent()).toBe(CLIENT);
    const accounting = card(page, 'Accounting of disclosures');
    await expect.poll(() => accounting.locator('tbody tr').count()).toBe(1);
    const row = (await accounting.locator('tbody tr').textContent()) ?? '';
    expect(row).toContain('Court Manager, Family Court at Bristol');
    expect(row).toContain('2 session notes');
    expect(row).toContain('Family proceedings');
    expect(row).toContain('Required by law');
    await expectNoAxeViolations(page, 'accounting of disclosures');
    await screenshot(page, 'requests-08-accounting');

    await page.goto(`${server.url}/requests`);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    // The practitioner sees their own client's name beside the case code.
    await expect.poll(() => page.getByText(`Case ${CLIENT} (${caseCode})`).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'requests register (three)');
    await screenshot(page, 'requests-09-register');
  });
});
