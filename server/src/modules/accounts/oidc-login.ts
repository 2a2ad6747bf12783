/**
 * Relying-party side of the external identity login (ACC-9): internet bank, eID card, eParaksts behind an
 * OpenID Connect provider. Authorization code flow with PKCE (S256), state and nonce; the verified
 * personal code comes from the ID token.
 *
 * This module only proves who the person is. Whether that person may use the portal (a customer with a
 * supply contract) is decided by the caller.
 */
import * as client from 'openid-client';

export interface OidcLoginConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The portal's callback URL as registered at the identity provider (without a query string). */
  redirectUri: string;
  /** Allow a plain-http issuer (the demo identity provider in dev and tests). */
  allowInsecureHttp: boolean;
}

/** What the portal keeps (e.g. in a short-lived cookie) between startLogin and finishLogin. */
export interface PendingOidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VerifiedIdentity {
  /** Latvian personal code, 11 digits without the hyphen. */
  personalCode: string;
  name: string;
  /** The identity provider's subject identifier. */
  subject: string;
  /** When the person authenticated at the identity provider. */
  authTime: Date;
}

export interface OidcLogin {
  /** The identity provider's origin (of the configured issuer URL), e.g. for the CSP's form-action. */
  readonly providerOrigin: string;
  startLogin(): Promise<{ url: string; pending: PendingOidcLogin }>;
  finishLogin(callbackUrl: URL, pending: PendingOidcLogin): Promise<VerifiedIdentity>;
}

export type OidcLoginFailure = 'denied' | 'invalid' | 'no_personal_code';

/**
 * The login did not produce a verified identity: the person cancelled or was refused at the identity
 * provider ('denied'), the response failed validation (state, nonce, PKCE, signature, token exchange:
 * 'invalid'), or the ID token carried no usable personal code ('no_personal_code').
 * Other errors (identity provider unreachable) are passed through unchanged.
 */
export class OidcLoginError extends Error {
  override readonly name = 'OidcLoginError';
  readonly reason: OidcLoginFailure;

  constructor(reason: OidcLoginFailure, message: string, options?: ErrorOptions) {
    super(message, options);
    this.reason = reason;
  }
}

const SCOPE = 'openid profile';

/**
 * Never throws because the identity provider is down: discovery happens on first use and is retried on
 * the next call until it succeeds.
 */
export async function createOidcLogin(config: OidcLoginConfig): Promise<OidcLogin> {
  const getConfiguration = lazyDiscovery(config);

  return {
    providerOrigin: new URL(config.issuer).origin,

    async startLogin() {
      const configuration = await getConfiguration();
      const pending: PendingOidcLogin = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(configuration, {
        response_type: 'code',
        redirect_uri: config.redirectUri,
        scope: SCOPE,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        // Always authenticate at the bank; never silently reuse an earlier bank session (also what a
        // step-up login for ACC-18 needs).
        prompt: 'login',
      });
      return { url: url.href, pending };
    },

    async finishLogin(callbackUrl, pending) {
      const configuration = await getConfiguration();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(configuration, responseUrl(callbackUrl, config.redirectUri), {
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          pkceCodeVerifier: pending.codeVerifier,
          idTokenExpected: true,
        });
      } catch (error) {
        throw toLoginError(error);
      }

      const claims = tokens.claims();
      if (!claims) throw new OidcLoginError('invalid', 'the identity provider returned no ID token');
      return identityFromClaims(claims);
    },
  };
}

function lazyDiscovery(config: OidcLoginConfig): () => Promise<client.Configuration> {
  let discovered: Promise<client.Configuration> | undefined;
  return () => {
    discovered ??= discover(config).catch((error: unknown) => {
      discovered = undefined; // retry on the next login
      throw error;
    });
    return discovered;
  };
}

function discover(config: OidcLoginConfig): Promise<client.Configuration> {
  return client.discovery(
    new URL(config.issuer),
    config.clientId,
    undefined,
    client.ClientSecretBasic(config.clientSecret),
    {
      // allowInsecureRequests is marked deprecated only to make it stand out; it is meant for local http.
      execute: config.allowInsecureHttp ? [client.allowInsecureRequests] : [],
      timeout: 10,
    },
  );
}

/**
 * openid-client sends the callback URL without its query as redirect_uri to the token endpoint, and the
 * identity provider compares it with the one in the authorization request. Behind a proxy the URL the
 * server sees can differ from the registered one, so only the response parameters are taken over.
 */
function responseUrl(callbackUrl: URL, redirectUri: string): URL {
  const url = new URL(redirectUri);
  url.search = callbackUrl.search;
  return url;
}

function toLoginError(error: unknown): unknown {
  if (error instanceof client.AuthorizationResponseError) {
    const reason = error.error === 'access_denied' ? 'denied' : 'invalid';
    return new OidcLoginError(reason, `identity provider refused the login: ${error.error}`, { cause: error });
  }
  if (
    error instanceof client.ClientError ||
    error instanceof client.ResponseBodyError ||
    error instanceof client.WWWAuthenticateChallengeError
  ) {
    return new OidcLoginError('invalid', `login response rejected: ${error.message}`, { cause: error });
  }
  return error;
}

function identityFromClaims(claims: client.IDToken): VerifiedIdentity {
  const personalCode = normalizePersonalCode(claims.personal_code);
  if (!personalCode) {
    throw new OidcLoginError('no_personal_code', 'the ID token carries no valid personal_code claim');
  }
  return {
    personalCode,
    name: displayName(claims),
    subject: claims.sub,
    authTime: new Date((claims.auth_time ?? claims.iat) * 1000),
  };
}

/** Accepts "15038512346" and the printed form "150385-12346"; returns the 11 digits or undefined. */
function normalizePersonalCode(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const digits = value.trim().replace(/^(\d{6})-(\d{5})$/, '$1$2');
  return /^\d{11}$/.test(digits) ? digits : undefined;
}

function displayName(claims: client.IDToken): string {
  if (typeof claims.name === 'string' && claims.name.trim()) return claims.name.trim();
  return [claims.given_name, claims.family_name]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ');
}
