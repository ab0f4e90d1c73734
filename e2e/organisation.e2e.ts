import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/db/connection.js';
import { expectNoAxeViolations } from './support/axe.js';
import type { BrowserSession } from './support/browser.js';
import { addClientViaApi, enrolColleague, startSignedIn, stopAll } from './support/practice.js';
import { screenshot } from './support/screenshot.js';
import type { RunningServer } from './support/server.js';
import { freshTotpCode } from './support/totp.js';

// A clinical lead breaks the glass for a client who is not theirs, reads, and the access ends;
// the data-protection officer reviews it; the client's access history shows it with its reason;
// and cover given to a colleague ends on its last day. Time passing is simulated by moving the
// stored end of the access (and of the cover) into the past, as the hours and days would.
const LEAD = { displayName: 'Rowan Achebe', email: 'rowan@riverside.example', password: 'harbour walnut quiet 58 lantern' };
const DPO = { displayName: 'Dana Whitfield', email: 'dana@riverside.example', password: 'orchard copper still 31 river' };
const BEN = { displayName: 'Ben Castellano', email: 'ben@riverside.example', password: 'meadow lantern brisk 72 quay' };

let server: RunningServer;
let b: BrowserSession;
let page: Page;
const contexts: BrowserContext[] = [];
let lead: Page;
let leadTotp: string;
let dpo: Page;
let ben: Page;
let client: { id: string; caseCode: string };

/** Move stored times into the past, as if they had gone by (the server reads them on every request). */
async function pastDue(sql: (db: ReturnType<typeof connect>) => Promise<unknown>): Promise<void> {
  const db = connect({ databaseUrl: server.databaseUrl, dataDir: server.dataDir });
  try {
    await sql(db);
  } finally {
    await db.close();
  }
}

