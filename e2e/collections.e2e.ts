import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { visibleText, waitForPath, withFreshPage } from './support/browser.js';
import { expectNoHorizontalScroll, logInAs, usePortalAndBrowser } from './support/setup.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';

/**
 * Issue 13 point 5 (BIL-11, BIL-12), the web's part. In the demo year SIA "Demo Būve" (C-100003) left an invoice
 * unpaid: reminded, then suspended for late payment (server/src/db/demo-collections.ts). Jānis, its main user,
 * acting for it sees on every page that the service is suspended, the overdue amount and a Pay button; on Contracts
 * he sees the end day notice given today would set before confirming (and cancels). Customer service find the
 * company on the Collections page (days late, reminder sent, suspended) and restore the service on its page; Jānis
 * then sees no banner. axe finds nothing serious; at 360 px the banner fits. With E2E_SHOTS=<dir> the pages are
 * also saved as pictures there (to look at).
 */

const JANIS = 'janis@demo.example';
const COMPANY = 'SIA "Demo Būve"';
const SHOTS = process.env.E2E_SHOTS;

const the = usePortalAndBrowser({ startTimeoutMs: 480_000, hookTimeoutMs: 500_000 }); // a year of demo billing on a busy machine

beforeAll(async () => {
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
});

async function withPage(run: (page: Page) => Promise<void>, options: Parameters<typeof withFreshPage>[3] = {}) {
  await withFreshPage(the.browser, the.portal.url, run, { axe: true, ...options });
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

async function actForCompany(page: Page) {
  const session = (await (await page.request.get('/api/session')).json()) as { user: { customers: { id: string; name: string }[] } };
  const company = session.user.customers.find((customer) => customer.name === COMPANY);
  expect(company, JSON.stringify(session.user.customers)).toBeDefined();
  await page.getByLabel('Acting for', { exact: true }).selectOption(company!.id);
}

const banner = (page: Page) => page.getByRole('region', { name: 'Your service is suspended' });

describe('collections (issue 13 point 5)', () => {
  it('BIL-11, BIL-12: a suspended customer\'s user sees the banner with the overdue amount and Pay on every page, and the end day before giving notice', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      await actForCompany(page);
      const text = await visibleText(banner(page));
      expect(text).toContain('Invoices were not paid in time, so the service is suspended for the customer and all its users.');
      expect(text).toMatch(/Overdue: €[\d,]+\.\d{2}\./);
      await expect(banner(page).getByRole('button', { name: /^Pay €[\d,]+\.\d{2}$/ }).isVisible()).resolves.toBe(true);
      await expectNoSeriousA11yViolations(page, 'the overview with the suspension banner');
      await shot(page, 'suspended-overview.png');

      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contracts', exact: true }).click();
      await waitForPath(page, '/contracts');
      await visibleText(banner(page));
      const ending = page.getByRole('region', { name: 'End a contract' });
      const preview = await visibleText(ending.getByText(/^Notice given today ends contract \S+ on \d{2}\/\d{2}\/\d{4}\.$/));
      await ending.getByRole('button', { name: 'End the contract' }).click();
      const dialog = page.getByRole('dialog');
      expect(await visibleText(dialog)).toContain(`The contract will end on ${/on (\S+)\.$/.exec(preview)![1]}.`);
      await expectNoSeriousA11yViolations(page, 'the contracts page with the notice dialog');
      await shot(page, 'termination-dialog.png');
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto('/payments');
      await visibleText(banner(page));
      await expectNoHorizontalScroll(page);
      await shot(page, 'suspended-payments-360.png');
    });
  });

  it('BIL-11: customer service find the company on Collections and restore its service; the banner is gone', async () => {
    await withPage(async (page) => {
      await logInAs(page, 'service@demo.example', '/staff');
      await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Collections' }).click();
      await waitForPath(page, '/staff/collections');
      const table = page.getByRole('table', { name: /^Late and suspended customers on / });
      const row = table.locator('tr').filter({ hasText: COMPANY });
      const rowText = (await visibleText(row)).replace(/\s+/g, ' ');
      expect(rowText).toContain('C-100003');
      expect(rowText).toContain('Suspended: late payment');
      expect(rowText).toMatch(/\d+ days/);
      await expectNoSeriousA11yViolations(page, 'the collections page');
      await shot(page, 'staff-collections.png');

      await row.getByRole('link', { name: `Suspend, restore or end: ${COMPANY}` }).click();
      const section = page.getByRole('region', { name: 'Collections' });
      await visibleText(section.getByText(/^Suspended: late payment since /));
      await expectNoSeriousA11yViolations(page, 'the staff customer page with its collections');
      await shot(page, 'staff-customer-collections.png');
      await section.getByLabel(/^Note \(why it is restored\)/).fill('Paid at the service centre, receipt 4411');
      await section.getByRole('button', { name: 'Restore the service' }).click();
      await visibleText(section.getByText('Service running'));
      expect(await visibleText(section.getByRole('table', { name: 'Suspensions' }))).toContain('(by staff)');
    });

    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      await actForCompany(page);
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contracts', exact: true }).click();
      await waitForPath(page, '/contracts');
      await page.getByRole('region', { name: 'End a contract' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await banner(page).count()).toBe(0);
    });
  });
});
