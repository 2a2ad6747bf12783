import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; no browser is ever downloaded. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ContextOptions extends BrowserContextOptions {
  /**
   * The page's CSP (script-src 'self') forbids the inline script axe is injected as; contexts that run
   * the accessibility check bypass it. Every other context keeps the portal's real CSP.
   */
  axe?: boolean;
}

/** A fresh browser profile (cookies, local storage) on the portal, like a new person at a new computer. */
export async function newContext(browser: Browser, baseURL: string, { axe = false, ...options }: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Riga',
    bypassCSP: axe,
    ...options,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** Uncaught errors in the page's own scripts, collected so a test can say there were none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * A fresh browser profile for one test run, closed afterwards; the page's own scripts must not throw (an
 * uncaught error in them fails the test even when every step passed).
 */
export async function withFreshPage(
  browser: Browser,
  baseURL: string,
  run: (page: Page, errors: string[]) => Promise<void>,
  options: ContextOptions = {},
): Promise<void> {
  const context = await newContext(browser, baseURL, options);
  try {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await run(page, errors);
    if (errors.length > 0) throw new Error(`the page's scripts threw: ${errors.join(' | ')}`);
  } finally {
    await context.close();
  }
}

/** The portal starts in Latvian; a person who reads English presses "EN" in the header (remembered on the device). */
export async function chooseEnglish(page: Page): Promise<void> {
  const english = page.getByRole('group', { name: /Valoda|Language|Язык/ }).getByRole('button', { name: /^EN\b/ });
  await english.click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

/** Waits until the locator is visible (the portal loads pages lazily) and gives back its text. */
export async function visibleText(locator: Locator, timeout?: number): Promise<string> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return (await locator.first().innerText()).trim();
}

/** Waits until the address bar shows the path (and optional query), e.g. after a redirect. */
export async function waitForPath(page: Page, path: string | RegExp, timeout = 30_000): Promise<void> {
  await page.waitForURL((url) => (typeof path === 'string' ? url.pathname === path : path.test(url.pathname + url.search)), { timeout });
}
