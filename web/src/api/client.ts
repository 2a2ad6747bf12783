/**
 * The one way the web app talks to the server. Sends the CSRF token on every state change and turns
 * error answers into ApiError with the server's code, message and details.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Called with the csrfToken from GET /api/session and from login answers. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function csrfFromCookie(): string | null {
  const match = document.cookie.match(/(?:^|;\s*)up_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

/** A request body sent as it is (a file an import route streams), not wrapped in JSON. */
interface RawBody {
  raw: Blob;
  contentType: string;
}

async function request<T>(method: string, path: string, body?: unknown, raw?: RawBody): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (raw) headers['content-type'] = raw.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken ?? csrfFromCookie() ?? '';
  const response = await fetch(path, {
    method,
    headers,
    body: raw ? raw.raw : body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = data?.error ?? {};
    throw new ApiError(response.status, error.code ?? 'HTTP_' + response.status, error.message ?? response.statusText, error.details ?? {});
  }
  return data as T;
}

/**
 * The HTTP verbs, typed by the caller with the contract's answer type (`api.get<Contract[]>(…)`); a state change
 * without a type answers void (204 No Content). The features' <f>.api.ts files are the only callers.
 */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T = void>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T = void>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T = void>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** POST of a file's bytes as the request body with its content type (the import routes stream it) */
  postFile: <T>(path: string, file: Blob, contentType: string) => request<T>('POST', path, undefined, { raw: file, contentType }),
};
