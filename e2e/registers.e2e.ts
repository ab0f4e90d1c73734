import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import type { BrowserSession } from './support/browser.js';
import { addClientViaApi, enrolColleague, startSignedIn, stopAll } from './support/practice.js';
import type { RunningServer } from './support/server.js';

// The data-protection officer opens the registers from the navigation and sees a court's request
// as codes, dates and plain words: never the client's name nor who sent it.
const DPO = { displayName: 'Dana Whitfield', email: 'dana@riverside.example', password: 'orchard copper still 31 river' };

let server: RunningServer;
let b: BrowserSession;
let page: Page;
let context: BrowserContext;
let dpo: Page;
let client: { id: string; caseCode: string };

describe('registers for the data-protection officer', () => {
  beforeAll(async () => {
    ({ server, b, page } = await startSignedIn());
    client = await addClientViaApi(page.request, server.url, { name: 'Imogen Ferreira-Lund', dob: '1990-04-11', email: 'imogen@example.net' });
    const logged = await page.request.post(`${server.url}/api/requests`, {
      data: {
        requesterType: 'court', requester: { name: 'Court Manager', organisation: 'Quillhaven Family Court', role: 'Court office', verifiedHow: 'Checked with the court office' },
        asks: 'records', asked: 'Attendance records from March.', authority: 'court_order', clientId: client.id,
      },
    });
    expect(logged.status()).toBe(201);
    const d = await enrolColleague(page.request, server.url, b, DPO, ['dpo']);
    ({ page: dpo, context } = d);
  });
  afterAll(async () => {
    await context?.close();
    await stopAll(b, server);
  });

  it('shows the request as metadata, with no client name and no requester', async () => {
    await dpo.goto(server.url);
    await dpo.getByRole('link', { name: 'Registers' }).click();
    await expect.poll(() => dpo.getByRole('heading', { name: 'Registers', level: 1 }).count(), { timeout: 30_000 }).toBe(1);
    const table = dpo.getByRole('table', { name: /Requests for information/ });
    await expect.poll(() => table.getByRole('row').filter({ hasText: client.caseCode }).count(), { timeout: 30_000 }).toBe(1);
    const row = await table.getByRole('row').filter({ hasText: client.caseCode }).innerText();
    expect(row).toContain('Court');
    expect(row).toContain('A court order');
    expect(row).toMatch(/R-[0-9A-F]{8}/);
    const body = await dpo.locator('main').innerText();
    expect(body).not.toContain('Imogen');
    expect(body).not.toContain('Quillhaven');
    expect(body).not.toContain('Attendance records from March');
    expect(body).toContain('Nothing has been disclosed yet.');
    await expectNoAxeViolations(dpo, 'registers');
  });
});
