import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoIdentityProvider, type DemoIdentityProvider } from './demo-identity-provider.ts';
import { FetchBrowser } from '../../test/fetch-browser.ts';
import { createOidcLogin, OidcLoginError, type OidcLogin } from './oidc-login.ts';

const REDIRECT_URI = 'http://127.0.0.1:9/callback'; // never called: the test stops at the redirect

/** Opens the authorization URL and returns the bank's login page. */
async function openBankLoginPage(browser: FetchBrowser, authorizationUrl: string) {
  const redirect = await browser.request(authorizationUrl);
  expect(redirect.status).toBe(303);
  const pageUrl = new URL(redirect.headers.get('location')!, authorizationUrl);
  const page = await browser.request(pageUrl.href);
  expect(page.status).toBe(200);
  return { pageUrl, html: await page.text() };
}

function formAction(html: string, pageUrl: URL, path: 'login' | 'cancel'): string {
  const action = new RegExp(`action="([^"]*/${path})"`).exec(html)?.[1];
  if (!action) throw new Error(`no ${path} form on the page`);
  return new URL(action, pageUrl).href;
}

function postForm(browser: FetchBrowser, url: string, fields: Record<string, string>): Promise<URL> {
  return browser.followUntil(REDIRECT_URI, url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Runs the login at the demo bank as `identity` and returns the callback URL plus what the RP kept. */
async function loginAtBank(login: OidcLogin, identity: string) {
  const browser = new FetchBrowser();
  const { url, pending } = await login.startLogin();
  const { pageUrl, html } = await openBankLoginPage(browser, url);
  const callbackUrl = await postForm(browser, formAction(html, pageUrl, 'login'), { identity });
  return { callbackUrl, pending };
}

describe('bank login over OpenID Connect', () => {
  let provider: DemoIdentityProvider;
  let login: OidcLogin;

  beforeAll(async () => {
    provider = await startDemoIdentityProvider({
      port: 0,
      clients: [{ clientId: 'test-portal', clientSecret: 'test-secret', redirectUris: [REDIRECT_URI] }],
    });
    login = await createOidcLogin({
      issuer: provider.issuer,
      clientId: 'test-portal',
      clientSecret: 'test-secret',
      redirectUri: REDIRECT_URI,
      allowInsecureHttp: true,
    });
  });

  afterAll(async () => {
    await provider?.close();
  });

  it('ACC-9: a bank login yields the verified personal code of the chosen identity', async () => {
    const { callbackUrl, pending } = await loginAtBank(login, 'janis');

    const identity = await login.finishLogin(callbackUrl, pending);

    expect(identity.personalCode).toBe('15038512346');
    expect(identity.name).toBe('Jānis Bērziņš');
    expect(identity.subject).toBe('janis');
    expect(Math.abs(identity.authTime.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('ACC-9: the bank login page lists the demo identities', async () => {
    const { url } = await login.startLogin();
    const { html } = await openBankLoginPage(new FetchBrowser(), url);

    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Demo bank login</title>');
    expect(html).toContain('Jānis Bērziņš');
    expect(html).toContain('Pēteris Ozols');
    expect(html).toContain('>Cancel</button>');
  });

  it('ACC-9: a tampered state is refused', async () => {
    const { callbackUrl, pending } = await loginAtBank(login, 'janis');

    const error = await login
      .finishLogin(callbackUrl, { ...pending, state: 'not-the-state-we-sent' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(OidcLoginError);
    expect((error as OidcLoginError).reason).toBe('invalid');
  });

  it('ACC-9: cancelling at the bank yields a denied error', async () => {
    const browser = new FetchBrowser();
    const { url, pending } = await login.startLogin();
    const { pageUrl, html } = await openBankLoginPage(browser, url);
    const callbackUrl = await postForm(browser, formAction(html, pageUrl, 'cancel'), {});

    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
    const error = await login.finishLogin(callbackUrl, pending).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(OidcLoginError);
    expect((error as OidcLoginError).reason).toBe('denied');
  });

  it('ACC-9: the portal can start while the bank is down; discovery happens on first use', async () => {
    const offline = await createOidcLogin({
      issuer: 'http://127.0.0.1:9', // discard port: nothing listens there
      clientId: 'test-portal',
      clientSecret: 'test-secret',
      redirectUri: REDIRECT_URI,
      allowInsecureHttp: true,
    });

    await expect(offline.startLogin()).rejects.toThrow();
  });
});
