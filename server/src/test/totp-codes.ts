import { authenticator } from 'otplib';

/** The code an authenticator app shows `steps` 30-second steps after the moment `epoch` (ms). */
export function totpCodeAt(secret: string, epoch: number, steps = 0): string {
  return authenticator.clone({ epoch: epoch + steps * 30_000 }).generate(secret);
}
