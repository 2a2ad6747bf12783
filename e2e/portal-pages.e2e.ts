import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { authenticator } from 'otplib';
import { DEMO_PASSWORD } from './support/portal.js';
import { chooseEnglish, withFreshPage, newContext, visibleText, waitForPath } from './support/browser.js';
import { fitsThePhone, logInAs, phoneWidths, usePortalAndBrowser } from './support/setup.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { openStaffCustomer, tryLogIn } from './support/ui.js';

const the = usePortalAndBrowser();

/** A fresh browser profile for one test, closed afterwards. */
async function withPage(run: (page: Page, errors: string[]) => Promise<void>, options: Parameters<typeof newContext>[2] = {}) {
  await withFreshPage(the.browser, the.portal.url, run, options);
}

/** Login page → "Log in with bank / eID" → the demo bank's page → the chosen identity. */
async function logInAtDemoBank(page: Page, identity: string) {
  await page.goto('/login');
  await chooseEnglish(page);
  await page.getByRole('link', { name: 'Log in with bank / eID' }).click();
  await visibleText(page.getByRole('heading', { level: 1, name: 'Demo bank login' }));
  expect(new URL(page.url()).origin).not.toBe(the.portal.url); // really at the identity provider
  await page.getByRole('button', { name: `Log in as ${identity}` }).click();
}

describe('bank / eID login', () => {
  it('ACC-9: Jānis picks his identity at the demo bank and is back in the portal, logged in', async () => {
    await withPage(async (page) => {
      await logInAtDemoBank(page, 'Jānis Bērziņš');
      await waitForPath(page, '/');
      expect(new URL(page.url()).origin).toBe(the.portal.url);
      expect(await visibleText(page.getByText('Welcome, Jānis Bērziņš!'))).toBeTruthy();
      expect(await visibleText(page.getByRole('region', { name: 'Jānis Bērziņš' }))).toContain('C-100001');
      const session = await (await page.request.get('/api/session')).json() as { user: { email: string; authMethod: string } };
      expect(session.user).toMatchObject({ email: 'janis@demo.example', authMethod: 'bank' });
    });
  });

  it('ACC-9: Pēteris (not a customer) is sent back to /login with the not-a-customer message', async () => {
    await withPage(async (page) => {
      await logInAtDemoBank(page, 'Pēteris Ozols');
      await waitForPath(page, /^\/login\?error=bank_not_customer$/);
      expect(await visibleText(page.getByRole('alert'))).toBe(
        'The bank or eID login worked, but no customer of ours with a contract that allows portal use matches your personal code.',
      );
      const session = await (await page.request.get('/api/session')).json() as { user: unknown };
      expect(session.user).toBeNull();
    });
  });
});

describe('back office', () => {
  it('staff, ACC-13, ACC-17: customer service finds the customer "Bērziņš", sees the portal users and the customer\'s audit trail; the back office pages pass axe and its menu works from each of them', async () => {
    await withPage(async (page) => {
      await logInAs(page, 'service@demo.example', '/staff');
      expect(await visibleText(page.getByText('Signed in as customer service'))).toBeTruthy();
      await visibleText(page.getByRole('heading', { level: 1, name: 'Find a customer' }));
      await expectNoSeriousA11yViolations(page, 'the back office search page');

      await openStaffCustomer(page, 'Bērziņš', 'Jānis Bērziņš');
      expect(await page.getByText('Customer number: C-100001').count()).toBe(1);
      const users = page.getByRole('region', { name: 'Portal users' });
      const rows = users.getByRole('table', { name: 'Portal users of the customer' }).getByRole('row');
      await rows.nth(1).waitFor();
      const cells = async (name: string) =>
        (await rows.filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell').allInnerTexts()).map((text) => text.trim());
      expect((await cells('Jānis Bērziņš')).slice(0, 3)).toEqual(['janis@demo.example', 'Main user', 'Active']);
      expect((await cells('Marta Bērziņa')).slice(0, 3)).toEqual(['marta@demo.example', 'Additional user', 'Active']);
      await expectNoSeriousA11yViolations(page, 'the back office customer page');

      await page.getByRole('link', { name: 'Audit trail of this customer' }).click();
      await visibleText(page.getByRole('heading', { level: 1, name: 'Audit trail' }));
      // the seeded customer may have no events yet: either the table or the "none" message
      await page.getByRole('table', { name: /^Audit events, newest first/ }).or(page.getByText('No events match the filters.')).waitFor();
      await expectNoSeriousA11yViolations(page, 'the back office audit trail');

      // the back-office menu leads to its pages from any page of it, not relative to the current one
      const menu = page.getByRole('navigation', { name: 'Back office' });
      await menu.getByRole('link', { name: 'Import customers' }).click();
      await waitForPath(page, '/staff/import');
      await visibleText(page.getByRole('heading', { level: 1, name: 'Import customers from CSV' }));
      await menu.getByRole('link', { name: 'Error reports' }).click();
      await waitForPath(page, '/staff/error-reports');
      await visibleText(page.getByRole('heading', { level: 1, name: 'Error reports' }));
      await page.reload();
      await menu.getByRole('link', { name: 'Find a customer' }).click();
      await waitForPath(page, '/staff');
      await visibleText(page.getByRole('heading', { level: 1, name: 'Find a customer' }));
    }, { axe: true });
  });

  it('staff: an administrator opens "Jobs" from the back-office menu and sees the scheduled jobs\' runs, newest first, with their status; the page passes axe', async () => {
    await withPage(async (page) => {
      await logInAs(page, 'admin@demo.example', '/staff');
      await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Jobs', exact: true }).click();
      await waitForPath(page, '/staff/jobs');
      await visibleText(page.getByRole('heading', { level: 1, name: 'Scheduled jobs' }));
      // the job worker's first tick runs the hourly jobs within seconds of the start; until then the page says none ran
      const table = page.getByRole('table', { name: /^Job runs, newest first/ });
      const run = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'purge-rate-limits', exact: true }) }).first();
      await expect.poll(async () => {
        await table.or(page.getByText('No job has run yet.')).waitFor();
        if (await run.count() > 0) return true;
        await page.reload();
        return false;
      }, { timeout: 30_000 }).toBe(true);
      const cells = (await run.getByRole('cell').allInnerTexts()).map((text) => text.trim());
      expect(cells[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}$/); // the period: an hour in UTC
      expect(cells[1]).toBe('Succeeded');
      expect(cells[2]).toBe('1');
      await expectNoSeriousA11yViolations(page, 'the back office jobs page');
    }, { axe: true });
  });

  it('staff: customer service has no "Jobs" in the back-office menu, and /staff/jobs says it is for administrators', async () => {
    await withPage(async (page) => {
      await logInAs(page, 'service@demo.example', '/staff');
      const menu = page.getByRole('navigation', { name: 'Back office' });
      await menu.getByRole('link', { name: 'Find a customer' }).waitFor();
      expect(await menu.getByRole('link', { name: 'Jobs', exact: true }).count()).toBe(0);
      await page.goto('/staff/jobs');
      expect(await visibleText(page.getByRole('alert'))).toBe('Only administrators can use this page.');
    });
  });
});

