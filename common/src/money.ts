// Money is kept as integer euro cents everywhere; floats never hold amounts.
import type { Lang } from './lang.ts';

/**
 * lv/ru '1 234,56 €', en '€1,234.56'; negative amounts get a leading '-'.
 * Built by hand rather than with Intl so server, browser and tests agree on every character.
 */
export function formatMoney(cents: number | bigint, lang: Lang): string {
  const value = toBigIntCents(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const euros = (abs / 100n).toString();
  const rest = (abs % 100n).toString().padStart(2, '0');
  const sign = negative ? '-' : '';
  if (lang === 'en') return `${sign}€${groupThousands(euros, ',')}.${rest}`;
  return `${sign}${groupThousands(euros, ' ')},${rest} €`;
}

/** '12.34', '12,34', '12', '12.5', '-3,00' → cents. Throws on anything else (no thousands separators). */
export function parseMoneyToCents(s: string): number {
  const match = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(s.trim());
  if (!match) throw new RangeError(`Not a money amount: ${JSON.stringify(s)}`);
  const [, minus, euros, fraction = ''] = match;
  const cents = Number(euros) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Money amount too large: ${JSON.stringify(s)}`);
  // Avoid returning -0 for '-0.00'.
  return minus && cents !== 0 ? -cents : cents;
}

function toBigIntCents(cents: number | bigint): bigint {
  if (typeof cents === 'bigint') return cents;
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Cents must be a safe integer, got ${cents}`);
  return BigInt(cents);
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}

/**
 * The one rounding step of the portal's money: `numerator / divisor` to a whole number, halves away from zero
 * (1.5 → 2, −1.5 → −2; for amounts owed that is "half-up"). Both arguments are exact integers (e.g. nano-euros
 * and 10^7 for cents), so nothing is lost before this step.
 */
export function roundHalfUp(numerator: number, divisor: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(divisor) || divisor <= 0) {
    throw new RangeError(`roundHalfUp needs safe integers and a positive divisor, got ${numerator} / ${divisor}`);
  }
  const sign = numerator < 0 ? -1 : 1;
  const magnitude = Math.abs(numerator);
  const whole = Math.floor(magnitude / divisor);
  const rest = magnitude - whole * divisor;
  return sign * (rest * 2 >= divisor ? whole + 1 : whole) || 0;
}

/** Nano-euros in one euro-cent: energy in Wh × price in micro-euros per kWh gives nano-euros exactly. */
export const NANO_EUROS_PER_CENT = 10_000_000;

/**
 * `roundHalfUp` for amounts beyond 2^53 (a company's month of nano-euros): `numerator / divisor` to a whole
 * number, halves away from zero. The divisor must be positive.
 */
export function roundHalfUpBig(numerator: bigint, divisor: bigint): bigint {
  if (divisor <= 0n) throw new RangeError(`roundHalfUpBig needs a positive divisor, got ${divisor}`);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const whole = magnitude / divisor;
  const rounded = (magnitude - whole * divisor) * 2n >= divisor ? whole + 1n : whole;
  return negative ? -rounded : rounded;
}
