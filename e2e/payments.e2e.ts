import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { visibleText, waitForPath, withFreshPage } from './support/browser.js';
import { fitsThePhone, logInAs, phoneWidths, usePortalAndBrowser } from './support/setup.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { camt053Statement } from './support/camt.js';

/**
 * Issue 13, the web's part: Jānis (demo customer C-100001) sees on Payments what to pay now, his newest invoice
 * open, his year of bank transfers with what each paid — the interest of the invoice he paid late among them —
 * and the invoice that carried that interest as a line, paid in full. He pays the newest invoice online (BIL-15):
 * "Pay" on its row, the demo payment provider's page, "Apmaksāt / Pay", back on Payments "Thank you…", the online
 * payment in his history paying that invoice, the invoice paid. Customer service then import a camt.053 statement
 * (.001.08, written here) with his bank transfer for the same invoice by its RF reference — sent before he paid
 * online: "1 matched"; the same file again: "1 duplicate"; and allocate the demo's waiting 23.40 € transfer from
 * "A. Ozols" to C-100001. Jānis then sees nothing to pay, the transfer held as credit (BIL-3) and the 23.40 € in his
 * history. axe finds nothing serious; at 360 px, in Latvian and Russian, nothing scrolls sideways. The demo year:
 * server/src/db/demo-billing.ts.
 */

const JANIS = 'janis@demo.example';
const JANIS_NUMBER = 'C-100001';

const the = usePortalAndBrowser();

/** Jānis' newest invoice, read from the API as he would see it (test a); paid online in test b. */
const newest = { id: '', number: '', paymentReference: '', openCents: 0 };
/** The online payment of test b (its id is in the return address /payments?online=<id>). */
const online = { id: '' };

