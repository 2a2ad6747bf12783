import { request, type APIRequestContext, type Page } from 'playwright-core';
import { visibleText, waitForPath } from './browser.js';

/** Fills the login form as a person would and presses "Log in" (English UI). */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

/** Like logIn, but waits for the portal's answer and gives back its HTTP status. */
export async function tryLogIn(page: Page, email: string, password: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login'),
    logIn(page, email, password),
  ]);
  return response.status();
}

/** On a page opened from an e-mailed activation or reset link: types the new password twice and saves it. */
export async function submitNewPassword(page: Page, heading: string, password: string): Promise<void> {
  await visibleText(page.getByRole('heading', { level: 1, name: heading }));
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the new password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Save password' }).click();
}

/** Activation from the e-mailed link: chooses the password and sees the account activated. */
export async function activateAccount(page: Page, password: string): Promise<void> {
  await submitNewPassword(page, 'Activate your account', password);
  // (no vitest expect here: the screenshot script uses these helpers outside the test runner)
  const done = await visibleText(page.getByRole('status').filter({ hasText: 'Your account is active' }));
  if (done !== 'Your account is active. You can now log in.') throw new Error(`activation said: ${done}`);
}

/** Staff: back office → "Find a customer" → search → open the customer's page. */
export async function openStaffCustomer(page: Page, query: string, customerName: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/staff')) {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Back office' }).click();
  }
  await waitForPath(page, /^\/staff/);
  await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Find a customer' }).click();
  const search = page.getByRole('search');
  await search.getByLabel('Name, personal code or registration number, customer number or e-mail', { exact: true }).fill(query);
  await search.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('table', { name: new RegExp(`Customers matching “${query}”`) }).getByRole('link', { name: customerName, exact: true }).click();
  await visibleText(page.getByRole('heading', { level: 1, name: customerName }));
}

/**
 * An API client logged in like the web app does it: GET /api/session for the pre-login CSRF cookie, then
 * POST /api/auth/login echoing it; later calls carry the session's csrfToken in x-csrf-token.
 */
export async function apiLogin(baseURL: string, email: string, password: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await request.newContext({ baseURL });
  await api.get('/api/session');
  const cookie = (await api.storageState()).cookies.find((c) => c.name === 'up_csrf');
  if (!cookie) throw new Error('GET /api/session set no up_csrf cookie');
  const login = await api.post('/api/auth/login', { data: { email, password }, headers: { 'x-csrf-token': cookie.value } });
  if (!login.ok()) throw new Error(`login as ${email} answered ${login.status()}: ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { api, csrf: csrfToken };
}