describe('organisation: emergency access, its review, and cover', () => {
  beforeAll(async () => {
    ({ server, b, page } = await startSignedIn());
    client = await addClientViaApi(page.request, server.url, { name: 'Imogen Ferreira-Lund', dob: '1990-04-11', email: 'imogen@example.net' });
    const l = await enrolColleague(page.request, server.url, b, LEAD, ['clinical_lead']);
    lead = l.page;
    leadTotp = l.totpSecret;
    const d = await enrolColleague(page.request, server.url, b, DPO, ['dpo']);
    dpo = d.page;
    const n = await enrolColleague(page.request, server.url, b, BEN, ['practitioner']);
    ben = n.page;
    contexts.push(l.context, d.context, n.context);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await stopAll(b, server);
  });

  it('a clinical lead opens a record in an emergency, with a reason and a time limit, and reads it', async () => {
    await lead.goto(`${server.url}/clients/${client.id}`);
    await expect.poll(() => lead.getByText(/No such client|not found|does not exist/i).count(), { timeout: 30_000 }).toBeGreaterThan(0);

    await lead.goto(`${server.url}/emergency-access`);
    await lead.getByRole('button', { name: 'Open a record in an emergency' }).click();
    const form = lead.getByRole('form', { name: 'Emergency access' });
    await form.getByLabel('Case code').fill(client.caseCode);
    await form.getByLabel('Risk to life or of serious harm').check();
    await form.getByLabel('What has happened').fill('She rang reception saying she had taken an overdose; her counsellor is on leave and unreachable.');
    await form.getByLabel('For how long').selectOption('1');
    await form.getByLabel('Your password').fill(LEAD.password);
    await form.getByLabel('Code from your app').fill(await freshTotpCode(leadTotp));
    await expectNoAxeViolations(lead, 'emergency access form');
    await screenshot(lead, 'organisation-01-emergency-form');
    await form.getByRole('button', { name: 'Open the record now' }).click();

    const banner = lead.getByTestId('active-emergency-access');
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(1);
    expect(await banner.textContent()).toMatch(/Emergency access to case .* is open/);
    expect(await banner.textContent()).toMatch(/min left/);
    await screenshot(lead, 'organisation-02-emergency-open');
    await banner.getByRole('link', { name: 'Open the record' }).click();
    await expect.poll(() => lead.getByText('Imogen Ferreira-Lund').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // Read-only, and said so: no control to write with.
    expect(await lead.getByTestId('emergency-banner').textContent()).toMatch(/Emergency access: read-only, until/);
    expect(await lead.getByRole('button', { name: 'Write a note' }).count()).toBe(0);
    expect(await lead.getByRole('button', { name: 'Edit details' }).count()).toBe(0);
    await expectNoAxeViolations(lead, 'record under emergency access');
    await screenshot(lead, 'organisation-03-record-under-emergency-access');
  });

  it('the access ends by itself when its time is up', async () => {
    await pastDue((db) => db.kysely.updateTable('break_glass').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).execute());
    await lead.goto(`${server.url}/clients/${client.id}`);
    await expect.poll(() => lead.getByText(/No such client|not found|does not exist/i).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await lead.getByText('Imogen Ferreira-Lund').count()).toBe(0);
    await lead.goto(`${server.url}/emergency-access`);
    await expect.poll(() => lead.getByTestId('emergency-accesses').count(), { timeout: 30_000 }).toBe(1);
    expect(await lead.getByTestId('active-emergency-access').count()).toBe(0);
    expect(await lead.getByTestId('emergency-accesses').textContent()).toContain('Ended');
  });

  it('the data-protection officer reviews it from the review queue, without the client’s name', async () => {
    // The review queue is the data-protection officer's home; nothing clinical is in their navigation.
    await dpo.goto(`${server.url}/`);
    await expect.poll(() => new URL(dpo.url()).pathname, { timeout: 30_000 }).toBe('/reviews');
    const nav = dpo.getByRole('navigation', { name: /main/i });
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toEqual(expect.arrayContaining(['Reviews', 'Audit log', 'Retention', 'Breaches', 'Subject access']));
    for (const clinical of ['Caseload', 'Requests', 'Agreements']) expect(links).not.toContain(clinical);
    const queue = dpo.getByTestId('review-queue');
    await expect.poll(() => queue.locator('tr[data-kind="break_glass"]').count(), { timeout: 30_000 }).toBe(1);
    const row = queue.locator('tr[data-kind="break_glass"]');
    expect(await row.textContent()).toContain('Risk to life or of serious harm');
    expect(await dpo.content()).not.toContain('Imogen');
    await row.getByRole('button', { name: /Review/ }).click();
    const form = dpo.getByRole('form', { name: /Review: Emergency access to a record/ });
    await form.getByLabel('Appropriate', { exact: true }).check();
    await form.getByLabel('Your notes').fill('Called the lead: overdose report, counsellor on leave. Access ended after the ambulance was called.');
    await expectNoAxeViolations(dpo, 'review queue');
    await screenshot(dpo, 'organisation-04-review');
    await form.getByRole('button', { name: 'Record the review' }).click();
    await expect.poll(() => queue.locator('tr[data-kind="break_glass"]').count(), { timeout: 30_000 }).toBe(0);
    await dpo.getByRole('button', { name: 'Show reviewed too' }).click();
    await expect.poll(async () => (await queue.textContent()) ?? '', { timeout: 30_000 }).toContain('Appropriate');
    await screenshot(dpo, 'organisation-05-reviewed');
  });

  it('the client’s access history shows the emergency access and its reason', async () => {
    await page.goto(`${server.url}/clients/${client.id}/access`);
    await expect.poll(async () => (await page.content()).includes('Used emergency access to the record'), { timeout: 30_000 }).toBe(true);
    expect(await page.content()).toContain('Risk to life or of serious harm');
    await expectNoAxeViolations(page, 'access history with emergency access');
    await screenshot(page, 'organisation-06-access-history');
  });

  it('an admin arranges cover; the colleague sees the client while it lasts, and not after its last day', async () => {
    await page.goto(`${server.url}/cover`);
    const section = page.getByRole('region', { name: 'Cover' });
    await section.getByRole('button', { name: 'Arrange cover' }).click();
    const form = page.getByRole('form', { name: 'Arrange cover' });
    await form.getByLabel('Covering colleague').selectOption({ label: BEN.displayName });
    await form.getByLabel('Covering for').selectOption({ label: 'Maya Okafor' });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Last day').fill(tomorrow);
    await form.getByLabel('Reason').fill('Annual leave');
    await expectNoAxeViolations(page, 'arrange cover');
    await form.getByRole('button', { name: 'Arrange cover' }).click();
    await expect.poll(async () => (await page.getByTestId('cover-list').textContent()) ?? '', { timeout: 30_000 }).toContain('Annual leave');
    await screenshot(page, 'organisation-07-cover');

    await ben.goto(`${server.url}/`);
    await expect.poll(() => ben.getByText('Imogen Ferreira-Lund').count(), { timeout: 30_000 }).toBeGreaterThan(0);

    await pastDue((db) => db.kysely.updateTable('care_relationships').set({ starts_on: '2020-01-01', ends_on: '2020-01-02' }).where('kind', '=', 'cover').execute());
    await ben.goto(`${server.url}/`);
    await expect.poll(() => ben.getByRole('heading', { name: 'Caseload' }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => ben.getByText('Imogen Ferreira-Lund').count(), { timeout: 30_000 }).toBe(0);
    await ben.goto(`${server.url}/clients/${client.id}`);
    await expect.poll(() => ben.getByText(/No such client|not found|does not exist/i).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  });
});
