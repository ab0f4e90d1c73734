import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Quiet, offline, sandbox-free Chromium; each launch has its own throwaway profile. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** How every person's browser is set up: a laptop-sized window in the UK, without motion. */
export const PERSON = { viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' } as const;

/** A second person at their own computer: a browser context of their own, with its own cookies. */
export const anotherPerson = (browser: Browser): Promise<BrowserContext> => browser.newContext(PERSON);

export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const context = await browser.newContext(PERSON);
  const page = await context.newPage();
  return { browser, context, page, close: () => browser.close() };
}
