import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './support/portal.js';
import { chooseEnglish, collectPageErrors, newContext, visibleText, waitForPath } from './support/browser.js';
import { usePortalAndBrowser } from './support/setup.js';
import { waitForMailLink } from './support/mail.js';
import { submitNewPassword, tryLogIn } from './support/ui.js';

const JANIS = 'janis@demo.example';
const NEW_PASSWORD = 'Pavasara-Ziedi-5172';

const the = usePortalAndBrowser();

describe('login lockout', () => {
  it('ACC-7: five wrong passwords for janis@demo.example block login; the page says how to regain access, the e-mail about it arrives, and its link lifts the block', async () => {
    const context = await newContext(the.browser, the.portal.url);
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto('/login');
      await chooseEnglish(page);

      for (let attempt = 1; attempt <= 4; attempt++) {
        expect(await tryLogIn(page, JANIS, `Wrong-Guess-${attempt}0${attempt}`)).toBe(401);
        expect(await visibleText(page.getByRole('alert'))).toBe('Wrong e-mail or password.');
      }
      expect(await tryLogIn(page, JANIS, 'Wrong-Guess-505')).toBe(423);
      const blocked = page.getByRole('alert').filter({ hasText: 'temporarily blocked' });
      const text = await visibleText(blocked);
      expect(text).toMatch(/Login is temporarily blocked after too many wrong passwords in a row, until \d{2}[./]\d{2}[./]\d{4},? \d{1,2}:\d{2}\./);
      expect(text).toContain('You can regain access in two ways:');
      expect(text).toContain('wait until the block ends and log in again, or');
      const resetLink = blocked.getByRole('link', { name: 'set a new password with “Forgot password” — this lifts the block at once.' });
      expect(await resetLink.getAttribute('href')).toBe('/forgot-password');

      // While blocked, even the right password does not get in.
      expect(await tryLogIn(page, JANIS, DEMO_PASSWORD)).toBe(423);
      await visibleText(page.getByRole('alert').filter({ hasText: 'temporarily blocked' }));

      // The e-mail (in Jānis's language, Latvian) says so and carries a reset link that lifts the block.
      const { mail, link } = await waitForMailLink(the.portal.url, JANIS, '/reset-password?token=');
      expect(mail.subject).toBe('Utility Portal Demo: pieslēgšanās uz laiku bloķēta');
      expect(mail.text).toContain('5 reizes pēc kārtas ievadīta nepareiza parole');

      await page.goto(link);
      await submitNewPassword(page, 'Set a new password', NEW_PASSWORD);
      expect(await visibleText(page.getByRole('status').filter({ hasText: 'new password' }))).toBe('Your new password is saved. You can now log in.');
      await page.getByRole('link', { name: 'Go to login' }).click();
      await waitForPath(page, '/login');
      expect(await tryLogIn(page, JANIS, NEW_PASSWORD)).toBe(200);
      await waitForPath(page, '/');
      expect(await visibleText(page.getByText('Welcome, Jānis Bērziņš!'))).toBeTruthy();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
