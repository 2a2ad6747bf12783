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
