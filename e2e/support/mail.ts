import type { CaughtMail } from '@up/common/contracts/operator';
import { delay } from './portal.js';

/** A message of the dev mail catcher, as GET /api/dev/mail answers it. */
export type Mail = CaughtMail;

/** Everything the dev mail catcher holds (GET /api/dev/mail, newest first). */
export async function listMail(baseUrl: string): Promise<Mail[]> {
  const response = await fetch(`${baseUrl}/api/dev/mail`);
  if (!response.ok) throw new Error(`GET /api/dev/mail answered ${response.status}`);
  return (await response.json()) as Mail[];
}

interface WaitOptions {
  afterId?: number;
  timeoutMs?: number;
}

/**
 * Polls the dev mailbox (the outbox job sends every 2 s) until `pick` finds something in the messages to
 * `to` newer than `afterId`; `wanted` names it in the error.
 */
async function pollMail<T>(baseUrl: string, to: string, wanted: string, pick: (messages: Mail[]) => T | null,
  { afterId = 0, timeoutMs = 30_000 }: WaitOptions): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let seen: Mail[] = [];
  while (Date.now() < deadline) {
    seen = (await listMail(baseUrl)).filter((mail) => mail.to.toLowerCase().includes(to.toLowerCase()) && mail.id > afterId);
    const found = pick(seen);
    if (found) return found;
    await delay(300);
  }
  throw new Error(`no e-mail to ${to} ${wanted} within ${timeoutMs} ms; got: ${seen.map((m) => m.subject).join(' | ') || 'nothing'}`);
}

/** Waits for a message to `to` that contains a link with `linkPath`; returns the message and that link. */
export function waitForMailLink(baseUrl: string, to: string, linkPath: string, options: WaitOptions = {}): Promise<{ mail: Mail; link: string }> {
  return pollMail(baseUrl, to, `with a ${linkPath} link`, (messages) => {
    for (const mail of messages) {
      const link = linkIn(mail.text, linkPath);
      if (link) return { mail, link };
    }
    return null;
  }, options);
}

/** Waits for a message to `to` whose subject matches. */
export function waitForMail(baseUrl: string, to: string, subject: RegExp, options: WaitOptions = {}): Promise<Mail> {
  return pollMail(baseUrl, to, `with subject ${subject}`, (messages) => messages.find((mail) => subject.test(mail.subject)) ?? null, options);
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
