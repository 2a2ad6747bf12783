import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withEicCheckCharacter } from '@up/common/eic';
import { visibleText, waitForPath, withFreshPage } from './support/browser.js';
import { expectNoHorizontalScroll, logInAs, usePortalAndBrowser } from './support/setup.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';

/**
 * The back office's order queue (GRD-6) with the grid order the collections made (BIL-11, docs/PAYMENTS.md). In the
 * demo year SIA "Demo Būve" (C-100003) was suspended for late payment, and the demo profile orders the grid, so the
 * queue holds the order to disconnect its office's connection point. Customer service open Back office → Orders, see
 * it with the connection point, take it in hand and mark it done, and it leaves the open queue; Jānis, the company's
 * main user, sees it among the company's orders as made by the portal and done, in English, Latvian and Russian.
 * axe finds nothing serious on the queue; at 360 px it does not scroll sideways. With E2E_SHOTS=<dir> the queue is also
 * saved as pictures there (to look at).
 */

const JANIS = 'janis@demo.example';
const SERVICE = 'service@demo.example';
const COMPANY = 'SIA "Demo Būve"';
/** The office of the company (server/src/db/demo-metering.ts, DEMO_OBJECTS.office). */
const SHOTS = process.env.E2E_SHOTS;
const OFFICE = { eic: withEicCheckCharacter('38ZEELV00300003'), address: 'Rūpniecības iela 3, Rīga, LV-1045' };

const the = usePortalAndBrowser({ startTimeoutMs: 300_000 });

async function withPage(run: (page: Page) => Promise<void>) {
  await withFreshPage(the.browser, the.portal.url, run, { axe: true });
}

const queue = (page: Page) => page.getByRole('table', { name: 'Open orders' });
const disconnectionRow = (page: Page) => queue(page).locator('tbody tr').filter({ hasText: COMPANY }).filter({ hasText: 'Disconnection (service suspended)' });
const rowText = async (row: ReturnType<typeof disconnectionRow>) => (await visibleText(row)).replace(/\s+/g, ' ');

describe('the back office order queue (GRD-6, BIL-11)', () => {
  it('BIL-11: customer service find the demo company\'s grid disconnection with its connection point under Back office → Orders, take it in hand and mark it done; it leaves the open queue; axe passes; no sideways scroll at 360 px', async () => {
    await withPage(async (page) => {
      await logInAs(page, SERVICE, '/staff');
      await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Orders', exact: true }).click();
      await waitForPath(page, '/staff/orders');
      await visibleText(page.getByRole('heading', { level: 1, name: 'Orders' }));
      const row = disconnectionRow(page);
      const text = await rowText(row);
      expect(await row.count()).toBe(1);
      expect(text).toContain('C-100003');
      expect(text).toContain(`${OFFICE.eic}, ${OFFICE.address}`);
      expect(text).toContain('Portal (overdue payment)');
      expect(await visibleText(row.locator('.badge'))).toBe('Submitted');
      // at the back office's width the whole queue, the buttons too, is seen without scrolling its box sideways
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/staff-orders.png`, fullPage: true });
      expect(await page.getByRole('region', { name: 'Open orders' }).evaluate((box) => box.scrollWidth - box.clientWidth)).toBe(0);
      await expectNoSeriousA11yViolations(page, 'the order queue');

      await expectNoHorizontalScroll(page);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/staff-orders-360.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      const [taken] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/staff\/orders\/[^/]+\/status$/.test(new URL(r.url()).pathname)),
        row.getByRole('button', { name: `Take the order of ${COMPANY} in hand` }).click(),
      ]);
      expect(taken.status()).toBe(200);
      expect(taken.request().postDataJSON()).toEqual({ status: 'in_progress' });
      await expect.poll(() => row.locator('.badge').innerText()).toBe('In progress');
      expect(await row.getByRole('button', { name: `Take the order of ${COMPANY} in hand` }).count()).toBe(0);

      const [done] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/staff\/orders\/[^/]+\/status$/.test(new URL(r.url()).pathname)),
        row.getByRole('button', { name: `Mark the order of ${COMPANY} done` }).click(),
      ]);
      expect(done.status()).toBe(200);
      expect(done.request().postDataJSON()).toEqual({ status: 'done' });
      await expect.poll(() => row.count()).toBe(0);
      await page.reload();
      await visibleText(page.getByRole('heading', { level: 1, name: 'Orders' }));
      await page.waitForLoadState('networkidle');
      expect(await disconnectionRow(page).count()).toBe(0);
    });
  });

  it('BIL-11: Jānis, acting for the company, sees the disconnection among its orders as made by the portal and done, in English, Latvian and Russian', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      const session = (await (await page.request.get('/api/session')).json()) as { user: { customers: { id: string; name: string }[] } };
      const company = session.user.customers.find((customer) => customer.name === COMPANY);
      expect(company, JSON.stringify(session.user.customers)).toBeDefined();
      await page.getByLabel('Acting for', { exact: true }).selectOption(company!.id);
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Orders', exact: true }).click();
      await waitForPath(page, '/orders');

      const expected = {
        en: { list: 'Submitted orders', type: 'Disconnection (service suspended)', by: 'Portal (overdue payment)', status: 'Done' },
        lv: { list: 'Iesniegtie pieteikumi', type: 'Atslēgšana (pakalpojums apturēts)', by: 'Portāls (kavēts maksājums)', status: 'Izpildīts' },
        ru: { list: 'Поданные заявки', type: 'Отключение (услуга приостановлена)', by: 'Портал (просроченный платёж)', status: 'Выполнена' },
      };
      for (const lang of ['en', 'lv', 'ru'] as const) {
        if (lang !== 'en') {
          await page.getByRole('group', { name: /Valoda|Language|Язык/ }).getByRole('button', { name: new RegExp(`^${lang.toUpperCase()}\\b`) }).click();
          await page.waitForFunction((code) => document.documentElement.lang === code, lang);
        }
        const words = expected[lang];
        const row = page.getByRole('region', { name: words.list }).locator('tbody tr').filter({ hasText: words.type });
        const text = await rowText(row);
        expect(await row.count(), lang).toBe(1);
        expect(text, lang).toContain(`${OFFICE.eic}, ${OFFICE.address}`);
        expect(text, lang).toContain(words.by);
        expect(await visibleText(row.locator('.badge')), lang).toBe(words.status);
      }
    });
  });
});
