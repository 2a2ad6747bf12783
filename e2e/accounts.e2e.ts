import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chooseEnglish, collectPageErrors, newContext, visibleText, waitForPath } from './support/browser.js';
import { usePortalAndBrowser } from './support/setup.js';
import { waitForMailLink } from './support/mail.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { activateAccount, logIn } from './support/ui.js';

// Anna Kalniņa is in the demo customer records (C-100002) but has no portal account yet.
const ANNA = { name: 'Anna Kalniņa', personalCode: '020790-11115', customerNumber: 'C-100002', email: 'anna.kalnina@example.com', phone: '+371 20000002' };
const ANNA_PASSWORD = 'Rudens-Lapas-4821';
const INVITEE = { name: 'Kārlis Ozoliņš', email: 'karlis.ozolins@example.com' };
const INVITEE_PASSWORD = 'Ziemas-Sniegs-6093';

let anna: { context: BrowserContext; page: Page; errors: string[] };

const the = usePortalAndBrowser();

beforeAll(async () => {
  const context = await newContext(the.browser, the.portal.url, { axe: true });
  const page = await context.newPage();
  anna = { context, page, errors: collectPageErrors(page) };
});

describe('a new customer user registers, activates and invites an additional user', () => {
  it('ACC-1, ACC-2: Anna registers on /register with the data of her customer record, accepting the terms and confirming the data', async () => {
    const { page } = anna;
    await page.goto('/login');
    await chooseEnglish(page);
    await visibleText(page.getByRole('heading', { level: 1, name: 'Log in' }));
    await expectNoSeriousA11yViolations(page, 'the login page');

    await page.getByRole('link', { name: 'Register', exact: true }).click();
    await waitForPath(page, '/register');
    await visibleText(page.getByRole('heading', { level: 1, name: 'Register' }));
    await expectNoSeriousA11yViolations(page, 'the registration page');

    expect(await page.getByRole('radio', { name: 'a private person' }).isChecked()).toBe(true);
    await page.getByLabel('Name and surname', { exact: true }).fill(ANNA.name);
    await page.getByLabel('Personal code', { exact: true }).fill(ANNA.personalCode);
    await page.getByLabel('Customer or contract number', { exact: true }).fill(ANNA.customerNumber);
    await page.getByLabel('E-mail', { exact: true }).fill(ANNA.email);
    await page.getByLabel('Phone', { exact: true }).fill(ANNA.phone);
    // ACC-1: without the terms accepted the form is not sent, and says why.
    await page.getByRole('checkbox', { name: /I confirm that the data I enter are true/ }).check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    expect(await visibleText(page.getByText('Registration requires accepting the terms of use.'))).toBeTruthy();

    await page.getByRole('checkbox', { name: /I have read and accept the portal terms of use/ }).check();
    // ACC-2: data that do not match the records are refused and the person is sent to customer service.
    await page.getByLabel('Customer or contract number', { exact: true }).fill('C-100099');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const mismatch = await visibleText(page.getByRole('alert').filter({ hasText: 'do not match our customer records' }));
    expect(mismatch).toContain('Please check the data or contact customer service');
    expect(mismatch).toMatch(/\+371/); // the support phone

    await page.getByLabel('Customer or contract number', { exact: true }).fill(ANNA.customerNumber);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await visibleText(page.getByRole('heading', { level: 1, name: 'Check your e-mail' }));
    expect(await visibleText(page.getByRole('status'))).toContain(`we have sent a message to ${ANNA.email}`);
  });

  it('ACC-4: she opens the activation link from the mailbox, chooses a password, logs in and sees the overview', async () => {
    const { page } = anna;
    const { mail, link } = await waitForMailLink(the.portal.url, ANNA.email, '/activate?token=');
    expect(mail.subject).toBe('Utility Portal Demo: activate your account');
    expect(mail.text).toContain('within 24 hours');

    await page.goto(link);
    await activateAccount(page, ANNA_PASSWORD);
    await page.getByRole('link', { name: 'Go to login' }).click();
    await waitForPath(page, '/login');
    await logIn(page, ANNA.email, ANNA_PASSWORD);

    await waitForPath(page, '/');
    await visibleText(page.getByRole('heading', { level: 1, name: 'Overview' }));
    expect(await visibleText(page.getByText(`Welcome, ${ANNA.name}!`))).toBeTruthy();
    const customerCard = page.getByRole('region', { name: ANNA.name });
    expect(await visibleText(customerCard)).toContain(ANNA.customerNumber);
    expect(await customerCard.innerText()).toContain('Main user');
    expect(await visibleText(page.getByRole('link', { name: /active contract/ }))).toMatch(/^1\s+active contract \(1 in total\)$/);
    await expectNoSeriousA11yViolations(page, 'the overview');
  });

  it('ACC-10: as main user she invites an additional user on the users page, granting no extra rights', async () => {
    const { page } = anna;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users', exact: true }).click();
    await waitForPath(page, '/users');
    await visibleText(page.getByRole('heading', { level: 2, name: `Users of ${ANNA.name}` }));
    await expectNoSeriousA11yViolations(page, 'the users page');

    const invite = page.getByRole('region', { name: 'Invite a user' });
    await invite.getByLabel('E-mail', { exact: true }).fill(INVITEE.email);
    await invite.getByLabel('Name and surname', { exact: true }).fill(INVITEE.name);
    const rights = invite.getByRole('group', { name: 'Additional rights' }).getByRole('checkbox');
    expect(await rights.count()).toBeGreaterThan(0);
    for (const right of await rights.all()) expect(await right.isChecked()).toBe(false);
    await invite.getByRole('checkbox', { name: /I confirm that the data are true/ }).check();
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    expect(await visibleText(invite.getByRole('status'))).toBe(`An invitation has been sent to ${INVITEE.email}.`);

    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: INVITEE.name }) });
    expect(await visibleText(card)).toContain('Additional user · invitation not yet accepted');
    await expectNoSeriousA11yViolations(page, 'the users page with an invited user');
  });

  it('ACC-10: the invitee activates from the mailed link in another browser, sees the contracts but not the Users page', async () => {
    const { link, mail } = await waitForMailLink(the.portal.url, INVITEE.email, '/activate?token=');
    expect(mail.text).toContain(`additional user of "${ANNA.name}"`);

    const context = await newContext(the.browser, the.portal.url);
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(link);
      await chooseEnglish(page);
      await activateAccount(page, INVITEE_PASSWORD);
      await page.getByRole('link', { name: 'Go to login' }).click();
      await logIn(page, INVITEE.email, INVITEE_PASSWORD);
      // OPS-1: an invited user has not accepted the terms of use yet, so the portal asks first.
      await waitForPath(page, '/accept-terms');
      await page.getByRole('button', { name: 'I accept the terms of use' }).click();
      await waitForPath(page, '/');
      expect(await visibleText(page.getByRole('region', { name: ANNA.name }))).toContain('Additional user');

      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: 'Contracts', exact: true }).click();
      await waitForPath(page, '/contracts');
      const contracts = page.getByRole('table', { name: `Contracts of ${ANNA.name}` });
      expect(await visibleText(contracts)).toContain('E-200002');
      expect(await contracts.innerText()).toContain('Electricity supply');

      // No Users entry in the navigation …
      const navLinks = await nav.getByRole('link').allInnerTexts();
      expect(navLinks).toContain('Contracts');
      expect(navLinks).not.toContain('Users');
      // … and typing the address shows no user list or invitation form, only what the page says.
      await page.goto('/users');
      await visibleText(page.getByRole('heading', { level: 1, name: 'Users' }));
      expect(await visibleText(page.getByText('Only the main user of the customer can manage users.'))).toBeTruthy();
      expect(await page.getByRole('button', { name: 'Send invitation' }).count()).toBe(0);
      expect(await page.getByText(ANNA.email).count()).toBe(0);
      // The server refuses the list to this user as well (the page never asks for it).
      const session = await (await page.request.get('/api/session')).json() as { user: { activeCustomerId: string } };
      const refused = await page.request.get(`/api/customers/${session.user.activeCustomerId}/users`);
      expect(refused.status()).toBe(403);
      expect((await refused.json()).error.code).toBe('RIGHT_MISSING');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    // Anna now sees the invitation accepted.
    await anna.page.reload();
    const card = anna.page.getByRole('listitem').filter({ has: anna.page.getByRole('heading', { name: INVITEE.name }) });
    expect(await visibleText(card)).toContain('Additional user · active');
    expect(anna.errors).toEqual([]);
  });
});
