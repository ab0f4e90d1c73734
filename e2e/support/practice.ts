import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type BrowserSession, anotherPerson, launchBrowser } from './browser.js';
import { type RunningServer, startServer } from './server.js';
import { freshTotpCode } from './totp.js';

/** The practice most workflows start from, set up through the API so each test begins signed in. */
export const PRACTICE = {
  practiceName: 'Riverside Counselling',
  jurisdiction: 'GB-ENG',
  passphrase: 'copper kettle under the stair, nine lamps',
  displayName: 'Maya Okafor',
  email: 'maya@riverside.example',
  password: 'lantern orchard violet 42 drift',
};

/** Run first-time set-up and finish TOTP enrolment in the page's cookie jar; returns the TOTP secret. */
export async function setUpPracticeViaApi(req: APIRequestContext, url: string, overrides: Partial<typeof PRACTICE> = {}): Promise<string> {
  const setup = await req.post(`${url}/api/setup`, { data: { ...PRACTICE, ...overrides } });
  expect(setup.status()).toBe(201);
  const { totpSecret } = (await setup.json()) as { totpSecret: string };
  expect((await req.post(`${url}/api/auth/totp/confirm`, { data: { code: await freshTotpCode(totpSecret) } })).status()).toBe(200);
  return totpSecret;
}

export interface SignedInPractice {
  server: RunningServer;
  b: BrowserSession;
  /** Signed in as the practice's first practitioner (also its admin). */
  page: Page;
  totpSecret: string;
}

/** A server, a browser, and a page already signed in to a practice set up through the API. */
export async function startSignedIn(overrides: Partial<typeof PRACTICE> = {}): Promise<SignedInPractice> {
  const server = await startServer();
  const b = await launchBrowser();
  const totpSecret = await setUpPracticeViaApi(b.page.request, server.url, overrides);
  return { server, b, page: b.page, totpSecret };
}

/** Close the browser and remove the server and all it stored (each may be missing if set-up failed). */
export async function stopAll(b: BrowserSession | undefined, server: RunningServer | undefined): Promise<void> {
  await b?.close();
  await server?.destroy();
}

export interface Person {
  displayName: string;
  email: string;
  password: string;
}

export interface Colleague {
  context: BrowserContext;
  page: Page;
  totpSecret: string;
}

/**
 * A colleague the admin adds (through `admin`, the admin's request context), who then signs in and
 * enrols their second factor through the API in a browser context of their own.
 */
export async function enrolColleague(admin: APIRequestContext, url: string, b: BrowserSession, person: Person, roles: string[] = ['practitioner']): Promise<Colleague> {
  expect((await admin.post(`${url}/api/users`, { data: { ...person, roles } })).status()).toBe(201);
  const context = await anotherPerson(b.browser);
  const page = await context.newPage();
  const req = page.request;
  expect((await req.post(`${url}/api/auth/signin`, { data: { email: person.email, password: person.password } })).status()).toBe(200);
  const totpSecret = ((await (await req.get(`${url}/api/auth/totp`)).json()) as { totpSecret: string }).totpSecret;
  expect((await req.post(`${url}/api/auth/totp/confirm`, { data: { code: await freshTotpCode(totpSecret) } })).status()).toBe(200);
  return { context, page, totpSecret };
}

/** A client made through the API; fails the test unless it was created. */
export async function addClientViaApi(req: APIRequestContext, url: string, data: Record<string, unknown>): Promise<{ id: string; caseCode: string }> {
  const res = await req.post(`${url}/api/clients`, { data });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; caseCode: string };
}
