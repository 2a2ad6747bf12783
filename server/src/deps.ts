import type { Transporter } from 'nodemailer';
import type { OperatorProfile } from '@up/operators';
import type { Config } from './config.js';
import type { Db } from './infra/db.js';
import type { Clock, OffsetClock } from './infra/clock.js';
import type { DevMailCatcher } from './infra/mailer.js';
import type { OidcLogin } from './modules/accounts/oidc-login.js';
import type { SessionCache } from './modules/accounts/session-cache.js';
import type { ConsumptionAnswerCache } from './modules/metering/consumption-answer-cache.js';
import type { PaymentProvider } from './modules/payments/payment-provider.js';
import type { InvoicePdfRenderer } from './modules/billing/invoice-pdf-pool.js';

/** What the application needs from outside; main.ts builds it, tests build their own. */
export interface Deps {
  config: Readonly<Config>;
  operator: OperatorProfile;
  db: Db;
  /** session checks kept in memory, dropped on the database's change notifications */
  sessionCache: SessionCache;
  /** finished consumption answers of ended periods, dropped on the database's change notifications (GRD-3) */
  consumptionAnswers: ConsumptionAnswerCache;
  clock: Clock;
  mailTransport: Transporter;
  /** the local dev mail catcher, when one runs (dev and tests) */
  mailCatcher: DevMailCatcher | null;
  /** bank/eID login over OpenID Connect; null when not configured */
  bankLogin: OidcLogin | null;
  /** online payment (BIL-15): the payment provider; null when none is configured (the portal shows no Pay button) */
  paymentProvider?: PaymentProvider | null;
  /** renders invoice PDFs on worker threads (PDF_WORKERS); absent = in the calling thread (tests); closed with the app */
  invoicePdfs?: InvoicePdfRenderer;
  /** the same clock as `clock` when DEV_CLOCK=true, so POST /api/dev/clock can move it (dev and browser tests) */
  devClock?: OffsetClock;
}
