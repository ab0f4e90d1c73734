import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import type { BrowserSession } from './support/browser.js';
import { enrolColleague, startSignedIn, stopAll } from './support/practice.js';
import { screenshot } from './support/screenshot.js';
import type { RunningServer } from './support/server.js';

// The only admin of a practice gives themselves the practitioner role back: allowed, because no
// one else could, but it waits on the Team page until a second admin has looked at it.
const SECOND = { displayName: 'Priya Nair', email: 'priya@riverside.example', password: 'meadow copper lantern 19 quay' };

let server: RunningServer;
let b: BrowserSession;
let page: Page;
let priyaContext: BrowserContext;
let priya: Page;

const card = (p: Page) => p.getByRole('region', { name: 'Needs review' });

describe('steps an admin takes alone wait for review', () => {
  beforeAll(async () => {
    ({ server, b, page } = await startSignedIn());
    const req = page.request;
    const me = ((await (await req.get(`${server.url}/api/auth/me`)).json()) as { user: { id: string } }).user.id;
    expect((await req.patch(`${server.url}/api/users/${me}`, { data: { roles: ['admin'] } })).status()).toBe(200);
    expect((await req.patch(`${server.url}/api/users/${me}`, { data: { roles: ['admin', 'practitioner'] } })).status()).toBe(200);
  });
  afterAll(async () => {
    await priyaContext?.close();
    await stopAll(b, server);
  });

  it('shows the step on the Team page, and not as something its author can clear', async () => {
    await page.goto(`${server.url}/team`);
    await expect.poll(() => card(page).count(), { timeout: 30_000 }).toBe(1);
    const text = await card(page).textContent();
    expect(text).toContain('Gave themselves the practitioner role');
    expect(text).toContain('Your own step: another admin reviews it.');
    expect(await card(page).getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(page, 'team with a step to review');
    await screenshot(page, 'access-review-01-waiting');
  });

  it('a second admin marks it reviewed and it leaves the list', async () => {
    ({ context: priyaContext, page: priya } = await enrolColleague(page.request, server.url, b, SECOND, ['admin']));

    await priya.goto(`${server.url}/team`);
    await expect.poll(() => card(priya).count(), { timeout: 30_000 }).toBe(1);
    await card(priya).getByRole('button', { name: /Mark as reviewed/ }).click();
    await expect.poll(() => card(priya).count()).toBe(0);
    await expectNoAxeViolations(priya, 'team after the review');
  });
});
