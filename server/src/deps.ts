import type { Transporter } from 'nodemailer';
import type { OperatorProfile } from '@up/operators';
import type { Config } from './config.js';
import type { Db } from './infra/db.js';
import type { Clock } from './infra/clock.js';
import type { DevMailCatcher } from './infra/mailer.js';
import type { OidcLogin } from './modules/accounts/oidc-login.js';

/** What the application needs from outside; main.ts builds it, tests build their own. */
export interface Deps {
  config: Readonly<Config>;
  operator: OperatorProfile;
  db: Db;
  clock: Clock;
  mailTransport: Transporter;
  /** the local dev mail catcher, when one runs (dev and tests) */
  mailCatcher: DevMailCatcher | null;
  /** bank/eID login over OpenID Connect; null when not configured */
  bankLogin: OidcLogin | null;
}
