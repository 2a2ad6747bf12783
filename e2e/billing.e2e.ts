import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/portal.js';
import { newContext, visibleText, waitForPath, withFreshPage } from './support/browser.js';
import { fitsThePhone, logInAs, phoneWidths, usePortalAndBrowser } from './support/setup.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { apiLogin } from './support/ui.js';

/**
 * Issue 12, the web's part: Jānis (demo customer C-100001, a person) opens his latest invoice, follows an energy
 * line to the days it came from (chart and table), downloads the PDF (read back with pdftotext: the number and his
 * name with its Latvian letters intact) and, acting for SIA "Demo Būve" (a company), the e-invoice XML (UBL,
 * Peppol BIS Billing 3.0). Marta, an additional user, loses see_invoices: no invoices in her navigation and the
 * API refuses her the data. Staff find an invoice; the administrator starts a run for a month not over (409) and
 * sees the runs. axe finds nothing serious; at 360 px, in Latvian and Russian, nothing scrolls sideways.
 * The demo (server/src/db/demo-billing.ts) issues a year of invoices through the real billing run at its start.
 */

const JANIS = 'janis@demo.example';
const MARTA = 'marta@demo.example';
const JANIS_NAME = 'Jānis Bērziņš';
const COMPANY = 'SIA "Demo Būve"';
const PEPPOL = 'urn:fdc:peppol.eu:2017:poacc:billing:3.0';

const the = usePortalAndBrowser();

async function withPage(run: (page: Page, errors: string[]) => Promise<void>, options: Parameters<typeof newContext>[2] = {}) {
  await withFreshPage(the.browser, the.portal.url, run, options);
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/** Main navigation → Invoices; waits for the list of documents. */
async function openInvoices(page: Page): Promise<Locator> {
  await mainNav(page).getByRole('link', { name: 'Invoices', exact: true }).click();
  await waitForPath(page, '/invoices');
  await visibleText(page.getByRole('heading', { level: 1, name: 'Invoices' }));
  const table = page.getByRole('table', { name: /^Invoices and credit notes of / });
  await table.waitFor();
  return table;
}

/** The newest invoice's row: its number's link is the first row header. */
async function openLatestInvoice(page: Page): Promise<string> {
  const table = await openInvoices(page);
  const link = table.locator('tbody tr').first().getByRole('rowheader').getByRole('link');
  const number = (await link.innerText()).trim();
  expect(number).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
  await link.click();
  await waitForPath(page, /^\/invoices\/[^/]+$/);
  await visibleText(page.getByRole('heading', { level: 1, name: `Invoice ${number}` }));
  return number;
}

/** Clicks a download link and gives back the downloaded file's bytes. */
async function download(page: Page, link: Locator): Promise<{ download: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), link.click()]);
  expect(await file.failure()).toBeNull();
  return { download: file, bytes: await readFile((await file.path())!) };
}

async function session(page: Page): Promise<{ activeCustomerId: string; customers: { id: string; name: string }[] }> {
  return ((await (await page.request.get('/api/session')).json()) as { user: { activeCustomerId: string; customers: { id: string; name: string }[] } }).user;
}

const rigaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe('the customer\'s invoices (BIL-15)', () => {
  it('BIL-15: Jānis sees his balance, the bars of his last invoices and the list; the latest invoice has its lines, VAT and totals; an energy line explains itself by day (chart and table) with the tariff version; axe passes on the three pages', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      // the overview's estimate of this month, linking to the invoices
      const estimate = page.getByRole('region', { name: 'This month so far' });
      expect(await visibleText(estimate.locator('.estimate-card__amount'))).toMatch(/^€[\d,]+\.\d{2}$/);

      await openInvoices(page);
      const balance = page.getByRole('region', { name: 'Your balance' });
      expect(await visibleText(balance.locator('.invoice-balance__amount'))).toMatch(/^To pay €[\d,]+\.\d{2}$/);
      const bars = page.getByRole('list', { name: 'Amounts with VAT of the latest invoices, by month' }).getByRole('listitem');
      expect(await bars.count()).toBeGreaterThanOrEqual(10);
      expect(await bars.count()).toBeLessThanOrEqual(12);
      expect((await bars.last().innerText()).replace(/\s+/g, ' ')).toMatch(/€[\d,]+\.\d{2}$/);
      await expectNoSeriousA11yViolations(page, 'the invoices page');

      const number = await openLatestInvoice(page);
      const facts = page.getByRole('region', { name: 'Invoice details' });
      expect(await facts.getByText('Payment reference').count()).toBe(1);
      expect(await visibleText(facts.getByText(/^LV\d{2}[A-Z]{4}/))).toMatch(/^LV\d{2}[A-Z0-9]+$/);
      const lines = page.getByRole('table', { name: `Lines of invoice ${number}` });
      await lines.waitFor();
      expect(await lines.locator('tbody tr').count()).toBeGreaterThan(3);
      const totals = page.getByRole('region', { name: 'Totals' });
      expect(await visibleText(totals.locator('.invoice-totals__row--strong dd'))).toMatch(/^€[\d,]+\.\d{2}$/);
      await page.getByRole('table', { name: 'VAT by rate' }).waitFor();
      // a person's invoice has no e-invoice
      expect(await page.getByRole('link', { name: 'Download e-invoice (XML)' }).count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'the invoice page');

      // the energy line (Electricity, the supply tariff) explains itself
      const why = lines.getByRole('link', { name: /^Why €[\d,]+\.\d{2}\? Line \d+: Electricity \(/ }).first();
      const amount = (await why.innerText()).replace(/^Why (.*)\?$/, '$1');
      await why.click();
      await waitForPath(page, /^\/invoices\/[^/]+\/lines\/\d+$/);
      await visibleText(page.getByRole('heading', { level: 1, name: `Why is this line ${amount}?` }));
      const days = page.getByRole('region', { name: 'Energy by day' });
      const chart = days.getByRole('img', { name: /^Energy by day from / });
      await chart.locator('canvas').waitFor();
      const dayRows = days.getByRole('table', { name: 'Energy and amount by day' }).locator('tbody tr');
      await dayRows.first().waitFor();
      // a month of days and the total row; the total is the line's quantity and, rounded once, its amount
      expect(await dayRows.count()).toBeGreaterThanOrEqual(29);
      const total = (await dayRows.last().innerText()).replace(/\s+/g, ' ');
      expect(total).toMatch(new RegExp(`^Total [\\d,.]+ €[\\d,]+\\.\\d{4} → ${amount.replace(/[.$]/g, '\\$&')}$`));
      expect(await visibleText(page.locator('.explain-sentence'))).toMatch(/kWh × €[\d.,]+\/kWh = €[\d.,]+, rounded once to the cent/);
      const tariff = page.getByRole('region', { name: 'The tariff applied' });
      expect(await visibleText(tariff.locator('p').first())).toMatch(/^Home \(HOME\), version \d+ \(valid /);
      expect(await tariff.getByText('applied to this line').count()).toBeGreaterThan(0);
      await expectNoSeriousA11yViolations(page, 'the line explanation');
    }, { axe: true });
  });

  it('BIL-15: the invoice PDF names the invoice and Jānis Bērziņš with his letters intact (pdftotext); acting for SIA "Demo Būve" the e-invoice is UBL after Peppol BIS Billing 3.0', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      const number = await openLatestInvoice(page);
      const pdf = await download(page, page.getByRole('group', { name: 'Downloads' }).getByRole('link', { name: 'Download PDF' }));
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = await pdfText(pdf.bytes);
      expect(text).toContain(number);
      expect(text).toContain(JANIS_NAME);

      // ACC-11: act for the company, whose invoices come as e-invoices too
      const { customers } = await session(page);
      const company = customers.find((customer) => customer.name === COMPANY);
      expect(company, JSON.stringify(customers)).toBeDefined();
      await page.getByLabel('Acting for', { exact: true }).selectOption(company!.id);
      await expect.poll(async () => (await session(page)).activeCustomerId).toBe(company!.id);
      const companyNumber = await openLatestInvoice(page);
      expect(companyNumber).not.toBe(number);
      const xml = await download(page, page.getByRole('group', { name: 'Downloads' }).getByRole('link', { name: 'Download e-invoice (XML)' }));
      const body = xml.bytes.toString('utf8');
      expect(body.startsWith('<?xml')).toBe(true);
      expect(body).toContain(PEPPOL);
      expect(body).toContain(companyNumber);
      expect(xml.download.suggestedFilename()).toMatch(/\.xml$/);
    });
  });
});

