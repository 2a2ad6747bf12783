import { delay } from './portal.js';

export interface Mail {
  id: number;
  to: string;
  from: string;
  subject: string;
  text: string;
  receivedAt: string;
}

/** Everything the dev mail catcher holds (GET /api/dev/mail, newest first). */
export async function listMail(baseUrl: string): Promise<Mail[]> {
  const response = await fetch(`${baseUrl}/api/dev/mail`);
  if (!response.ok) throw new Error(`GET /api/dev/mail answered ${response.status}`);
  return (await response.json()) as Mail[];
}

/**
 * Polls the dev mailbox until a message to `to` arrives that contains a link with `linkPath` (and is newer
 * than `afterId`, if given); the outbox job sends every 2 s. Returns the message and that link.
 */
export async function waitForMailLink(
  baseUrl: string,
  to: string,
  linkPath: string,
  { afterId = 0, timeoutMs = 30_000 }: { afterId?: number; timeoutMs?: number } = {},
): Promise<{ mail: Mail; link: string }> {
  const deadline = Date.now() + timeoutMs;
  let seen: Mail[] = [];
  while (Date.now() < deadline) {
    seen = (await listMail(baseUrl)).filter((mail) => mail.to.toLowerCase().includes(to.toLowerCase()) && mail.id > afterId);
    for (const mail of seen) {
      const link = linkIn(mail.text, linkPath);
      if (link) return { mail, link };
    }
    await delay(300);
  }
  throw new Error(`no e-mail to ${to} with a ${linkPath} link within ${timeoutMs} ms; got: ${seen.map((m) => m.subject).join(' | ') || 'nothing'}`);
}

/** Polls until a message to `to` whose subject matches arrives. */
export async function waitForMail(
  baseUrl: string,
  to: string,
  subject: RegExp,
  { afterId = 0, timeoutMs = 30_000 }: { afterId?: number; timeoutMs?: number } = {},
): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  let seen: Mail[] = [];
  while (Date.now() < deadline) {
    seen = (await listMail(baseUrl)).filter((mail) => mail.to.toLowerCase().includes(to.toLowerCase()) && mail.id > afterId);
    const found = seen.find((mail) => subject.test(mail.subject));
    if (found) return found;
    await delay(300);
  }
  throw new Error(`no e-mail to ${to} with subject ${subject} within ${timeoutMs} ms; got: ${seen.map((m) => m.subject).join(' | ') || 'nothing'}`);
}

/** The id of the newest caught message (0 when none), to wait for mail sent after this moment. */
export async function lastMailId(baseUrl: string): Promise<number> {
  return Math.max(0, ...(await listMail(baseUrl)).map((mail) => mail.id));
}

/** The first http(s) link in the text whose path starts with linkPath (e.g. "/activate?token="). */
export function linkIn(text: string, linkPath: string): string | null {
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = new URL(match[0]);
    if ((url.pathname + url.search).startsWith(linkPath)) return match[0];
  }
  return null;
}
