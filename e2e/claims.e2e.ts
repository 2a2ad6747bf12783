import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/portal.js';
import { visibleText, waitForPath, withFreshPage } from './support/browser.js';
import { fitsThePhone, logInAs, phoneWidths, usePortalAndBrowser } from './support/setup.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { apiLogin } from './support/ui.js';

/**
 * Issue 13 points 6 and 7 in the web (BIL-6, BIL-7): Jānis (demo customer C-100001) files a claim on his newest
 * invoice within its 10 days; customer service accept it in the claims queue with a correction, and Jānis sees the
 * decision. The demo year's earlier accepted claim (server/src/db/demo-billing.ts) is on his claims page, and its
 * correction is a line of the following invoice. On an invoice older than 10 days the page says until when a claim
 * could be filed and offers no form. Customer service set a money limit on his billing page, which he then sees on
 * Payments with what he may still spend. axe finds nothing serious on any of these pages; at 360 px in Latvian and
 * Russian nothing scrolls sideways.
 */

const JANIS = 'janis@demo.example';
const SERVICE = 'service@demo.example';

const the = usePortalAndBrowser({ startTimeoutMs: 300_000 });

type Invoice = { id: string; number: string; kind: string; status: string; period: string; issueDate: string; claimPeriod: { lastDay: string; open: boolean } | null };

/** Jānis' newest invoice (claimed in test a) and one issued more than 10 days ago (test c). */
const newest = { id: '', number: '' };
const older = { id: '', number: '', lastDay: '' };

async function withPage(run: (page: Page) => Promise<void>) {
  await withFreshPage(the.browser, the.portal.url, run, { axe: true });
}

const ddmmyyyy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * Jānis' invoices as the API answers them. The demo's newest invoice was issued on this month's run day (the 5th);
 * on a day more than 10 days after it, customer service void it and issue it again today, so that it may be claimed
 * against whatever the day the test runs.
 */
async function janisInvoices(): Promise<Invoice[]> {
  const { api } = await apiLogin(the.portal.url, JANIS, DEMO_PASSWORD);
  const session = (await (await api.get('/api/session')).json()) as { user: { activeCustomerId: string } };
  const customerId = session.user.activeCustomerId;
  const list = (await (await api.get(`/api/customers/${customerId}/invoices`)).json()) as { invoices: { id: string }[] };
  const details: Invoice[] = [];
  for (const { id } of list.invoices.slice(0, 3)) details.push((await (await api.get(`/api/customers/${customerId}/invoices/${id}`)).json()) as Invoice);
  await api.dispose();
  const first = details.find((invoice) => invoice.kind === 'invoice' && invoice.status === 'issued')!;
  if (first.claimPeriod?.open) return details;
  const staff = await apiLogin(the.portal.url, SERVICE, DEMO_PASSWORD);
  const voided = await staff.api.post(`/api/staff/invoices/${first.id}/void`, { data: { reason: 'e2e: issued again today', reissue: true }, headers: { 'x-csrf-token': staff.csrf } });
  expect(voided.status()).toBe(200);
  await staff.api.dispose();
  return janisInvoices();
}

