import type { CaughtMail } from '@up/common/contracts/operator';
import nodemailer, { type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface SmtpTimeouts {
  /** to open the connection (DNS lookup included) */
  connectionTimeout: number;
  /** for the server's greeting once connected */
  greetingTimeout: number;
  /** of silence on the open connection, at any step of the exchange */
  socketTimeout: number;
}

/**
 * A stalled mail server gives up after these (in ms) instead of nodemailer's 2 and 10 minutes. A message's
 * claim in the outbox (CLAIM_MINUTES in notifications.service.ts, 10 minutes) outlasts the exchange they allow.
 */
export const SMTP_TIMEOUTS: SmtpTimeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** Real SMTP out: the configured server in production, the local catcher in dev and tests. */
export function createSmtpTransport(smtpUrl: string, timeouts: SmtpTimeouts = SMTP_TIMEOUTS): Transporter {
  return nodemailer.createTransport({ url: smtpUrl, ...timeouts });
}

export type { CaughtMail };

/**
 * A local SMTP server that keeps what it receives in memory, for the dev mailbox page and tests.
 * Never started in production (DEV_MODE=false and SMTP_URL set).
 */
export class DevMailCatcher {
  readonly messages: CaughtMail[] = [];
  #server: SMTPServer;
  #port = 0;

  constructor() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
            this.messages.push({
              id: this.messages.length + 1,
              to,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              attachments: parsed.attachments.map((file) => ({ fileName: file.filename ?? '', contentType: file.contentType, size: file.size })),
              receivedAt: new Date().toISOString(),
            });
            if (this.messages.length > 500) this.messages.shift();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => resolve());
    });
    const address = this.#server.server.address();
    this.#port = typeof address === 'object' && address ? address.port : port;
    return this.#port;
  }

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.#port}`;
  }

  /** Messages to one address, newest last. */
  to(address: string): CaughtMail[] {
    return this.messages.filter((mail) => mail.to.toLowerCase().includes(address.toLowerCase()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
