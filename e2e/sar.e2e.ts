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

// A client emails asking for their records; the practitioner logs it, checks the deadline,
// reviews what to withhold from a couple-work note, and gives the client their copy: a PDF and a
// ZIP that open with a passphrase read out to them.
const EMAIL = 'Hi Maya,\n\nI would like a copy of everything you hold about me, including the notes from our sessions.\n\nBest wishes,\nJordan';
const COUPLE_NOTE = 'Joint session with Jordan and Sam. Sam said: "I feel invisible when Jordan works late." Jordan described feeling criticised.';

let server: RunningServer;
let b: BrowserSession;
let page: Page;

const heading = (p: Page) => p.locator('main h1');

describe('subject access: paste an email, open the request, review redactions, export', () => {
  beforeAll(async () => {
    ({ server, b, page } = await startSignedIn());
    const req = page.request;
    const post = async (path: string, data: unknown) => (await req.post(`${server.url}${path}`, { data })).json() as Promise<{ id: string }>;
    const jordan = (await post('/api/clients', { name: 'Jordan Ellis', email: 'jordan.ellis@example.org' })).id;
    const sam = (await post('/api/clients', { name: 'Sam Carter' })).id;
    const session = (await post(`/api/clients/${jordan}/sessions`, { date: '2026-01-12' })).id;
    expect((await req.post(`${server.url}/api/clients/${jordan}/participants`, { data: { sessionId: session, participantClientId: sam, role: 'partner' } })).status()).toBe(204);
    await post(`/api/clients/${jordan}/notes`, { kind: 'progress', text: COUPLE_NOTE, sessionId: session, sign: true });
  });
  afterAll(async () => {
    await stopAll(b, server);
  });

  it('detects the access request in a pasted email and opens it with its due date', async () => {
    await page.goto(`${server.url}/subject-access`);
    await expect.poll(() => heading(page).textContent(), { timeout: 20_000 }).toBe('Subject access and rights');
    await page.getByLabel('From client').selectOption({ label: (await page.getByRole('option', { name: /Jordan Ellis/ }).textContent()) ?? '' });
    await page.getByLabel('Message as received').fill(EMAIL);
    await page.getByRole('button', { name: 'Check message' }).click();
    await expect.poll(() => page.getByText('This reads as a request for subject access.').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('.cue-list li').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'log a message');
    await screenshot(page, 'sar-01-detected');
    await page.getByRole('button', { name: 'Open subject access request' }).click();
    await expect.poll(() => heading(page).textContent(), { timeout: 20_000 }).toMatch(/^Subject access request · C-/);
    await expect.poll(() => page.getByTestId('due-date').textContent(), { timeout: 20_000 }).toMatch(/\d{4}/);
    await expectNoAxeViolations(page, 'request');
  });

  it('shows the due date on the dashboard', async () => {
    const url = page.url();
    const due = await page.getByTestId('due-date').textContent();
    await page.getByRole('link', { name: 'Deadlines' }).click();
    await expect.poll(() => heading(page).textContent(), { timeout: 20_000 }).toBe('Deadlines');
    const item = page.locator('.deadline').filter({ hasText: 'Subject access' });
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(1);
    expect(await item.textContent()).toContain(due ?? 'missing');
    // The client's name stands beside the case code for the practitioner who holds the case.
    await expect.poll(() => item.textContent()).toMatch(/Subject access · Jordan Ellis \(C-/);
    await expectNoAxeViolations(page, 'dashboard');
    await screenshot(page, 'sar-02-dashboard');
    await page.goto(url);
  });

  it('proposes the partner’s name and words for withholding, and records the decisions', async () => {
    await page.getByRole('button', { name: 'Find information to withhold' }).click();
    const source = page.locator('.source').first();
    await expect.poll(() => source.locator('mark.redact-proposed').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await source.locator('mark').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Sam said')]));
    await expectNoAxeViolations(page, 'redaction review');
    await screenshot(page, 'sar-03-review');
    await page.getByRole('button', { name: /^Withhold all \d+ proposals$/ }).click();
    await expect.poll(() => page.locator('mark.redact-proposed').count(), { timeout: 20_000 }).toBe(0);
    expect(await page.locator('mark.redact-accepted').count()).toBeGreaterThan(0);
  });

  it('prepares the client’s copy: the passphrase shown once, two files that open with standard tools; the partner is absent', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Left out, and why' }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Prepare the client’s copy' }).click();
    const passphrase = (await page.getByTestId('export-passphrase').textContent()) ?? '';
    expect(passphrase).toMatch(/^[a-z]+( [a-z]+){4}$/);
    expect(await page.getByText(/by phone or give it in person/).count()).toBe(1);
    const pdfLink = page.getByRole('link', { name: 'Download the records (PDF)' });
    await expect.poll(() => pdfLink.count(), { timeout: 60_000 }).toBe(1);
    await expectNoAxeViolations(page, 'export ready');
    await screenshot(page, 'sar-04-export');
    const dir = mkdtempSync(join(tmpdir(), 'sanctum-e2e-sar-'));
    try {
      const [pdfDownload] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
      expect(pdfDownload.suggestedFilename()).toMatch(/^records-C-[A-Z0-9-]+\.pdf$/);
      const pdf = execFileSync('pdftotext', ['-upw', passphrase, await pdfDownload.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(pdf).toContain('Jordan described feeling criticised.');
      expect(pdf).not.toContain('Sam');
      const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the records as data (ZIP)' }).click()]);
      expect(zipDownload.suggestedFilename()).toMatch(/^records-C-[A-Z0-9-]+-data\.zip$/);
      execFileSync('7z', ['x', `-p${passphrase}`, `-o${dir}`, await zipDownload.path()], { stdio: 'pipe' });
      const json = readFileSync(join(dir, 'records.json'), 'utf8');
      expect(json).toContain('Jordan described feeling criticised.');
      expect(json).not.toContain('Sam');
      expect(json).toContain('[withheld: another person]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.getByRole('button', { name: 'Record delivery' }).click();
    await expect.poll(() => page.getByText(/^Sent by secure email on/).count(), { timeout: 20_000 }).toBe(1);
    await expectNoAxeViolations(page, 'delivered');
  });
});