describe('staff (issue 12)', () => {
  it('a customer-service member finds an invoice by its number and opens it; the back office\'s billing pages pass axe', async () => {
    await withPage(async (page) => {
      await logInAs(page, 'service@demo.example', '/staff');
      const backOffice = page.getByRole('navigation', { name: 'Back office' });
      await backOffice.getByRole('link', { name: 'Find an invoice' }).click();
      await waitForPath(page, '/staff/billing/invoices');
      const search = page.getByRole('search');
      await search.getByLabel('Invoice number, customer number or name', { exact: true }).fill('Bērziņš');
      await search.getByRole('button', { name: 'Search' }).click();
      const results = page.getByRole('table', { name: /^Invoices matching “Bērziņš”/ });
      await results.waitFor();
      const first = results.locator('tbody tr').first();
      expect(await first.innerText()).toContain(JANIS_NAME);
      const number = (await first.getByRole('rowheader').getByRole('link').innerText()).trim();

      // by its number alone
      await search.getByLabel('Invoice number, customer number or name', { exact: true }).fill(number);
      await search.getByRole('button', { name: 'Search' }).click();
      const exact = page.getByRole('table', { name: new RegExp(`^Invoices matching “${number}”: 1$`) });
      await exact.waitFor();
      await expectNoSeriousA11yViolations(page, 'the invoice search');
      await exact.getByRole('link', { name: number }).click();
      await waitForPath(page, /^\/staff\/billing\/invoices\/[^/]+$/);
      await visibleText(page.getByRole('heading', { level: 1, name: `Invoice ${number}` }));
      expect(await page.getByRole('region', { name: 'Invoice details' }).getByText(JANIS_NAME).count()).toBeGreaterThan(0);
      await page.getByRole('region', { name: 'Void the invoice' }).waitFor();
      await page.getByRole('region', { name: 'Issue a credit note' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'the staff invoice page');

      await backOffice.getByRole('link', { name: 'Tariffs' }).click();
      await page.getByRole('heading', { level: 2, name: /^Home \(HOME\)/ }).waitFor();
      await expectNoSeriousA11yViolations(page, 'the tariffs page');
      // customer service do not start runs
      await backOffice.getByRole('link', { name: 'Billing runs' }).click();
      await page.getByRole('table', { name: 'Billing runs by month, newest first' }).waitFor();
      expect(await page.getByRole('button', { name: 'Start the run' }).count()).toBe(0);
    }, { axe: true });
  });

  it('the administrator starts the run of a month that is not over and is told so beside the month (409 PERIOD_NOT_OVER); the runs of the demo\'s year are listed done; axe passes', async () => {
    await withPage(async (page) => {
      await logInAs(page, 'admin@demo.example', '/staff');
      await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Billing runs' }).click();
      await waitForPath(page, '/staff/billing');
      const runs = page.getByRole('table', { name: 'Billing runs by month, newest first' });
      await runs.waitFor();
      expect(await runs.locator('tbody tr').count()).toBeGreaterThanOrEqual(11);
      expect(await runs.getByText('done', { exact: true }).count()).toBeGreaterThanOrEqual(11);
      await expectNoSeriousA11yViolations(page, 'the billing runs page');

      const form = page.getByRole('region', { name: 'Start the run of a month' });
      const month = form.getByLabel('Month (YYYY-MM)', { exact: true });
      const thisMonth = rigaToday().slice(0, 7);
      await month.fill(thisMonth);
      const [answer] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/staff/billing/runs' && r.request().method() === 'POST'),
        form.getByRole('button', { name: 'Start the run' }).click(),
      ]);
      expect(answer.status()).toBe(409);
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('PERIOD_NOT_OVER');
      const message = `The month ${thisMonth} is not over yet: it can be billed only after its last day.`;
      expect(await visibleText(form.getByText(message, { exact: true }))).toBe(message);
      expect(await month.getAttribute('aria-invalid')).toBe('true');
      await expectNoSeriousA11yViolations(page, 'the billing runs page with the refusal');
    }, { axe: true });
  });
});

