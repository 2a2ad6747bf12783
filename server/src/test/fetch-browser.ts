/**
 * Just enough of a browser for OpenID Connect flows in tests: keeps cookies and follows redirects by hand
 * (fetch cannot show them). Path and expiry attributes are ignored; oidc-provider clears a cookie by
 * sending it empty.
 */
export class FetchBrowser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return response;
  }

  /** Follows redirects from `url` until one points at an address starting with `target`; returns that URL. */
  async followUntil(target: string, url: string, init?: RequestInit): Promise<URL> {
    let response = await this.request(url, init);
    for (let hop = 0; hop < 10; hop++) {
      const location = response.headers.get('location');
      if (!location) throw new Error(`expected a redirect, got HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
      const next = new URL(location, response.url || url);
      if (next.href.startsWith(target)) return next;
      response = await this.request(next.href);
    }
    throw new Error('too many redirects');
  }
}
