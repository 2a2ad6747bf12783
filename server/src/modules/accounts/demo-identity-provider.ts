/**
 * Demo OpenID Connect identity provider for development and tests. It stands in for the internet banks,
 * eID card and eParaksts behind the state's "unified login" (ACC-9): the user picks one of a few demo
 * identities and the relying party gets a signed ID token with the identity's Latvian personal code.
 *
 * It is a real oidc-provider instance (authorization code flow, PKCE S256 required, RS256 ID tokens) with
 * its own minimal interaction pages; nothing here is meant for production.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// oidc-provider ships no type declarations and @types/oidc-provider is not installed, so the module is used
// through the small typed facade below (only the parts this file needs).
// @ts-expect-error TS7016 - untyped module
import OidcProvider from 'oidc-provider';

export interface DemoIdentity {
  id: string;
  name: string;
  givenName: string;
  familyName: string;
  /** Latvian personal code, 11 digits without the hyphen. */
  personalCode: string;
  /** Shown on the login page so testers know what to expect from the portal. */
  note: string;
}

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  {
    id: 'janis',
    name: 'Jānis Bērziņš',
    givenName: 'Jānis',
    familyName: 'Bērziņš',
    personalCode: '15038512346',
    note: 'Demo customer',
  },
  {
    id: 'anna',
    name: 'Anna Kalniņa',
    givenName: 'Anna',
    familyName: 'Kalniņa',
    personalCode: '02079011115',
    note: 'Demo customer',
  },
  {
    id: 'peteris',
    name: 'Pēteris Ozols',
    givenName: 'Pēteris',
    familyName: 'Ozols',
    personalCode: '21127805678',
    note: 'Not a customer - the portal must refuse this login',
  },
  {
    id: 'new-format',
    name: 'Līga Jauna',
    givenName: 'Līga',
    familyName: 'Jauna',
    personalCode: '32000000001',
    note: 'New-format personal code',
  },
];

export interface DemoIdentityProviderClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface DemoIdentityProviderOptions {
  /** 0 picks a free port; the returned issuer carries the real one. */
  port: number;
  /** Interface to listen on, default 127.0.0.1. */
  host?: string;
  clients: DemoIdentityProviderClient[];
}

export interface DemoIdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function startDemoIdentityProvider(
  options: DemoIdentityProviderOptions,
): Promise<DemoIdentityProvider> {
  const host = options.host ?? '127.0.0.1';

  // The issuer must contain the port, which is only known after listening (port 0), so the server starts
  // first and the provider is plugged in right after.
  let handleRequest: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (handleRequest) {
      handleRequest(req, res);
    } else {
      res.writeHead(503).end();
    }
  });
  await listen(server, options.port, host);

  const { port } = server.address() as AddressInfo;
  const issuer = `http://${issuerHost(host)}:${port}`;
  const provider = createProvider(issuer, options.clients);
  const providerCallback = provider.callback();

  handleRequest = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      void handleInteraction(provider, req, res);
    } else {
      providerCallback(req, res);
    }
  };

  return { issuer, close: () => closeServer(server) };
}

// --- oidc-provider facade -------------------------------------------------------------------------------

interface InteractionDetails {
  uid: string;
  params: Record<string, unknown>;
}

interface OidcGrant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  /** Stores the grant and returns its id. */
  save(): Promise<string>;
}

type InteractionResult =
  | { login: { accountId: string }; consent: { grantId: string } }
  | { error: string; error_description: string };

interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: InteractionResult,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => OidcGrant;
}

type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => Provider;

// --- provider configuration -----------------------------------------------------------------------------

const PROFILE_CLAIMS = ['name', 'given_name', 'family_name', 'personal_code'];

function createProvider(issuer: string, clients: DemoIdentityProviderClient[]): Provider {
  const ProviderClass = OidcProvider as ProviderConstructor;
  return new ProviderClass(issuer, {
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // The portal records when the user authenticated at the bank (ACC-18 step-up).
      require_auth_time: true,
    })),
    jwks: { keys: [createSigningKey()] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], profile: PROFILE_CLAIMS },
    // Put the profile claims into the ID token so the relying party needs no userinfo call.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => findAccount(sub),
    adapter: createMemoryAdapter(),
    renderError,
    // Explicit lifetimes (seconds); the defaults would print "you SHOULD change it" notices.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  });
}

function createSigningKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function findAccount(sub: string) {
  const identity = DEMO_IDENTITIES.find((candidate) => candidate.id === sub);
  if (!identity) return undefined;
  return {
    accountId: identity.id,
    claims: async () => ({
      sub: identity.id,
      name: identity.name,
      given_name: identity.givenName,
      family_name: identity.familyName,
      personal_code: identity.personalCode,
    }),
  };
}

async function renderError(ctx: { type: string; body: string }, out: Record<string, unknown>): Promise<void> {
  ctx.type = 'html';
  const details = Object.entries(out)
    .map(([key, value]) => `<li><strong>${escapeHtml(key)}</strong>: ${escapeHtml(String(value))}</li>`)
    .join('');
  ctx.body = page('Demo bank error', `<h1>Demo bank error</h1><ul>${details}</ul>`);
}

/**
 * In-memory storage for the provider's artifacts. oidc-provider has a built-in one, but it prints a
 * "development-only adapter" warning on every start; this one keeps each provider's data separate too.
 */