describe('small screens', () => {
  const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, axe: true };

  it('responsive: the invoices, an invoice and a line\'s explanation at 360×740 have no horizontal scroll and pass axe, in lv and ru', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      const { activeCustomerId } = await session(page);
      const list = (await (await page.request.get(`/api/customers/${activeCustomerId}/invoices`)).json()) as { invoices: { id: string }[] };
      const invoice = `/invoices/${list.invoices[0].id}`;
      const paths = ['/invoices', invoice, `${invoice}/lines/1`, '/'];
      expect(await phoneWidths(page, paths, { axeIn: ['LV', 'RU'] })).toEqual(fitsThePhone(paths));
      // on a phone the list is cards, not a table
      await page.goto('/invoices');
      await page.locator('.invoice-card').first().waitFor();
      expect(await page.locator('main table').count()).toBe(0);
    }, phone);
  });

  it('responsive: the back office\'s billing pages at 360×740 have no horizontal scroll and pass axe, in lv and ru', async () => {
    await withPage(async (page) => {
      await logInAs(page, 'admin@demo.example', '/staff');
      const found = (await (await page.request.get('/api/staff/invoices?q=C-100001')).json()) as { id: string }[];
      const paths = ['/staff/billing', '/staff/billing/invoices?q=C-100001', `/staff/billing/invoices/${found[0].id}`, '/staff/billing/tariffs'];
      expect(await phoneWidths(page, paths, { axeIn: ['LV', 'RU'] })).toEqual(fitsThePhone(paths));
    }, phone);
  });
});

describe('rights (ACC-10)', () => {
  it('ACC-10: once Jānis takes see_invoices from Marta, she has no invoices in her navigation, no estimate on the overview, the invoices page tells her so and the API refuses her the data (403 RIGHT_MISSING)', async () => {
    // the main user changes the additional user's rights (PATCH …/users/:membershipId), as the users page does
    const { api, csrf } = await apiLogin(the.portal.url, JANIS, DEMO_PASSWORD);
    let householdId = '';
    let invoiceId = '';
    try {
      const janis = ((await (await api.get('/api/session')).json()) as { user: { customers: { id: string; customerNumber: string }[] } }).user;
      householdId = janis.customers.find((customer) => customer.customerNumber === 'C-100001')!.id;
      const users = (await (await api.get(`/api/customers/${householdId}/users`)).json()) as { membershipId: string; email: string; rights: string[] }[];
      const marta = users.find((user) => user.email === MARTA)!;
      expect(marta.rights).toContain('see_invoices');
      const change = await api.patch(`/api/customers/${householdId}/users/${marta.membershipId}`, {
        data: { rights: marta.rights.filter((right) => right !== 'see_invoices') }, headers: { 'x-csrf-token': csrf },
      });
      expect(change.status()).toBe(204);
      invoiceId = ((await (await api.get(`/api/customers/${householdId}/invoices`)).json()) as { invoices: { id: string }[] }).invoices[0].id;
    } finally {
      await api.dispose();
    }

    await withPage(async (page) => {
      await logInAs(page, MARTA, '/');
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await mainNav(page).getByRole('link', { name: 'Contracts' }).waitFor();
      expect(await mainNav(page).getByRole('link', { name: 'Invoices', exact: true }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'This month so far' }).count()).toBe(0);
      for (const path of ['invoices', `invoices/${invoiceId}`, `invoices/${invoiceId}/lines/1`, `invoices/${invoiceId}/pdf`, 'billing/estimate']) {
        const refused = await page.request.get(`/api/customers/${householdId}/${path}`);
        expect(refused.status(), path).toBe(403);
        expect(((await refused.json()) as { error: { code: string } }).error.code, path).toBe('RIGHT_MISSING');
      }
      await page.goto(`/invoices/${invoiceId}`);
      await visibleText(page.getByRole('alert').filter({ hasText: 'You may not see this customer\'s invoices.' }));
      expect(await page.getByRole('table').count()).toBe(0);
    });
  });
});

const execFileAsync = promisify(execFile);

/** The text of a PDF, as /usr/bin/pdftotext reads it (UTF-8). */
async function pdfText(bytes: Buffer): Promise<string> {
  const child = execFileAsync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], { encoding: 'utf8', maxBuffer: 10 * 1024 * 1024 });
  child.child.stdin!.end(bytes);
  return (await child).stdout;
}