describe('second factor', () => {
  it('ACC-16: Marta turns on the second factor from the QR code\'s key; her next login asks for a code, refuses the used one and takes the next', async () => {
    await withPage(async (page) => {
      await logInAs(page, 'marta@demo.example', '/');
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Profile and security' }).click();
      const section = page.getByRole('region', { name: 'Second factor (authenticator app)' });
      await section.getByRole('button', { name: 'Set up' }).click();
      await section.getByRole('img', { name: 'QR code for the authenticator app' }).waitFor();
      const secret = await visibleText(section.locator('code.secret').first());
      const epoch = Date.now();
      const codeAt = (steps: number) => authenticator.clone({ epoch: epoch + steps * 30_000 }).generate(secret);
      await section.getByLabel('Code', { exact: true }).fill(codeAt(0));
      await section.getByRole('button', { name: 'Turn on' }).click();
      await visibleText(section.getByText('The second factor is on.'));

      await page.getByRole('button', { name: 'Log out' }).click();
      await waitForPath(page, '/login');
      expect(await tryLogIn(page, 'marta@demo.example', DEMO_PASSWORD)).toBe(200);
      await visibleText(page.getByRole('heading', { name: 'Second step: code' }));
      await page.getByLabel('Code', { exact: true }).fill(codeAt(0));
      await page.getByRole('button', { name: 'Confirm' }).click();
      await visibleText(page.getByText('This code has been used already. Wait for the next code in your app.'));
      await page.getByLabel('Code', { exact: true }).fill(codeAt(1));
      await page.getByRole('button', { name: 'Confirm' }).click();
      await waitForPath(page, '/');
      await visibleText(page.getByRole('heading', { level: 1, name: 'Overview' }));
    });
  });
});

describe('small screens', () => {
  it('responsive: the login page at 360×740 has no horizontal scroll (Latvian, English and Russian)', async () => {
    await withPage(async (page) => {
      await page.goto('/login');
      for (const lang of ['LV', 'EN', 'RU']) {
        await page.getByRole('button', { name: new RegExp(`^${lang}\\b`) }).click();
        await page.waitForFunction((code) => document.documentElement.lang === code, lang.toLowerCase());
        await page.getByRole('heading', { level: 1 }).waitFor();
        const width = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, client: document.scrollingElement!.clientWidth }));
        expect(width.scroll, `${lang}: the page is ${width.scroll}px wide`).toBeLessThanOrEqual(360);
        expect(width.client).toBe(360);
      }
    }, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  });

  const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, axe: true };

  it('responsive: the public pages at 360×740 have no horizontal scroll and pass axe, in lv and ru', async () => {
    await withPage(async (page) => {
      await page.goto('/login');
      const paths = ['/login', '/register', '/forgot-password', '/terms'];
      expect(await phoneWidths(page, paths, { axeIn: ['LV', 'RU'] })).toEqual(fitsThePhone(paths));
    }, phone);
  });

  it('responsive: the customer\'s pages at 360×740 have no horizontal scroll (wide tables scroll inside their box) and pass axe, in lv and ru', async () => {
    await withPage(async (page) => {
      await logInAs(page, 'janis@demo.example', '/');
      const paths = ['/', '/contracts', '/users', '/contact', '/orders', '/notices', '/profile', '/activity'];
      expect(await phoneWidths(page, paths, { axeIn: ['LV', 'RU'] })).toEqual(fitsThePhone(paths));
    }, phone);
  });

  it('responsive: the back office at 360×740 has no horizontal scroll and passes axe, in lv and ru', async () => {
    await withPage(async (page) => {
      await logInAs(page, 'admin@demo.example', '/staff');
      const paths = ['/staff', '/staff/customers/new', '/staff/import', '/staff/audit', '/staff/error-reports', '/staff/terms', '/staff/maintenance', '/staff/jobs'];
      expect(await phoneWidths(page, paths, { axeIn: ['LV', 'RU'] })).toEqual(fitsThePhone(paths));
    }, phone);
  });
});