describe('claims and money limits (issue 13 points 6, 7)', () => {
  it('BIL-7: Jānis files a claim on his newest invoice within its 10 days, naming the amount; the invoice says it is being reviewed; axe passes', async () => {
    const invoices = (await janisInvoices()).filter((invoice) => invoice.kind === 'invoice' && invoice.status === 'issued');
    Object.assign(newest, { id: invoices[0]!.id, number: invoices[0]!.number });
    const past = invoices.find((invoice) => invoice.claimPeriod && !invoice.claimPeriod.open)!;
    Object.assign(older, { id: past.id, number: past.number, lastDay: past.claimPeriod!.lastDay });

    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      await page.goto(`/invoices/${newest.id}`);
      await visibleText(page.getByRole('heading', { level: 1, name: `Invoice ${newest.number}` }));
      const claim = page.getByRole('region', { name: 'Claim', exact: true });
      expect(await visibleText(claim.getByText(/^If something on this invoice is wrong, you can file a claim until \d{2}\/\d{2}\/\d{4}/))).toContain('(10 days after it was issued)');
      await expectNoSeriousA11yViolations(page, 'an invoice with the claim form');

      // the reason is required; the amount, when given, must be an amount
      await claim.getByRole('button', { name: 'File the claim' }).click();
      expect(await visibleText(claim.getByText('Describe what is wrong.'))).toBe('Describe what is wrong.');
      await claim.getByLabel('What is wrong', { exact: true }).fill('The meter was read as 1234 kWh, but the photo of the meter shows 1134 kWh.');
      await claim.getByLabel('Amount you dispute, € (optional)', { exact: true }).fill('abc');
      await claim.getByRole('button', { name: 'File the claim' }).click();
      await visibleText(claim.getByText('Enter an amount in euros, e.g. 12.50, or leave it empty.'));
      await claim.getByLabel('Amount you dispute, € (optional)', { exact: true }).fill('17.42');
      const [filed] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && /\/claims$/.test(new URL(r.url()).pathname)),
        claim.getByRole('button', { name: 'File the claim' }).click(),
      ]);
      expect(filed.status()).toBe(201);
      expect(filed.request().postDataJSON()).toEqual({ text: 'The meter was read as 1234 kWh, but the photo of the meter shows 1134 kWh.', amountCents: 1742 });
      await visibleText(claim.getByRole('status').filter({ hasText: 'Your claim is filed. Customer service will decide on it.' }));
      expect(await visibleText(claim.locator('.claim-item').filter({ hasText: '1134 kWh' }).locator('.badge'))).toBe('Being reviewed');
      expect(await claim.getByRole('button', { name: 'File the claim' }).count()).toBe(0);
      await page.reload();
      await visibleText(claim.getByText('Your claim is being reviewed. You will find the decision here and in your notices.'));
      await expectNoSeriousA11yViolations(page, 'an invoice with a claim being reviewed');
    });
  });

  it('BIL-7: customer service find it first in the claims queue and accept it with a correction of −14.40 € net; Jānis sees the decision on the invoice and among his claims; axe passes', async () => {
    await withPage(async (page) => {
      await logInAs(page, SERVICE, '/staff');
      await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Claims', exact: true }).click();
      await waitForPath(page, '/staff/claims');
      await visibleText(page.getByRole('heading', { level: 1, name: 'Claims' }));
      const queue = page.getByRole('table', { name: 'Claims, open first, the oldest first' });
      const row = queue.locator('tbody tr').first();
      expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(`Jānis Bērziņš C-100001 ${newest.number}`);
      await expectNoSeriousA11yViolations(page, 'the claims queue');

      await row.getByRole('button', { name: `Accept the claim of Jānis Bērziņš against invoice ${newest.number}` }).click();
      const dialog = page.getByRole('dialog', { name: `Accept the claim against invoice ${newest.number}?` });
      await dialog.getByRole('button', { name: 'Accept the claim' }).click();
      await visibleText(dialog.getByText('Enter the correction in euros, not 0, e.g. -3.00.'));
      await expectNoSeriousA11yViolations(page, 'the decision dialog');
      await dialog.getByLabel(/^Correction, net €/).fill('-14.40');
      await dialog.getByLabel(/^Reason the customer reads/).fill('The photo shows 1134 kWh: 100 kWh are taken off on your next invoice.');
      const [decided] = await Promise.all([
        page.waitForResponse((r) => /\/decision$/.test(new URL(r.url()).pathname)),
        dialog.getByRole('button', { name: 'Accept the claim' }).click(),
      ]);
      expect(decided.status()).toBe(200);
      expect(decided.request().postDataJSON()).toEqual({ accept: true, reason: 'The photo shows 1134 kWh: 100 kWh are taken off on your next invoice.', correctionNetCents: -1440, vatPercent: '21' });
      await visibleText(page.getByRole('status').filter({ hasText: `The claim against invoice ${newest.number} is accepted; the correction goes on the next invoice.` }));
      await visibleText(page.getByText('No claim is waiting for a decision.'));
      // all claims: the two accepted ones (this and the demo year's), newest first
      await page.getByLabel('Show', { exact: true }).selectOption('all');
      const all = page.getByRole('table', { name: 'Claims, open first, the oldest first' });
      await all.locator('tbody tr').nth(1).waitFor();
      expect((await all.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ')).toContain('Correction on the next invoice: -€14.40 + VAT');
      await expectNoSeriousA11yViolations(page, 'all claims');
    });

    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      await page.goto(`/invoices/${newest.id}`);
      const claim = page.getByRole('region', { name: 'Claim', exact: true });
      const item = claim.locator('.claim-item').filter({ hasText: '1134 kWh' });
      expect(await visibleText(item.locator('.badge'))).toBe('Accepted');
      expect(await visibleText(item.locator('.claim-correction'))).toBe('Correction on the next invoice: -€14.40 + VAT');
      expect(await visibleText(item.locator('.claim-reason').first())).toBe('Reason: The photo shows 1134 kWh: 100 kWh are taken off on your next invoice.');
    });
  });

  it('BIL-7: the demo year\'s accepted claim is on Jānis\' claims page, and its correction is a line of the following invoice; axe passes', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invoices', exact: true }).click();
      await waitForPath(page, '/invoices');
      await page.getByRole('link', { name: 'Claims against invoices' }).click();
      await waitForPath(page, '/claims');
      await visibleText(page.getByRole('heading', { level: 1, name: 'Claims' }));
      const claims = page.getByRole('table', { name: 'Claims of Jānis Bērziņš, newest first' });
      await claims.locator('tbody tr').nth(1).waitFor();
      expect(await claims.locator('tbody tr').count()).toBe(2);
      const demo = claims.locator('tbody tr').nth(1);
      expect(await visibleText(demo.locator('.claim-correction'))).toBe('Correction on the next invoice: -€3.00 + VAT');
      expect((await demo.innerText())).toContain('Accepted');
      await expectNoSeriousA11yViolations(page, 'the claims page');

      const claimed = await visibleText(demo.getByRole('link'));
      // the correction is a line of the invoice of the month after the claimed one's
      const list = await page.request.get(`/api/customers/${await activeCustomer(page)}/invoices`);
      const invoices = ((await list.json()) as { invoices: { id: string; number: string; period: string; kind: string }[] }).invoices.filter((invoice) => invoice.kind === 'invoice');
      const claimedPeriod = invoices.find((invoice) => invoice.number === claimed)!.period;
      const following = invoices.find((invoice) => invoice.period === nextPeriod(claimedPeriod))!;
      await page.goto(`/invoices/${following.id}`);
      const lines = page.getByRole('table', { name: `Lines of invoice ${following.number}` });
      const line = lines.locator('tr').filter({ hasText: `Korekcija pēc pretenzijas par rēķinu ${claimed}` });
      expect(await visibleText(line)).toContain('-€3.00');
      expect(await line.count()).toBe(1);
      await expectNoSeriousA11yViolations(page, 'the invoice with the correction');
    });
  });

  it('BIL-7: on an invoice issued more than 10 days ago the page says until when a claim could be filed and offers no form', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      await page.goto(`/invoices/${older.id}`);
      await visibleText(page.getByRole('heading', { level: 1, name: `Invoice ${older.number}` }));
      const claim = page.getByRole('region', { name: 'Claim', exact: true });
      expect(await visibleText(claim.locator('.claim-over'))).toBe(`The 10 days to claim against this invoice ended on ${ddmmyyyy(older.lastDay)}. For a claim now, please contact customer service.`);
      expect(await claim.getByRole('button', { name: 'File the claim' }).count()).toBe(0);
      expect(await claim.getByRole('link', { name: /@/ }).count()).toBe(1);
      await expectNoSeriousA11yViolations(page, 'an invoice past its claim period');
    });
  });

  it('BIL-6: customer service set Jānis\' money limit for this month on his billing page; he sees it on Payments with what he may still spend; at 360 px in lv and ru nothing scrolls sideways', async () => {
    const period = rigaToday().slice(0, 7);
    await withPage(async (page) => {
      await logInAs(page, SERVICE, '/staff');
      const customerId = await customerIdOf(page, 'C-100001');
      await page.goto(`/staff/billing/customers/${customerId}`);
      const section = page.getByRole('region', { name: 'Money limit' });
      await visibleText(section.getByText('No limit is set for this period.'));
      await section.getByLabel('Limit, €', { exact: true }).fill('900.00');
      await section.getByRole('button', { name: 'Set the limit' }).click();
      await visibleText(section.getByRole('status').filter({ hasText: /^The limit for .+ is €900\.00\.$/ }));
      expect(await visibleText(section.locator('dd').first())).toBe('€900.00');
      await expectNoSeriousA11yViolations(page, 'the customer\'s billing page with the money limit');
      expect(await phoneWidths(page, ['/staff/claims', `/staff/billing/customers/${customerId}`])).toEqual(fitsThePhone(['/staff/claims', `/staff/billing/customers/${customerId}`]));
    });

    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      const customerId = await activeCustomer(page);
      const spending = (await (await page.request.get(`/api/customers/${customerId}/spending`)).json()) as { period: string; limitCents: number; usedCents: number; availableCents: number };
      expect([spending.period, spending.limitCents]).toEqual([period, 90000]);
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Payments', exact: true }).click();
      await waitForPath(page, '/payments');
      const limit = page.getByRole('region', { name: 'Money limit' });
      const facts = (await visibleText(limit.locator('dl'))).replace(/\s+/g, ' ');
      expect(facts).toBe(`Limit €900.00 Counted against it ${euros(spending.usedCents)} You may still spend ${euros(spending.availableCents)}`);
      await expectNoSeriousA11yViolations(page, 'the payments page with the money limit');
      const paths = ['/payments', '/claims', `/invoices/${newest.id}`, `/invoices/${older.id}`];
      expect(await phoneWidths(page, paths)).toEqual(fitsThePhone(paths));
    });
  });
});

async function activeCustomer(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/session')).json()) as { user: { activeCustomerId: string } }).user.activeCustomerId;
}

/** A customer's id by its number, through the back office's search. */
async function customerIdOf(page: Page, customerNumber: string): Promise<string> {
  const answer = await page.request.get(`/api/staff/customers?q=${encodeURIComponent(customerNumber)}`);
  const found = (await answer.json()) as { customers: { id: string; customerNumber: string }[] } | { id: string; customerNumber: string }[];
  const rows = Array.isArray(found) ? found : found.customers;
  return rows.find((row) => row.customerNumber === customerNumber)!.id;
}

function nextPeriod(period: string): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7));
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const euros = (cents: number) => `${cents < 0 ? '-' : ''}€${Math.floor(Math.abs(cents) / 100).toLocaleString('en-GB')}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const rigaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

