import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { setUpPracticeViaApi } from './support/practice.js';
import { screenshot } from './support/screenshot.js';
import { type RunningServer, startServer } from './support/server.js';
import { freshTotpCode } from './support/totp.js';

// A practitioner shares anonymised material with her supervisor on the staff; the supervisor
// sees it (and nothing identifying), never the client's record, and keeps notes of her own.
const SUPERVISOR = { displayName: 'Sunita Rao', email: 'sunita@riverside.example', password: 'harbour willow copper 77 lane' };
const CLIENT = { name: 'Jordan Ellis', email: 'jordan.ellis@example.org' };
const NOTE = 'Jordan Ellis described Sunday as the hardest day. Jordan said the evenings feel long since the move.';
const RESIDUAL = { occupation: 'absent', event: 'absent', place: 'absent', age: 'absent', condition: 'absent' };

let server: RunningServer;
let b: BrowserSession;
let page: Page; // Maya: practitioner and admin
let sueContext: BrowserContext;
let sue: Page;
let client = { id: '', caseCode: '' };

const heading = (p: Page) => p.locator('main h1');

/** A draft of the note with every proposed change accepted, through the API. */
async function reviewedDraft(): Promise<string> {
  const req = page.request;
  const notes = (await (await req.get(`${server.url}/api/clients/${client.id}/notes`)).json()) as { id: string }[] | { items: { id: string }[] };
  const noteId = (Array.isArray(notes) ? notes : notes.items)[0].id;
  const draft = (await (await req.post(`${server.url}/api/clients/${client.id}/sharing/drafts`, { data: { noteIds: [noteId] } })).json()) as { id: string; parts: { spans: { id: string }[] }[] };
  for (const s of draft.parts.flatMap((p) => p.spans)) await req.put(`${server.url}/api/sharing/drafts/${draft.id}/spans/${s.id}`, { data: { decision: 'accepted' } });
  return draft.id;
}

describe('supervision: a supervisor sees only shared anonymised material', () => {
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser();
    page = b.page;
    const req = page.request;
    await setUpPracticeViaApi(req, server.url);
    const me = ((await (await req.get(`${server.url}/api/auth/me`)).json()) as { user: { id: string } }).user.id;
    const added = await req.post(`${server.url}/api/users`, { data: { ...SUPERVISOR, roles: ['supervisor'] } });
    expect(added.status()).toBe(201);
    const sueId = ((await added.json()) as { userId: string }).userId;
    sueContext = await b.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
    sue = await sueContext.newPage();
    expect((await sue.request.post(`${server.url}/api/auth/signin`, { data: { email: SUPERVISOR.email, password: SUPERVISOR.password } })).status()).toBe(200);
    const secret = ((await (await sue.request.get(`${server.url}/api/auth/totp`)).json()) as { totpSecret: string }).totpSecret;
    expect((await sue.request.post(`${server.url}/api/auth/totp/confirm`, { data: { code: await freshTotpCode(secret) } })).status()).toBe(200);
    expect((await req.post(`${server.url}/api/supervision`, { data: { holderId: sueId, subjectId: me, startsOn: null, endsOn: null, reason: 'Monthly clinical supervision' } })).status()).toBe(201);

    const made = await req.post(`${server.url}/api/clients`, { data: CLIENT });
    expect(made.status()).toBe(201);
    client = (await made.json()) as { id: string; caseCode: string };
    expect((await req.post(`${server.url}/api/clients/${client.id}/notes`, { data: { kind: 'progress', text: NOTE, sign: true } })).status()).toBe(201);
    // Material shared with a peer group is not the supervisor's to see.
    const peer = await req.post(`${server.url}/api/sharing/drafts/${await reviewedDraft()}/share`, {
      data: { recipientKind: 'peer_group', recipient: 'Tuesday peer group', purpose: 'Peer consultation', form: 'text', consent: { answer: 'not_needed', reason: 'Anonymised' }, residual: RESIDUAL },
    });
    expect(peer.status()).toBe(201);
  });
  afterAll(async () => {
    await sueContext?.close();
    await b?.close();
    await server?.destroy();
  });

  it('the practitioner chooses her supervisor when sharing for supervision', async () => {
    await page.goto(`${server.url}/sharing/drafts/${await reviewedDraft()}`);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Review anonymised text');
    for (const q of ['rare occupation', 'unusual or newsworthy', 'small or distinctive place', 'exact ages', 'rare condition']) {
      await page.getByRole('group', { name: new RegExp(q, 'i') }).getByLabel('Not present').check();
    }
    await page.getByLabel('Shared for').selectOption('supervisor');
    await expect.poll(() => page.getByLabel('Supervisor', { exact: true }).count()).toBe(1);
    await page.getByLabel('Supervisor', { exact: true }).selectOption({ label: SUPERVISOR.displayName });
    await page.getByLabel('Purpose', { exact: true }).fill('Supervision of work on loneliness');
    await page.getByRole('group', { name: 'Did the client consent?' }).getByLabel('Not needed').check();
    await page.getByLabel('Reason').fill('Fully anonymised; the agreement explains supervision.');
    await expectNoAxeViolations(page, 'share form with a supervisor');
    await screenshot(page, 'supervision-01-share-form');
    await page.getByRole('button', { name: 'Share and record' }).click();
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Sharing record');
    await expect.poll(() => page.getByTestId('sharing-record').getByText(SUPERVISOR.displayName).count(), { timeout: 30_000 }).toBe(1);
  });

  it('the supervisor starts on Supervision and sees the supervisee and only the material shared with her', async () => {
    await sue.goto(`${server.url}/`);
    await expect.poll(() => heading(sue).textContent(), { timeout: 30_000 }).toBe('Supervision');
    expect(new URL(sue.url()).pathname).toBe('/supervision');
    expect(await sue.getByRole('navigation').getByRole('link', { name: 'Supervision' }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => sue.getByTestId('supervisees').getByText('Maya Okafor').count()).toBe(1);
    const items = sue.getByTestId('shared-items').locator('li');
    await expect.poll(() => items.count()).toBe(1);
    const text = (await sue.getByTestId('shared-text').textContent()) ?? '';
    expect(text).toContain('hardest day');
    const whole = (await sue.locator('main').textContent()) ?? '';
    for (const leak of ['Jordan', 'Ellis', client.caseCode, 'peer group', 'loneliness']) expect(whole).not.toContain(leak);
    await expectNoAxeViolations(sue, 'supervision page');
    await screenshot(sue, 'supervision-02-page');
  });

  it('keeps her own supervision notes, written from the keyboard', async () => {
    const box = sue.getByLabel(/New note about supervising Maya Okafor/);
    await box.focus();
    await sue.keyboard.type('Maya is holding a lot of loss work; revisit her own support next month.');
    await sue.keyboard.press('Tab');
    await sue.keyboard.press('Enter');
    await expect.poll(() => sue.getByTestId('supervision-notes').getByText(/revisit her own support/).count()).toBe(1);
    expect(await box.inputValue()).toBe('');
    await expectNoAxeViolations(sue, 'supervision notes');
    await screenshot(sue, 'supervision-03-notes');
  });

  it('the supervisor cannot open the client’s record', async () => {
    await sue.goto(`${server.url}/clients/${client.id}`);
    await expect.poll(async () => ((await sue.locator('main').textContent()) ?? '').length, { timeout: 30_000 }).toBeGreaterThan(0);
    await sue.waitForTimeout(500);
    const main = (await sue.locator('main').textContent()) ?? '';
    expect(main).not.toContain('Jordan');
    expect(main).not.toContain('hardest day');
  });
});