async function withPage(run: (page: Page) => Promise<void>, options: Parameters<typeof withFreshPage>[3] = {}) {
  await withFreshPage(the.browser, the.portal.url, run, { axe: true, ...options });
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/** Main navigation → Payments; waits for the payment history. */
async function openPayments(page: Page) {
  await mainNav(page).getByRole('link', { name: 'Payments', exact: true }).click();
  await waitForPath(page, '/payments');
  await visibleText(page.getByRole('heading', { level: 1, name: 'Payments' }));
  const history = page.getByRole('table', { name: /^Payments of Jānis Bērziņš, newest first$/ });
  await history.waitFor();
  return history;
}

const euros = (cents: number) => `€${Math.floor(cents / 100).toLocaleString('en-GB')}.${String(cents % 100).padStart(2, '0')}`;
const rigaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe('payments (issue 13)', () => {
  it('BIL-5, BIL-10, BIL-15: Jānis sees what to pay now and his newest invoice open, his bank transfers with what each paid (the late invoice\'s interest among them), and the invoice that carried the interest paid in full; axe passes', async () => {
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      const customerId = ((await (await page.request.get('/api/session')).json()) as { user: { activeCustomerId: string } }).user.activeCustomerId;
      const list = (await (await page.request.get(`/api/customers/${customerId}/invoices`)).json()) as { invoices: { id: string }[] };
      const detail = (await (await page.request.get(`/api/customers/${customerId}/invoices/${list.invoices[0].id}`)).json()) as typeof newest;
      Object.assign(newest, { id: detail.id, number: detail.number, paymentReference: detail.paymentReference, openCents: detail.openCents });
      expect(newest.openCents).toBeGreaterThan(0);

      const history = await openPayments(page);
      const summary = page.getByRole('region', { name: 'Where you stand today' });
      expect((await visibleText(summary.locator('.payment-summary__now'))).replace(/\s+/g, ' ')).toBe(`To pay now ${euros(newest.openCents)} What is left of all unpaid invoices.`);
      const open = page.getByRole('table', { name: 'Unpaid invoices, oldest first' });
      expect((await open.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ')).toContain(`${newest.number} `);
      expect(await open.getByText('Not due yet').count()).toBe(1);

      // a year of bank transfers, each with what it paid; the late-paid invoice's interest was paid with the next one
      expect(await history.locator('tbody tr').count()).toBeGreaterThanOrEqual(11);
      expect(await history.getByText('Bank transfer').count()).toBeGreaterThanOrEqual(11);
      const interest = history.locator('li').filter({ hasText: /^invoice [A-Z]+-\d{4}-\d{6} · late interest · €\d+\.\d{2}$/ }).first();
      const interestText = await visibleText(interest);
      expect(await history.locator('li').filter({ hasText: /· energy supply · €[\d,]+\.\d{2}$/ }).count()).toBeGreaterThanOrEqual(11);
      // the advance payment of 50.00 € was used by a later invoice
      expect(await history.locator('tr').filter({ hasText: '€50.00' }).locator('li').filter({ hasText: '· product purchase · €50.00' }).count()).toBe(1);
      await expectNoSeriousA11yViolations(page, 'the payments page');

      // the invoice that carried the interest: a late_interest line, and its payments
      const interestNumber = /^invoice (\S+)/.exec(interestText)![1];
      await interest.getByRole('link', { name: interestNumber }).click();
      await visibleText(page.getByRole('heading', { level: 1, name: `Invoice ${interestNumber}` }));
      const lines = page.getByRole('table', { name: `Lines of invoice ${interestNumber}` });
      expect(await visibleText(lines.getByText(/^Late payment interest on invoice [A-Z]+-\d{4}-\d{6} \(\d+ days? to \d{4}-\d{2}-\d{2}\)$/))).toBeTruthy();
      const paid = page.getByRole('table', { name: `What paid invoice ${interestNumber}` });
      expect(await paid.getByRole('cell', { name: 'late interest', exact: true }).count()).toBe(1);
      expect(await visibleText(page.getByRole('region', { name: 'Payments', exact: true }).getByText('The invoice is paid in full.'))).toBeTruthy();
      await expectNoSeriousA11yViolations(page, 'an invoice with its payments');
    });
  });

  it('BIL-15: Jānis pays his newest invoice online: "Pay" on its row, the demo provider\'s page, "Apmaksāt / Pay"; back on Payments he is thanked, the online payment in his history paid that invoice and the invoice is paid; axe passes on the message', async () => {
    expect(newest.openCents).toBeGreaterThan(0);
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      await openPayments(page);
      const summary = page.getByRole('region', { name: 'Where you stand today' });
      await visibleText(summary.getByRole('button', { name: `Pay ${euros(newest.openCents)} now` }));
      // the invoice's own page offers it too
      const open = page.getByRole('table', { name: 'Unpaid invoices, oldest first' });
      await open.getByRole('link', { name: newest.number, exact: true }).click();
      const invoicePayments = page.getByRole('region', { name: 'Payments', exact: true });
      await visibleText(invoicePayments.getByRole('button', { name: `Pay ${euros(newest.openCents)} now`, exact: true }));
      await page.goBack();

      const [started] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && /\/online-payments$/.test(new URL(r.url()).pathname)),
        open.getByRole('button', { name: `Pay invoice ${newest.number}, ${euros(newest.openCents)}` }).click(),
      ]);
      // (the window leaves at once, so the answer's body is gone: its status and what was asked)
      expect(started.status()).toBe(201);
      expect(started.request().postDataJSON()).toEqual({ invoiceIds: [newest.id] });

      // the provider's page, another origin, asks for the invoice's amount
      await page.waitForURL((url) => url.origin !== the.portal.url && url.pathname.startsWith('/pay/'));
      await visibleText(page.getByRole('heading', { level: 1, name: 'Demo banka' }));
      const lvEuros = `${Math.floor(newest.openCents / 100)},${String(newest.openCents % 100).padStart(2, '0')} €`;
      expect(await visibleText(page.getByText(lvEuros, { exact: true }))).toBe(lvEuros);
      await page.getByRole('button', { name: 'Apmaksāt / Pay' }).click();
      await waitForPath(page, /^\/payments\?online=[^&]+$/);
      online.id = new URL(page.url()).searchParams.get('online')!;
      const customerId = ((await (await page.request.get('/api/session')).json()) as { user: { activeCustomerId: string } }).user.activeCustomerId;
      // the notice is answered at once and applied a few milliseconds later (the inbox), so the state is polled, as the return page does
      await expect.poll(async () => (await page.request.get(`/api/customers/${customerId}/online-payments/${online.id}`)).json())
        .toEqual({ id: online.id, amountCents: newest.openCents, status: 'paid', redirectUrl: null });
      await visibleText(page.getByRole('status').filter({ hasText: `Thank you: your payment of ${euros(newest.openCents)} has arrived.` }));
      const summaryNow = summary.locator('.payment-summary__now');
      await expect.poll(async () => (await summaryNow.innerText()).replace(/\s+/g, ' ')).toBe('To pay now €0.00 Nothing to pay right now.');
      expect(await summary.getByRole('button').count()).toBe(0);
      expect(await visibleText(page.getByText('All invoices are paid.'))).toBe('All invoices are paid.');
      const history = page.getByRole('table', { name: /^Payments of Jānis Bērziņš, newest first$/ });
      const onlineRow = history.locator('tbody tr').filter({ hasText: 'Online payment' });
      expect(await onlineRow.count()).toBe(1);
      expect((await onlineRow.innerText()).replace(/\s+/g, ' ')).toContain(`${euros(newest.openCents)} Online payment Applied invoice ${newest.number} · `);
      await expectNoSeriousA11yViolations(page, 'the payments page with the online payment\'s message');

      // the invoice: paid in full by the online payment, nothing to pay there
      await onlineRow.getByRole('link', { name: newest.number }).first().click();
      await visibleText(page.getByRole('heading', { level: 1, name: `Invoice ${newest.number}` }));
      expect(await visibleText(invoicePayments.getByText('The invoice is paid in full.'))).toBeTruthy();
      expect(await page.getByRole('table', { name: `What paid invoice ${newest.number}` }).getByText('Online payment').count()).toBeGreaterThan(0);
      expect(await invoicePayments.getByRole('button').count()).toBe(0);
    });
  });

  it('BIL-4, BIL-5: customer service import a camt.053 statement with Jānis\' transfer for the newest invoice by its RF reference (1 matched), the same file again (1 duplicate), and allocate the waiting 23.40 € to C-100001; axe passes; at 360 px in lv and ru nothing scrolls sideways', async () => {
    expect(newest.paymentReference).toMatch(/^RF\d{2}/);
    const file = { name: 'statement.xml', mimeType: 'application/xml', buffer: Buffer.from(camt053Statement({ reference: newest.paymentReference, cents: newest.openCents, day: rigaToday(), id: 'E2E', endToEndId: 'E2E-JANIS-1' }), 'utf8') };
    await withPage(async (page) => {
      await logInAs(page, 'service@demo.example', '/staff');
      await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Payments' }).click();
      await waitForPath(page, '/staff/payments');
      const upload = page.getByRole('region', { name: 'Import a bank statement (camt.053)' });
      const importFile = async () => {
        await upload.getByLabel('Statement file (XML)', { exact: true }).setInputFiles(file);
        const [answer] = await Promise.all([
          page.waitForResponse((r) => new URL(r.url()).pathname === '/api/staff/payments/statements'),
          upload.getByRole('button', { name: 'Import the statement' }).click(),
        ]);
        expect(answer.status(), await answer.text()).toBe(200);
        expect(answer.request().headers()['content-type']).toBe('application/xml');
        return upload.getByRole('list', { name: 'Counts' });
      };

      const first = await importFile();
      await visibleText(upload.getByRole('status').filter({ hasText: 'Statement imported: every new payment found its customer.' }));
      expect(await first.getByText('1 matched', { exact: true }).count()).toBe(1);
      expect(await first.getByText('0 duplicates', { exact: true }).count()).toBe(1);
      expect(await visibleText(upload.getByText(/^Entries read: 1/))).toBe(`Entries read: 1, of them credits: 1. New money taken in: ${euros(newest.openCents)}.`);
      await expectNoSeriousA11yViolations(page, 'the staff payments page with an import');

      const again = await importFile();
      await visibleText(upload.getByRole('status').filter({ hasText: 'Nothing new' }));
      expect(await again.getByText('1 duplicate', { exact: true }).count()).toBe(1);
      expect(await again.getByText('0 matched', { exact: true }).count()).toBe(1);

      // the transfer nobody could be told from its text
      const waiting = page.getByRole('table', { name: 'Payments waiting for a customer, oldest first' });
      const row = waiting.locator('tbody tr').filter({ hasText: 'A. Ozols' });
      expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('€23.40 A. Ozols');
      await row.getByLabel('Customer No. for the payment of €23.40 from A. Ozols', { exact: true }).fill(JANIS_NUMBER);
      await row.getByRole('button', { name: 'Allocate' }).click();
      await visibleText(page.getByRole('status').filter({ hasText: `€23.40 from A. Ozols allocated to customer ${JANIS_NUMBER}.` }));
      await expect.poll(() => row.count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'the staff payments page after allocating');

      // BIL-15: the online payment's notice (the first test) was applied: none waits
      await visibleText(page.getByRole('region', { name: 'Online payment notices not applied' }).getByRole('status').filter({ hasText: 'Every notice received has been applied.' }));

      // responsive: on a phone, in Latvian and Russian, nothing scrolls sideways
      expect(await phoneWidths(page, ['/staff/payments'])).toEqual(fitsThePhone(['/staff/payments']));
    });
  });

  it('BIL-3, BIL-15: Jānis then sees his newest invoice paid, nothing to pay now, the transfer for the invoice he had paid online held as credit and the 23.40 € in his payment history; the payments (with the online payment\'s message too), the invoices and an invoice with its payments at 360 px in lv and ru scroll nothing sideways and pass axe', async () => {
    expect(newest.number).not.toBe('');
    expect(online.id).not.toBe('');
    await withPage(async (page) => {
      await logInAs(page, JANIS, '/');
      const history = await openPayments(page);
      const summary = page.getByRole('region', { name: 'Where you stand today' });
      expect((await visibleText(summary.locator('.payment-summary__now'))).replace(/\s+/g, ' ')).toBe('To pay now €0.00 Nothing to pay right now.');
      expect(await visibleText(page.getByText('All invoices are paid.'))).toBe('All invoices are paid.');
      // the newest invoice was paid online before the transfer for it came: the transfer is credit; so is the 23.40 €
      const statementRow = history.locator('tbody tr').filter({ hasText: euros(newest.openCents) }).filter({ hasText: newest.paymentReference });
      expect(await statementRow.getByText(`Credit: ${euros(newest.openCents)}`, { exact: true }).count()).toBe(1);
      const onlineRow = history.locator('tbody tr').filter({ hasText: 'Online payment' });
      expect(await onlineRow.locator('li').filter({ hasText: `invoice ${newest.number} · ` }).count()).toBeGreaterThan(0);
      const ozols = history.locator('tbody tr').filter({ hasText: '€23.40' }).filter({ hasText: 'par elektrību' });
      expect((await ozols.innerText()).replace(/\s+/g, ' ')).toMatch(/Applied (Credit: €23\.40|invoice [A-Z]+-\d{4}-\d{6} · [a-z ]+ · €[\d.]+)/);
      await expectNoSeriousA11yViolations(page, 'the payments page after the statement');

      await mainNav(page).getByRole('link', { name: 'Invoices', exact: true }).click();
      const invoices = page.getByRole('table', { name: /^Invoices and credit notes of / });
      await invoices.waitFor();
      const newestRow = invoices.locator('tbody tr').filter({ has: page.getByRole('link', { name: newest.number, exact: true }) });
      expect(await newestRow.getByText('Paid', { exact: true }).count()).toBe(1);
      expect(await invoices.getByText(/^(To pay|Overdue)/).count()).toBe(0);

      // responsive: on a phone, in Latvian and Russian, nothing scrolls sideways; the payments are cards, not tables
      const paths = ['/payments', `/payments?online=${online.id}`, '/invoices', `/invoices/${newest.id}`];
      expect(await phoneWidths(page, paths)).toEqual(fitsThePhone(paths));
      await page.goto('/payments');
      await page.locator('.payment-card').first().waitFor();
      expect(await page.locator('main table').count()).toBe(0);
    });
  });
});