function createMemoryAdapter() {
  const entries = new Map<string, { payload: StoredPayload; expiresAt: number }>();
  return (model: string) => new MemoryAdapter(model, entries);
}

type StoredPayload = Record<string, unknown>;

class MemoryAdapter {
  private readonly model: string;
  private readonly entries: Map<string, { payload: StoredPayload; expiresAt: number }>;

  constructor(model: string, entries: Map<string, { payload: StoredPayload; expiresAt: number }>) {
    this.model = model;
    this.entries = entries;
  }

  async upsert(id: string, payload: StoredPayload, expiresIn?: number): Promise<void> {
    const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
    this.entries.set(this.key(id), { payload, expiresAt });
  }

  async find(id: string): Promise<StoredPayload | undefined> {
    const key = this.key(id);
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry?.payload;
  }

  async findByUid(uid: string): Promise<StoredPayload | undefined> {
    return this.findWhere((payload) => payload.uid === uid);
  }

  async findByUserCode(userCode: string): Promise<StoredPayload | undefined> {
    return this.findWhere((payload) => payload.userCode === userCode);
  }

  async consume(id: string): Promise<void> {
    const payload = await this.find(id);
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.entries.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, entry] of this.entries) {
      if (entry.payload.grantId === grantId) this.entries.delete(key);
    }
  }

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  private async findWhere(matches: (payload: StoredPayload) => boolean): Promise<StoredPayload | undefined> {
    const prefix = `${this.model}:`;
    for (const [key, entry] of this.entries) {
      if (key.startsWith(prefix) && matches(entry.payload)) return this.find(key.slice(prefix.length));
    }
    return undefined;
  }
}

// --- interaction pages ----------------------------------------------------------------------------------

const INTERACTION_PATH = /^\/interaction\/([\w-]+)(?:\/(login|cancel))?$/;

async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const match = INTERACTION_PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
    const action = match ? `${req.method} ${match[2] ?? 'show'}` : 'unknown';
    if (!match || !['GET show', 'POST login', 'POST cancel'].includes(action)) {
      sendHtml(res, 404, page('Not found', '<h1>Not found</h1>'));
      return;
    }

    // Reads the interaction from its cookie; throws SessionNotFound when it is missing or expired.
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== match[1]) {
      sendHtml(res, 400, page('Demo bank login', '<h1>This login request is no longer active</h1>'));
      return;
    }

    if (action === 'GET show') {
      sendHtml(res, 200, loginPage(details.uid));
    } else if (action === 'POST login') {
      await finishLogin(provider, req, res, details);
    } else {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The user cancelled the login at the bank' },
        { mergeWithLastSubmission: false },
      );
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'SessionNotFound') {
      sendHtml(res, 400, page('Demo bank login', '<h1>This login request has expired</h1><p>Start again from the portal.</p>'));
      return;
    }
    console.error('demo identity provider: interaction failed', error);
    if (!res.headersSent) sendHtml(res, 500, page('Demo bank error', '<h1>Something went wrong</h1>'));
  }
}

/**
 * Logs the chosen identity in and grants the requested profile straight away: a bank asks for no separate
 * consent. oidc-provider 9 needs an explicit Grant for the consent part of the interaction.
 */
async function finishLogin(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  details: InteractionDetails,
): Promise<void> {
  const form = await readForm(req);
  const identity = DEMO_IDENTITIES.find((candidate) => candidate.id === form.get('identity'));
  if (!identity) {
    sendHtml(res, 400, page('Demo bank login', '<h1>Unknown identity</h1>'));
    return;
  }

  const grant = new provider.Grant({ accountId: identity.id, clientId: String(details.params.client_id) });
  grant.addOIDCScope('openid profile');
  grant.addOIDCClaims(PROFILE_CLAIMS);
  const grantId = await grant.save();

  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: identity.id }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

function loginPage(uid: string): string {
  const base = `/interaction/${encodeURIComponent(uid)}`;
  const identities = DEMO_IDENTITIES.map(
    (identity) => `
      <li>
        <form method="post" action="${base}/login">
          <input type="hidden" name="identity" value="${escapeHtml(identity.id)}">
          <button type="submit" aria-describedby="note-${escapeHtml(identity.id)}">Log in as ${escapeHtml(identity.name)}</button>
          <span id="note-${escapeHtml(identity.id)}">personal code ${formatPersonalCode(identity.personalCode)} · ${escapeHtml(identity.note)}</span>
        </form>
      </li>`,
  ).join('');

  return page(
    'Demo bank login',
    `<h1>Demo bank login</h1>
    <p>This is a demo identity provider. Choose who you want to be:</p>
    <ul>${identities}
    </ul>
    <form method="post" action="${base}/cancel">
      <button type="submit">Cancel</button>
    </form>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
    ul { list-style: none; padding: 0; }
    li { margin: 0 0 1rem; }
    button { font: inherit; padding: 0.5rem 1rem; margin-right: 0.5rem; }
  </style>
</head>
<body>
  <main>
    ${body}
  </main>
</body>
</html>`;
}

// --- small helpers --------------------------------------------------------------------------------------

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 10_000) throw new Error('form body too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function formatPersonalCode(code: string): string {
  return `${code.slice(0, 6)}-${code.slice(6)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A wildcard listen address is not a usable issuer host; clients reach it through the loopback address. */
function issuerHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // fetch keeps connections alive; without this close() would wait for them to time out.
    server.closeAllConnections();
  });
}
