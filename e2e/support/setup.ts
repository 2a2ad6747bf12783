import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startPortal, type Portal } from './portal.js';
import { chooseEnglish, launchBrowser, waitForPath } from './browser.js';
import { expectNoSeriousA11yViolations } from './axe.js';
import { tryLogIn } from './ui.js';

/** The portal and the Chromium of one test file, started before its tests and stopped after them. */
export interface PortalAndBrowser {
  readonly portal: Portal;
  readonly browser: Browser;
}

/**
 * Starts the file's own portal (from the demo template, startPortal) and Chromium before its tests and stops both after
 * them. `startTimeoutMs` is how long the portal may take to answer; `hookTimeoutMs` the start's own limit when it is
 * longer than the config's.
 */
export function usePortalAndBrowser(options: { startTimeoutMs?: number; hookTimeoutMs?: number } = {}): PortalAndBrowser {
  let portal: Portal | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    portal = await startPortal(options.startTimeoutMs === undefined ? {} : { startTimeoutMs: options.startTimeoutMs });
    browser = await launchBrowser();
  }, options.hookTimeoutMs);
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });
  return {
    get portal() {
      if (!portal) throw new Error('the portal is not started (use it inside a test or a later hook)');
      return portal;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched (use it inside a test or a later hook)');
      return browser;
    },
  };
}

/** Logs in with the demo password on the login page in English and waits for the page the portal lands on. */
export async function logInAs(page: Page, email: string, landing: string): Promise<void> {
  await page.goto('/login');
  await chooseEnglish(page);
  expect(await tryLogIn(page, email, DEMO_PASSWORD)).toBe(200);
  await waitForPath(page, landing);
}

/** The page, as it is now, is no wider than a phone held upright (360 px): nothing scrolls sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBe(360);
}

type PhoneLang = 'LV' | 'RU';

/**
 * Opens each path on a phone held upright (360×740) in Latvian and Russian (the longest texts) and gives back
 * "LV /path: <page width>" for each (compare with fitsThePhone); axe runs on each in the languages of `axeIn`.
 */
export async function phoneWidths(page: Page, paths: string[], { axeIn = ['LV'] }: { axeIn?: PhoneLang[] } = {}): Promise<string[]> {
  if (page.viewportSize()?.width !== 360) await page.setViewportSize({ width: 360, height: 740 });
  const widths: string[] = [];
  for (const lang of ['LV', 'RU'] as const) {
    await page.getByRole('button', { name: new RegExp(`^${lang}\\b`) }).first().click();
    await page.waitForFunction((code) => document.documentElement.lang === code, lang.toLowerCase());
    for (const path of paths) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      widths.push(`${lang} ${path}: ${await page.evaluate(() => document.scrollingElement!.scrollWidth)}`);
      if (axeIn.includes(lang)) await expectNoSeriousA11yViolations(page, `${path} in ${lang} on a phone`);
    }
  }
  return widths;
}

/** What phoneWidths gives back when every path fits the phone. */
export const fitsThePhone = (paths: string[]) => ['LV', 'RU'].flatMap((lang) => paths.map((path) => `${lang} ${path}: 360`));
