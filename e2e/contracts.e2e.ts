import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/portal.js';
import { visibleText, waitForPath, withFreshPage } from './support/browser.js';
import { logInAs, phoneWidths, usePortalAndBrowser } from './support/setup.js';
import { apiLogin } from './support/ui.js';

/**
 * The contract lifecycle in the browser (BIL-13, BIL-14). The demo: SIA "Demo Būve" (Jānis is its main user) has
 * EV charging contract EV-300003 that started three days ago, and a change of the EV charging terms (version EV-2)
 * is announced for 40 days ahead. Customer service take in a 20.00 € advance of the company today; Jānis, acting for
 * the company, sees the last day of the withdrawal right, withdraws and is told the refund (20.00 €: no service was
 * rated); acting for his household he leaves EV-300001 before the change. The administrator sees the announcement
 * with one left, is refused a change 29 days ahead naming the day, announces one 30 days ahead, and sees the refund
 * due on the payments page. axe finds nothing serious; at 360 px in Latvian and Russian nothing scrolls sideways.
 */

const the = usePortalAndBrowser({ startTimeoutMs: 420_000 });

const rigaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const plusDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function withPage(run: (page: Page) => Promise<void>) {
  await withFreshPage(the.browser, the.portal.url, run, { axe: true });
}

async function session(page: Page) {
  return ((await (await page.request.get('/api/session')).json()) as { user: { activeCustomerId: string; customers: { id: string; name: string }[] } }).user;
}

describe('contract lifecycle (BIL-13, BIL-14)', () => {
  it('BIL-13, BIL-14: Jānis withdraws from the company\'s new EV contract (refund told) and leaves his household\'s EV contract before the change of terms; 360 px in lv and ru', async () => {
    await withPage(async (page) => {
      await logInAs(page, 'janis@demo.example', '/');
      const { customers } = await session(page);
      const company = customers.find((customer) => customer.name === 'SIA "Demo Būve"')!;
      await page.getByLabel('Acting for', { exact: true }).selectOption(company.id);
      await expect.poll(async () => (await session(page)).activeCustomerId).toBe(company.id);
      // customer service take in what the company owes plus a 20.00 € advance: BIL-5 pays the debt first, 20.00 € stay credit
      const { openCents } = await (await page.request.get(`/api/customers/${company.id}/balance`)).json() as { openCents: number };
      const { api, csrf } = await apiLogin(the.portal.url, 'service@demo.example', DEMO_PASSWORD);
      const advance = await api.post(`/api/staff/customers/${company.id}/payments`, {
        data: { amountCents: openCents + 2000, receivedOn: rigaToday(), reference: 'e2e-advance-EV-300003' }, headers: { 'x-csrf-token': csrf },
      });
      expect(advance.status(), await advance.text()).toBeLessThan(300);
      await api.dispose();
      const paid = `€${((openCents + 2000) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
      await page.goto('/contracts');
      const withdrawal = page.getByRole('region', { name: 'Right of withdrawal' });
      const lastDay = plusDays(rigaToday(), 11); // started three days ago: start + 14
      const line = await visibleText(withdrawal.getByText(/^Contract EV-300003 \(EV charging\): you may withdraw until /));
      expect(line).toContain(String(Number(lastDay.slice(8, 10))));
      await withdrawal.getByRole('button', { name: 'Withdraw from EV-300003' }).click();
      const dialog = page.getByRole('dialog', { name: 'Withdraw from contract EV-300003?' });
      await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();
      const done = await visibleText(withdrawal.getByText(/^You withdrew from contract EV-300003/));
      expect(done).toContain(`Paid ${paid}, service received €0.00; we refund €20.00`);
      if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/contracts-withdrawn.png`, fullPage: true });
      await expect.poll(async () => (await page.getByRole('table').first().innerText())).toContain('Ended');

      // his household: EV-300001 and the announced change of the EV charging terms
      const household = customers.find((customer) => customer.name === 'Jānis Bērziņš')!;
      await page.getByLabel('Acting for', { exact: true }).selectOption(household.id);
      await expect.poll(async () => (await session(page)).activeCustomerId).toBe(household.id);
      await page.goto('/contracts');
      const changes = page.getByRole('region', { name: 'Changes of contract terms' });
      await visibleText(changes.getByText(/^Contract EV-300001 \(EV charging\): new terms EV-2 from /));
      await visibleText(changes.getByText('The per-minute price at fast chargers falls from €0.05 to €0.04; the monthly fee stays the same.'));
      if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/contracts-term-change.png`, fullPage: true });
      await changes.getByRole('button', { name: /^Leave before / }).click();
      await page.getByRole('dialog', { name: 'Leave contract EV-300001?' }).getByRole('button', { name: 'Leave the contract' }).click();
      await visibleText(changes.getByText('You left this contract: it ends before the change.'));
      expect(await phoneWidths(page, ['/contracts'])).toEqual(['LV /contracts: 360', 'RU /contracts: 360']);
      if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/contracts-ru-360.png`, fullPage: true });
    });
  });

  it('BIL-13, BIL-14: the administrator sees the announcement with its counts, is refused 29 days ahead, announces 30 days ahead, and sees the refund due', async () => {
    await withPage(async (page) => {
      await logInAs(page, 'admin@demo.example', '/staff');
      await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Changes of contract terms' }).click();
      await waitForPath(page, '/staff/term-changes');
      const table = page.getByRole('table', { name: 'Announced changes' });
      const demoRow = table.getByRole('row', { name: /EV charging EV-2/ });
      await demoRow.waitFor();
      // notified: EV-300001 and EV-300003; EV-300001 left in the test above (EV-300003 was withdrawn from: still notified)
      expect((await demoRow.getByRole('cell').allInnerTexts()).slice(-3)).toEqual(['2', '1', '0']);

      const form = page.getByRole('region', { name: 'Announce a change' });
      await form.getByLabel('Contract type').selectOption('ev_charging');
      await form.getByLabel('Terms version').fill('EV-3');
      await form.getByLabel('Takes effect').fill(plusDays(rigaToday(), 29));
      await form.getByLabel('What changes (Latvian)').fill('Mainās rēķina formāts.');
      await form.getByLabel('What changes (English)').fill('The invoice layout changes.');
      await form.getByLabel('What changes (Russian)').fill('Меняется вид счёта.');
      await form.getByRole('button', { name: 'Announce and notify customers' }).click();
      const refused = await visibleText(form.getByText(new RegExp(`${plusDays(rigaToday(), 30)} or later`)).last());
      expect(refused).toContain('at least 30 days');
      await form.getByLabel('Takes effect').fill(plusDays(rigaToday(), 30));
      await form.getByRole('button', { name: 'Announce and notify customers' }).click();
      await visibleText(form.getByText(/^Announced: \d+ contracts notified\.$/));
      await table.getByRole('row', { name: /EV charging EV-3/ }).waitFor();
      if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/staff-term-changes.png`, fullPage: true });

      await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Payments', exact: true }).click();
      await waitForPath(page, '/staff/payments');
      const refunds = page.getByRole('region', { name: 'Withdrawal refunds due' });
      const row = refunds.getByRole('row', { name: /EV-300003/ });
      await row.waitFor();
      expect(await row.innerText()).toContain('€20.00');
      await row.getByRole('button', { name: 'Mark the refund of EV-300003 paid out' }).click();
      await expect.poll(async () => (await row.innerText())).not.toContain('Mark paid out');
      if (process.env.E2E_SHOTS) await refunds.screenshot({ path: `${process.env.E2E_SHOTS}/staff-refunds-due.png` });
    });
  });
});
