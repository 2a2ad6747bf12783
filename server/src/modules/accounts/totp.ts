import { authenticator } from 'otplib';

const STEP_SECONDS = 30; // as authenticator apps count
const WINDOW = 1; // also the step before and after: a phone's clock may be a little off, typing takes time

/**
 * The 30-second time step a second-factor code belongs to, or null when it is not a valid code for
 * `secret` now. Callers accept each step once per user (RFC 6238 §5.2: a code that has been used must
 * not work a second time), see `users.totp_last_step`.
 */
export function totpStep(code: string, secret: string, nowMs = Date.now()): number | null {
  const delta = authenticator.clone({ epoch: nowMs, step: STEP_SECONDS, window: WINDOW }).checkDelta(code.replace(/\s/g, ''), secret);
  return delta === null ? null : Math.floor(nowMs / 1000 / STEP_SECONDS) + delta;
}
