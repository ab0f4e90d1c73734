import type { APIRequestContext } from 'playwright-core';
import { expect } from 'vitest';
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
