import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { NoticeRejected, type PaymentProvider, type PaymentStart, type ProviderNotice, type StartedPayment } from './payment-provider.js';

/**
 * The demo payment provider (BIL-15) that `npm start` runs beside the portal, like the demo bank login: a page
 * where the customer pays or cancels, then a signed server-to-server notice to the portal, sent again with
 * back-off until the portal answers 2xx, and the customer sent back. Signature: `x-demo-signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the shared secret>`; a notice older than five minutes
 * is refused (replay), and the portal applies a notice once (its payment id is the key).
 */
export const SIGNATURE_HEADER = 'x-demo-signature';
const FRESH_SECONDS = 300;

export function signDemoNotice(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

interface DemoPayment extends PaymentStart {
  providerPaymentId: string;
  status: 'open' | 'paid' | 'cancelled';
}

/** The provider as the portal sees it; `payments` is the demo's own memory (its "bank"). */
export function demoPaymentProvider(options: { baseUrl: string; secret: string }): PaymentProvider & { payments: Map<string, DemoPayment> } {
  const payments = new Map<string, DemoPayment>();
  return {
    name: 'demo',
    payments,
    async startPayment(payment: PaymentStart): Promise<StartedPayment> {
      const providerPaymentId = `demo-${randomUUID()}`;
      payments.set(providerPaymentId, { ...payment, providerPaymentId, status: 'open' });
      return { providerPaymentId, redirectUrl: `${options.baseUrl}/pay/${providerPaymentId}` };
    },
    verifyNotice(rawBody: string, headers, now: Date): ProviderNotice {
      const header = headers[SIGNATURE_HEADER];
      const match = typeof header === 'string' ? /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header) : null;
      if (!match) throw new NoticeRejected('no signature');
      const sentAt = Number(match[1]);
      if (Math.abs(now.getTime() / 1000 - sentAt) > FRESH_SECONDS) throw new NoticeRejected('the notice is not fresh');
      const expected = Buffer.from(signDemoNotice(options.secret, rawBody, sentAt).slice(-64), 'hex');
      if (!timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'))) throw new NoticeRejected('the signature does not hold');
      const body = JSON.parse(rawBody) as { noticeId: string; paymentId: string; intentId: string; status: ProviderNotice['status']; amountCents: number; paidAt: string | null };
      return {
        noticeId: body.noticeId, providerPaymentId: body.paymentId, intentId: body.intentId, status: body.status, amountCents: body.amountCents,
        paidAt: body.paidAt ? new Date(body.paidAt) : null,
      };
    },
  };
}

/** The notice the demo provider posts for a payment paid (or not) at `at`, signed at `signedAt`. */
export function demoNotice(
  secret: string, payment: { providerPaymentId: string; intentId: string; amountCents: number }, status: ProviderNotice['status'], at: Date,
  noticeId = `notice-${randomUUID()}`, signedAt = new Date(),
) {
  const body = JSON.stringify({
    noticeId, paymentId: payment.providerPaymentId, intentId: payment.intentId, status, amountCents: payment.amountCents,
    paidAt: status === 'paid' ? at.toISOString() : null,
  });
  return { body, signature: signDemoNotice(secret, body, Math.floor(signedAt.getTime() / 1000)) };
}

/**
 * Posts a notice until the portal answers 2xx: `tries` times, 1, 2, 4, 8 … s apart, signed anew each time (a real
 * provider retries for days). The notice's id stays the same, so the portal can tell a retry from a new notice.
 */
export async function sendNotice(url: string, notice: () => { body: string; signature: string }, tries = 6): Promise<boolean> {
  for (let attempt = 0; attempt < tries; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** (attempt - 1)));
    const { body, signature } = notice();
    try {
      const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body });
      if (answer.ok) return true;
    } catch { /* the portal is down: try again */ }
  }
  return false;
}

/** The provider's pages: GET /pay/:id shows the payment, POST /pay/:id pays or cancels it, then sends the customer back. */
export async function startDemoPaymentProvider(options: { port: number; secret: string; host?: string; clock: { now(): Date } }): Promise<{ provider: ReturnType<typeof demoPaymentProvider>; url: string; close(): Promise<void> }> {
  const url = `http://localhost:${options.port}`;
  const provider = demoPaymentProvider({ baseUrl: url, secret: options.secret });
  const server: Server = createServer((request, response) => {
    handle(provider, options.secret, options.clock, request, response).catch(() => {
      response.statusCode = 500;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  return { provider, url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The demo shares the portal's clock (a moved DEV_CLOCK included), as a real provider shares real time. */
async function handle(provider: ReturnType<typeof demoPaymentProvider>, secret: string, clock: { now(): Date }, request: IncomingMessage, response: ServerResponse) {
  const path = /^\/pay\/([\w-]{1,80})$/.exec(new URL(request.url ?? '/', 'http://x').pathname);
  const payment = path ? provider.payments.get(path[1]!) : undefined;
  if (!payment) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No such payment');
    return;
  }
  if (request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(payment));
    return;
  }
  if (request.method !== 'POST' || payment.status !== 'open') {
    response.writeHead(303, { location: payment.returnUrl }).end();
    return;
  }
  const form = new URLSearchParams(await readBody(request));
  payment.status = form.get('action') === 'pay' ? 'paid' : 'cancelled';
  const paidAt = clock.now();
  const noticeId = `notice-${randomUUID()}`;
  const status = payment.status;
  const notice = () => demoNotice(secret, payment, status, paidAt, noticeId, clock.now());
  // the notice first (server to server, whatever the browser does next), then the customer back; a notice the
  // portal did not take is sent again in the background
  if (!await sendNotice(payment.noticeUrl, notice, 1)) void sendNotice(payment.noticeUrl, notice);
  response.writeHead(303, { location: payment.returnUrl }).end();
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => { body += chunk; if (body.length > 10_000) request.destroy(); });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function page(payment: DemoPayment): string {
  const euros = `${Math.floor(payment.amountCents / 100)},${String(payment.amountCents % 100).padStart(2, '0')} €`;
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<!doctype html><html lang="lv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo banka — maksājums</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}main{border:1px solid #ccc;border-radius:8px;padding:1.5rem}
.amount{font-size:2rem;font-weight:700}button{font-size:1rem;padding:.6rem 1.2rem;margin-right:.5rem;border-radius:6px;border:1px solid #1a5;cursor:pointer}
.pay{background:#1a7a40;color:#fff;border-color:#1a7a40}</style></head>
<body><main><h1>Demo banka</h1><p>${escape(payment.description)}</p><p class="amount">${euros}</p>
<form method="post"><button class="pay" name="action" value="pay">Apmaksāt / Pay</button><button name="action" value="cancel">Atcelt / Cancel</button></form>
<p><small>A demo payment provider: no money moves.</small></p></main></body></html>`;
}
