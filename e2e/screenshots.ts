/**
 * Screenshots for the README: starts the portal like the browser tests do (fresh demo data, free ports),
 * drives it in Debian's Chromium and saves PNGs to docs/screenshots/.
 *
 *   npm run build:web && npx tsx e2e/screenshots.ts
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, REPO_ROOT, startPortal, type Portal } from './support/portal.js';
import { chooseEnglish, launchBrowser, newContext, visibleText, waitForPath } from './support/browser.js';
import { openStaffCustomer, tryLogIn } from './support/ui.js';

const OUT = join(REPO_ROOT, 'docs/screenshots');
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
const MOBILE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  // no focus ring or blinking caret from the last click in the picture
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function shoot(page: Page, file: string, fullPage = true) {
  await settle(page);
  await page.screenshot({ path: join(OUT, file), fullPage });
  console.log(`  docs/screenshots/${file}`);
}

/** The page from the top down to the end of the card holding `heading` (long pages, for a readable picture). */
async function shootDownTo(page: Page, file: string, heading: Locator) {
  await settle(page);
  const bottom = await heading.evaluate((el) => {
    const card = el.closest('section, .card') ?? el;
    return Math.ceil(card.getBoundingClientRect().bottom + window.scrollY + 24);
  });
  const width = page.viewportSize()!.width;
  await page.screenshot({ path: join(OUT, file), fullPage: true, clip: { x: 0, y: 0, width, height: bottom } });
  console.log(`  docs/screenshots/${file}`);
}

/** A new visitor who reads `lang` and has put away the cookie note. */
async function visitor(browser: Browser, portal: Portal, options: BrowserContextOptions, lang: 'EN' | 'RU' = 'EN') {
  const context = await newContext(browser, portal.url, options);
  const page = await context.newPage();
  await page.goto('/login');
  if (lang === 'EN') await chooseEnglish(page);
  else await page.getByRole('button', { name: new RegExp(`^${lang}\\b`) }).click();
  await page.getByRole('region', { name: /^(Cookies|Sīkdatnes|Файлы cookie)$/ }).getByRole('button').click();
  await visibleText(page.getByRole('heading', { level: 1 }));
  return { context, page };
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const portal = await startPortal();
  const browser = await launchBrowser();
  try {
    {
      const { context, page } = await visitor(browser, portal, DESKTOP);
      await shoot(page, 'login.png');
      expecting(await tryLogIn(page, 'janis@demo.example', DEMO_PASSWORD), 200, 'janis login');
      await waitForPath(page, '/');
      await visibleText(page.getByRole('region', { name: 'Jānis Bērziņš' }));
      await shoot(page, 'overview.png');
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users', exact: true }).click();
      await visibleText(page.getByRole('heading', { level: 2, name: /^Users of / }));
      await page.getByRole('heading', { level: 3, name: 'Marta Bērziņa' }).waitFor();
      await shoot(page, 'users.png');
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Profile and security' }).click();
      await visibleText(page.getByRole('heading', { level: 1, name: 'Profile and security' }));
      await page.getByRole('table').first().waitFor();
      await shootDownTo(page, 'profile.png', page.getByRole('heading', { level: 2, name: 'Active sessions' }));
      await context.close();
    }
    {
      const { context, page } = await visitor(browser, portal, DESKTOP);
      expecting(await tryLogIn(page, 'service@demo.example', DEMO_PASSWORD), 200, 'service login');
      await waitForPath(page, '/staff');
      await openStaffCustomer(page, 'Bērziņš', 'Jānis Bērziņš');
      await page.getByRole('table', { name: 'Portal users of the customer' }).waitFor();
      await shootDownTo(page, 'staff-customer.png', page.getByRole('heading', { level: 2, name: 'Portal users' }));
      await context.close();
    }
    {
      const { context, page } = await visitor(browser, portal, MOBILE);
      await shoot(page, 'mobile-login.png', false);
      await context.close();
    }
    {
      const { context, page } = await visitor(browser, portal, DESKTOP, 'RU');
      await shoot(page, 'login-ru.png');
      await context.close();
    }
  } finally {
    await browser.close();
    await portal.stop();
  }
}

function expecting(actual: number, expected: number, what: string) {
  if (actual !== expected) throw new Error(`${what}: expected HTTP ${expected}, got ${actual}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
