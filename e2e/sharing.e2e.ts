import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import type { BrowserSession } from './support/browser.js';
import { screenshot } from './support/screenshot.js';
import type { RunningServer } from './support/server.js';
import { startSignedIn, stopAll } from './support/practice.js';

// A practitioner anonymises two notes for supervision: review, one rejection, one addition, share.
const NOTE_1 = "Jordan described Sunday as the hardest day. Her sister Priya rang twice. We talked about saying Grace before meals at her grandmother's.";
const NOTE_2 = 'Priya came up again. Jordan works as a lighthouse keeper and finds the night shifts lonely.';

let server: RunningServer;
let b: BrowserSession;
let page: Page;
let clientId = '';

const heading = (p: Page) => p.locator('main h1');
const part = (p: Page, label: string) => p.getByRole('region', { name: label, exact: true });
const visibleText = (l: ReturnType<typeof part>) => l.locator('.pane-text').evaluate((el) => {
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.visually-hidden, [data-skip]').forEach((e) => e.remove());
  return copy.textContent ?? '';
});

describe('sharing: anonymise two notes, review, share with supervision', () => {
  beforeAll(async () => {
    ({ server, b, page } = await startSignedIn());
    // Set-up and the client's notes go through the API: the foundation tests cover those screens.
    const req = page.request;
    const client = await req.post(`${server.url}/api/clients`, { data: { name: 'Jordan Ellis', email: 'jordan.ellis@example.org', gp: 'Dr A. Shah, Riverside Surgery' } });
    clientId = ((await client.json()) as { id: string }).id;
    for (const text of [NOTE_1, NOTE_2]) {
      expect((await req.post(`${server.url}/api/clients/${clientId}/notes`, { data: { kind: 'progress', text, sign: true } })).status()).toBe(201);
    }
  });
  afterAll(async () => {
    await stopAll(b, server);
  });

  it('starts from the Shared material tab on the client record', async () => {
    await page.goto(`${server.url}/clients/${clientId}/shared`);
    await expect.poll(() => heading(page).textContent()).toBe('Jordan Ellis');
    await expect.poll(() => page.getByText('Nothing has been shared from this record.').count()).toBe(1);
    await expectNoAxeViolations(page, 'shared material (empty)');
    await page.getByRole('link', { name: 'Anonymise for supervision' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Anonymise for supervision');
  });

  it('chooses two notes and anonymises them', async () => {
    const boxes = page.getByRole('checkbox');
    await expect.poll(() => boxes.count()).toBe(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expectNoAxeViolations(page, 'choose notes');
    await screenshot(page, 'sharing-01-choose');
    await page.getByRole('button', { name: 'Anonymise' }).click();
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Review anonymised text');
    expect(await page.getByTestId('review-status').textContent()).toMatch(/changes still to review/);
    // Each stand-in carries its type for screen readers, " (Person)": left out when comparing text.
    const out1 = await visibleText(part(page, 'Note 1: anonymised'));
    const out2 = await visibleText(part(page, 'Note 2: anonymised'));
    expect(out1).not.toContain('Priya');
    expect(out2).not.toContain('Jordan');
    // The sister keeps one stand-in across both notes.
    const tag = /sister (\[PERSON-\d+\])/.exec(out1 ?? '')?.[1];
    expect(tag).toBeTruthy();
    expect(out2).toContain(`${tag} came up again`);
    await expectNoAxeViolations(page, 'review');
    await screenshot(page, 'sharing-02-review');
  });

  it('rejects a false positive with the keyboard, restoring the original word', async () => {
    const row = page.getByTestId('change').filter({ hasText: 'Grace' });
    await row.getByRole('button', { name: /^Reject/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('data-decision')).toBe('rejected');
    await expect.poll(() => visibleText(part(page, 'Note 1: anonymised'))).toContain('saying Grace before meals');
  });

  it('adds a missed identifier by selecting it in the original', async () => {
    const original = part(page, 'Note 2: original').getByTestId('original-text');
    await original.evaluate((el, words) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n.textContent ?? '').indexOf(words);
        if (at >= 0) {
          const r = document.createRange();
          r.setStart(n, at);
          r.setEnd(n, at + words.length);
          document.getSelection()?.removeAllRanges();
          document.getSelection()?.addRange(r);
          return;
        }
      }
      throw new Error('words not found');
    }, 'lighthouse keeper');
    const note2 = page.getByRole('region', { name: 'Note 2', exact: true });
    await expect.poll(() => note2.getByLabel('Words to mark').inputValue()).toBe('lighthouse keeper');
    await note2.getByLabel('Type').selectOption('OCCUPATION');
    await note2.getByLabel('Replace with').fill('night-shift worker');
    await note2.getByRole('button', { name: 'Mark as identifier' }).click();
    await expect.poll(() => visibleText(part(page, 'Note 2: anonymised'))).toContain('works as a night-shift worker');
    expect(await note2.getByTestId('change').filter({ hasText: 'added by you' }).count()).toBe(1);
    await screenshot(page, 'sharing-03-added');
  });

  it('accepts the remaining changes, then the checklist and share form appear', async () => {
    for (;;) {
      const pending = page.locator('[data-testid="change"][data-decision="pending"]');
      if ((await pending.count()) === 0) break;
      const before = await pending.count();
      await pending.first().getByRole('button', { name: /^Accept/ }).click();
      await expect.poll(() => pending.count()).toBe(before - 1);
    }
    await expect.poll(() => page.getByTestId('review-status').textContent()).toMatch(/Every change reviewed/);
    expect(await page.getByTestId('residual-flags').getByText(/hardest day/).count()).toBe(1);
    await expectNoAxeViolations(page, 'checklist and share form');
    await screenshot(page, 'sharing-04-checklist');
  });

  it('shares with supervision and shows the sharing record', async () => {
    const answers: Record<string, string> = { 'rare occupation': 'Present, made general', 'unusual or newsworthy': 'Not present', 'small or distinctive place': 'Not present', 'exact ages': 'Not present', 'rare condition': 'Not present' };
    for (const [q, a] of Object.entries(answers)) await page.getByRole('group', { name: new RegExp(q, 'i') }).getByLabel(a).check();
    await page.getByLabel('Shared for').selectOption('supervisor');
    await page.getByLabel('Recipient').fill('Monthly clinical supervisor');
    await page.getByLabel('Purpose', { exact: true }).fill('Supervision of the work on family conflict');
    await page.getByRole('group', { name: 'Did the client consent?' }).getByLabel('Not needed').check();
    await page.getByLabel('Reason').fill('Fully anonymised; the agreement explains supervision.');
    await screenshot(page, 'sharing-05-share-form');
    await page.getByRole('button', { name: 'Share and record' }).click();
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Sharing record');
    const facts = page.getByTestId('sharing-record');
    await expect.poll(() => facts.getByText('Clinical supervision').count()).toBe(1);
    expect(await facts.getByText('Monthly clinical supervisor').count()).toBe(1);
    const text = (await page.getByTestId('shared-text').textContent()) ?? '';
    expect(text).toContain('Grace before meals');
    expect(text).toContain('night-shift worker');
    expect(text).not.toMatch(/Priya|Jordan|lighthouse/);
    expect(await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toMatch(/\/pdf$/);
    await expectNoAxeViolations(page, 'sharing record');
    await screenshot(page, 'sharing-06-record');
  });

  it('lists the share on the client record and in the access history', async () => {
    await page.getByRole('link', { name: 'Back to shared material' }).click();
    const table = page.getByTestId('shared-material');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.getByText('Supervision of the work on family conflict').count()).toBe(1);
    await expectNoAxeViolations(page, 'shared material (one share)');
    await screenshot(page, 'sharing-07-tab');
    await page.getByRole('link', { name: 'Access history' }).click();
    const log = page.getByTestId('access-log');
    await expect.poll(() => log.getByText('Shared anonymised material').count()).toBeGreaterThan(0);
  });
});
