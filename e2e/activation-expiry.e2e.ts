import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/portal.js';
import { chooseEnglish, collectPageErrors, newContext, visibleText, waitForPath } from './support/browser.js';
import { usePortalAndBrowser } from './support/setup.js';
import { waitForMailLink } from './support/mail.js';
import { apiLogin, openStaffCustomer, submitNewPassword, tryLogIn } from './support/ui.js';

// A customer created for this test by an administrator; personal code from the synthetic valid examples.
const ROBERTS = { name: 'Roberts Liepiņš', personalCode: '010190-11231', customerNumber: 'C-900001', email: 'roberts.liepins@example.com', phone: '+371 20009001' };
const PASSWORD = 'Vasaras-Lietus-3390';
const NEW_PASSWORD = 'Rudens-Migla-7716';

const the = usePortalAndBrowser();

/** Customer service opens the customer in the back office and reads the status cell of the user's row. */
async function statusInBackOffice(page: Page): Promise<string> {
  await page.goto('/login');
  await chooseEnglish(page);
  expect(await tryLogIn(page, 'service@demo.example', DEMO_PASSWORD)).toBe(200);
  await openStaffCustomer(page, 'Liepiņš', ROBERTS.name);
  const users = page.getByRole('region', { name: 'Portal users' });
  const row = users.getByRole('row').filter({ hasText: ROBERTS.email });
  return (await visibleText(row.getByRole('cell').nth(2))).replace(/\s+/g, ' ');
}

describe('activation link older than 24 hours', () => {
  it('ACC-4: the activation link opened 24 h 1 min later says it expired, the account is blocked (login refused, back office shows it), and "Forgot password" unblocks it', async () => {
    // An administrator adds the customer record (the API, as the back office does it).
    const { api, csrf } = await apiLogin(the.portal.url, 'admin@demo.example', DEMO_PASSWORD);
    const created = await api.post('/api/staff/customers', {
      headers: { 'x-csrf-token': csrf },
      data: { kind: 'person', name: ROBERTS.name, identityCode: ROBERTS.personalCode, customerNumber: ROBERTS.customerNumber, email: ROBERTS.email, language: 'en' },
    });
    expect(created.status(), await created.text()).toBe(201);
    await api.dispose();

    const context = await newContext(the.browser, the.portal.url);
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto('/register');
      await chooseEnglish(page);
      await page.getByLabel('Name and surname', { exact: true }).fill(ROBERTS.name);
      await page.getByLabel('Personal code', { exact: true }).fill(ROBERTS.personalCode);
      await page.getByLabel('Customer or contract number', { exact: true }).fill(ROBERTS.customerNumber);
      await page.getByLabel('E-mail', { exact: true }).fill(ROBERTS.email);
      await page.getByLabel('Phone', { exact: true }).fill(ROBERTS.phone);
      await page.getByRole('checkbox', { name: /I have read and accept the portal terms of use/ }).check();
      await page.getByRole('checkbox', { name: /I confirm that the data I enter are true/ }).check();
      await page.getByRole('button', { name: 'Register', exact: true }).click();
      await visibleText(page.getByRole('heading', { level: 1, name: 'Check your e-mail' }));
      const { link } = await waitForMailLink(the.portal.url, ROBERTS.email, '/activate?token=');

      // Before the 24 hours are up, customer service sees the account waiting for activation.
      const staffBefore = await newContext(the.browser, the.portal.url);
      try {
        expect(await statusInBackOffice(await staffBefore.newPage())).toBe('Pending — not activated yet');
      } finally {
        await staffBefore.close();
      }

      // 24 hours and 1 minute later (the server's clock is moved, DEV_CLOCK) he opens the link.
      await the.portal.advanceClock(24 * 60 + 1);
      await page.goto(link);
      await submitNewPassword(page, 'Activate your account', PASSWORD);
      const expired = page.getByRole('alert').filter({ hasText: 'expired' });
      expect(await visibleText(expired)).toBe('This link has expired or has already been used. Request a new link');
      expect(await expired.getByRole('link', { name: 'Request a new link' }).getAttribute('href')).toBe('/forgot-password');

      // The account never got a password, so logging in with the e-mail is refused.
      await page.goto('/login');
      expect(await tryLogIn(page, ROBERTS.email, PASSWORD)).toBe(401);
      expect(await visibleText(page.getByRole('alert'))).toBe('Wrong e-mail or password.');

      // Customer service sees the account blocked for not being activated in time.
      const staffAfter = await newContext(the.browser, the.portal.url);
      try {
        expect(await statusInBackOffice(await staffAfter.newPage())).toBe('Blocked Reason: not_activated');
      } finally {
        await staffAfter.close();
      }

      // "Forgot password" unblocks it, as the activation e-mail says.
      await page.goto('/login');
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await visibleText(page.getByRole('heading', { level: 1, name: 'Forgot password' }));
      await page.getByLabel('E-mail', { exact: true }).fill(ROBERTS.email);
      await page.getByRole('button', { name: 'Send link' }).click();
      await visibleText(page.getByRole('status').filter({ hasText: 'we have sent it a link' }));
      const reset = await waitForMailLink(the.portal.url, ROBERTS.email, '/reset-password?token=');
      await page.goto(reset.link);
      await submitNewPassword(page, 'Set a new password', NEW_PASSWORD);
      await visibleText(page.getByRole('status').filter({ hasText: 'Your new password is saved' }));
      await page.goto('/login');
      expect(await tryLogIn(page, ROBERTS.email, NEW_PASSWORD)).toBe(200);
      await waitForPath(page, '/');
      expect(await visibleText(page.getByText(`Welcome, ${ROBERTS.name}!`))).toBeTruthy();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
